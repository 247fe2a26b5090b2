"""What readers see of a claim: its latest approved version (ClaimVersion).

Every outside view of a fact-check (ClaimReview, the API's public fields,
feeds and webhooks) reads it from here, never from the claim's working
fields, which people edit and which wait for a second person's approval.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from claims.models import Claim, ClaimVersion, Evidence, Rating, VersionKind, VersionState


@dataclass(frozen=True)
class PublicRecord:
    claim_id: int
    content: str
    source_text: str
    source_kind: str
    cue_text: str
    channel_text: str
    quote_type: str
    hedged: bool
    verdict: Rating | None
    rationale: str
    evidence: list = field(default_factory=list)  # Evidence rows marked public
    published_at: datetime | None = None
    published_by: object = None  # the user who approved the publication
    modified_at: datetime | None = None  # the last approved correction
    correction_note: str = ""  # that correction's public reason
    corrections: list = field(default_factory=list)  # [(datetime, note)], oldest first
    withdrawn_at: datetime | None = None
    withdrawn_reason: str = ""

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


def _record(content: str, versions: list[ClaimVersion], evidence: dict[int, Evidence]):
    """The record from a claim's approved versions, oldest first."""
    current = versions[-1]
    publications = [v for v in versions if v.kind != VersionKind.CORRECTION]
    publication = publications[-1] if publications else versions[0]
    corrections = [v for v in versions if v.kind == VersionKind.CORRECTION]
    since = [v for v in corrections if v.approved_at >= publication.approved_at]
    last = since[-1] if since else None
    return PublicRecord(
        claim_id=current.claim_id,
        content=content,
        source_text=current.source_text,
        source_kind=current.source_kind,
        cue_text=current.cue_text,
        channel_text=current.channel_text,
        quote_type=current.quote_type,
        hedged=current.hedged,
        verdict=current.verdict,
        rationale=current.rationale,
        evidence=[evidence[pk] for pk in current.evidence_ids or [] if pk in evidence],
        published_at=publication.approved_at,
        published_by=publication.approved_by,
        modified_at=last.approved_at if last else None,
        correction_note=last.note if last else "",
        corrections=[(v.approved_at, v.note) for v in corrections],
        withdrawn_at=current.withdrawn_at,
        withdrawn_reason=current.withdrawn_reason,
    )


# The claim's row is joined for its text only (not the article's, nor the rest).
_CLAIM_FIELDS = ["claim__id", "claim__content"]


def _records_for(claim_ids: list[int]) -> list[PublicRecord]:
    versions = list(
        ClaimVersion.objects.filter(claim_id__in=claim_ids, state=VersionState.APPROVED)
        .select_related("verdict", "approved_by", "claim")
        .only(
            *(f.name for f in ClaimVersion._meta.concrete_fields),
            *_CLAIM_FIELDS,
            "verdict__slug",
            "verdict__label_it",
            "verdict__label_en",
            "verdict__value",
            "verdict__position",
            "approved_by__username",
        )
        .order_by("claim_id", "approved_at", "id")
    )
    by_claim: dict[int, list[ClaimVersion]] = {}
    for version in versions:
        by_claim.setdefault(version.claim_id, []).append(version)
    evidence_ids = {pk for v in versions for pk in (v.evidence_ids or [])}
    evidence = (
        {e.pk: e for e in Evidence.objects.filter(pk__in=evidence_ids)} if evidence_ids else {}
    )
    return [
        _record(claim_versions[0].claim.content, claim_versions, evidence)
        for _claim_id, claim_versions in sorted(by_claim.items())
    ]


def public_record(claim: Claim) -> PublicRecord | None:
    """The claim as the public sees it; None when it was never published."""
    records = _records_for([claim.pk])
    return records[0] if records else None


def public_records(queryset: QuerySet | None = None) -> list[PublicRecord]:
    """The public records of the claims of queryset (all claims by default)
    that were ever published, withdrawn ones included, by claim id; a fixed
    number of queries whatever their number."""
    claims = Claim.objects.all() if queryset is None else queryset
    ids = list(
        claims.filter(versions__state=VersionState.APPROVED)
        .order_by()
        .values_list("pk", flat=True)
        .distinct()
    )
    return _records_for(ids) if ids else []


def iter_public_records(queryset: QuerySet, *, chunk_size: int = 500) -> Iterator[PublicRecord]:
    """public_records() a chunk at a time, for streamed exports."""
    ids = (
        queryset.filter(versions__state=VersionState.APPROVED)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    chunk: list[int] = []
    for pk in ids.iterator(chunk_size=chunk_size):
        chunk.append(pk)
        if len(chunk) >= chunk_size:
            yield from _records_for(chunk)
            chunk = []
    if chunk:
        yield from _records_for(chunk)
