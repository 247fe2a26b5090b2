"""What a published fact-check says to the public, frozen in one record.

The public page, its ClaimReview and the feeds read this record only, never
the claim's live fields: an editor's unpublished change to a published claim
must not reach readers until it is published as a correction.

This is the provisional version written beside the public pages (issue 16).
The corrections-and-withdrawals work (issue 13) owns this module and replaces
it with one that keeps the published text itself; the names and fields below
are the interface both agree on.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from claims.models import Claim, ClaimEvent, ClaimStatus, Evidence, Rating


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
    evidence: list[Evidence]
    published_at: datetime
    published_by: object  # the user who published it, or None
    modified_at: datetime | None = None
    correction_note: str = ""
    corrections: list[tuple[datetime, str]] = field(default_factory=list)
    withdrawn_at: datetime | None = None
    withdrawn_reason: str = ""


def _is_published(claim: Claim) -> bool:
    return (
        claim.status == ClaimStatus.PUBLISHED
        and claim.verdict_id is not None
        and claim.published_at is not None
    )


def _corrections(events: Iterable[ClaimEvent]) -> list[tuple[datetime, str]]:
    """One entry per correction (a correction writes one event per changed field)."""
    by_time: dict[datetime, str] = {}
    for event in sorted(events, key=lambda e: (e.created_at, e.pk)):
        by_time.setdefault(event.created_at, event.reason)
    return list(by_time.items())


def _record(claim: Claim, evidence: list[Evidence], events: list[ClaimEvent]) -> PublicRecord:
    corrections = _corrections(events)
    return PublicRecord(
        claim_id=claim.pk,
        content=claim.content,
        source_text=claim.source_text,
        source_kind=claim.source_kind,
        cue_text=claim.cue_text,
        channel_text=claim.channel_text,
        quote_type=claim.quote_type,
        hedged=claim.hedged,
        verdict=claim.verdict,
        rationale=claim.rationale,
        evidence=evidence,
        published_at=claim.published_at,
        published_by=claim.published_by,
        modified_at=corrections[-1][0] if corrections else None,
        correction_note=corrections[-1][1] if corrections else "",
        corrections=corrections,
    )


def public_record(claim: Claim) -> PublicRecord | None:
    """The claim as published; None unless it is published."""
    if not _is_published(claim):
        return None
    return _record(
        claim,
        list(claim.evidence.all()),
        list(ClaimEvent.objects.filter(claim=claim, action="correction")),
    )


def public_records(queryset: QuerySet | None = None) -> list[PublicRecord]:
    """The published claims among ``queryset`` (all claims by default), in its
    order, in a fixed number of queries however many there are."""
    queryset = Claim.objects.all() if queryset is None else queryset
    claims = (
        queryset.filter(status=ClaimStatus.PUBLISHED, verdict__isnull=False)
        .exclude(published_at=None)
        .select_related("verdict", "published_by")
        .prefetch_related(
            "evidence",
            Prefetch(
                "events",
                queryset=ClaimEvent.objects.filter(action="correction"),
                to_attr="correction_events",
            ),
        )
    )
    return [_record(claim, list(claim.evidence.all()), claim.correction_events) for claim in claims]
