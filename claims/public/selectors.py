"""Reads for the public pages. Only published claims are ever looked at, and
what is shown comes from their public records (claims/public_record.py)."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from claims.models import Article, Claim, ClaimVersion, VersionState
from claims.public_record import PublicRecord, public_records

SEARCH_MAX_LENGTH = 200
# Newest fact-checks and newest corrections the feeds look at.
FEED_LENGTH = 50


@dataclass(frozen=True)
class FactCheck:
    """A published record with the article it was found in and its page's slug."""

    record: PublicRecord
    article: Article
    slug: str

    @property
    def claim_id(self) -> int:
        return self.record.claim_id

    @property
    def withdrawn(self) -> bool:
        return self.record.withdrawn_at is not None

    @property
    def last_change(self) -> datetime:
        changes = [self.record.published_at, self.record.modified_at, self.record.withdrawn_at]
        if self.record.corrections:
            changes.append(self.record.corrections[-1][0])
        return max(change for change in changes if change is not None)


def published_claims() -> QuerySet:
    """Claims with a version two people approved (withdrawn ones included: their
    page says so), the newest first. Nothing else is ever public."""
    approved = ClaimVersion.objects.filter(claim=OuterRef("pk"), state=VersionState.APPROVED)
    return (
        Claim.objects.filter(Exists(approved))
        .exclude(published_at=None)
        .order_by("-published_at", "-id")
    )


def _with_articles(claims: QuerySet) -> QuerySet:
    return claims.select_related("article").defer("article__text", "article__raw_html")


def fact_checks(claims) -> list[FactCheck]:
    """FactChecks for these claims (a page of them: a list or a sliced queryset), in
    their order; a claim without a public record is left out. Three queries or so,
    however many claims."""
    claims = list(claims)
    records = {
        record.claim_id: record
        for record in public_records(Claim.objects.filter(pk__in=[c.pk for c in claims]))
    }
    return [
        FactCheck(record=records[claim.pk], article=claim.article, slug=claim.public_slug)
        for claim in claims
        if claim.pk in records
    ]


def fact_check_by_key(key: str) -> tuple[FactCheck | None, bool]:
    """The published fact-check a URL names, by slug or id, and whether the URL
    is its canonical one. (None, False) when nothing published answers to it."""
    claims = _with_articles(published_claims())
    claim = claims.filter(public_slug=key).first() if not key.isdigit() else None
    if claim is None:
        # "/fact-checks/123/" or an old or mistyped slug that still starts with the id.
        match = re.match(r"^(\d{1,18})(?:-|$)", key)
        claim = claims.filter(pk=int(match.group(1))).first() if match else None
    if claim is None:
        return None, False
    found = fact_checks([claim])
    if not found:
        return None, False
    return found[0], key == (claim.public_slug or str(claim.pk))


def search_published(claims: QuerySet, query: str) -> QuerySet:
    """Claims whose words, public source or rationale, or article title or outlet
    contain every word of ``query``, in any letter case.

    The source and rationale searched are the public record's (the latest
    approved version), never the claim's working copy: a correction still
    waiting for its second reader must not be found by a reader's search.
    """
    latest_approved = (
        ClaimVersion.objects.filter(claim=OuterRef("pk"), state=VersionState.APPROVED)
        .order_by("-approved_at", "-id")
        .values("pk")[:1]
    )
    claims = claims.annotate(public_version_id=Subquery(latest_approved))
    for word in query.split()[:10]:
        public_words = ClaimVersion.objects.filter(pk=OuterRef("public_version_id")).filter(
            Q(source_text__icontains=word) | Q(rationale__icontains=word)
        )
        claims = claims.filter(
            Q(content__icontains=word)
            | Exists(public_words)
            | Q(article__title__icontains=word)
            | Q(article__outlet__icontains=word)
        )
    return claims


def fact_check_index(*, query: str = "") -> QuerySet:
    """The public index's claims (paginate, then pass a page to fact_checks())."""
    claims = _with_articles(published_claims())
    query = query.strip()[:SEARCH_MAX_LENGTH]
    return search_published(claims, query) if query else claims


PUBLICATION, CORRECTION, WITHDRAWAL = "publication", "correction", "withdrawal"


@dataclass(frozen=True)
class FeedEntry:
    """One item of the feeds: a fact-check published, corrected or withdrawn."""

    fact_check: FactCheck
    at: datetime
    kind: str  # PUBLICATION, CORRECTION or WITHDRAWAL
    number: int = 0  # of a correction: 1 for the first
    note: str = ""


def feed_entries(*, limit: int = FEED_LENGTH) -> list[FeedEntry]:
    """The newest publications, corrections and withdrawals, newest first."""
    # Recently published claims, and recently changed ones (where corrections are).
    newest = list(_with_articles(published_claims())[:limit])
    changed = list(_with_articles(published_claims().order_by("-updated_at", "-id"))[:limit])
    claims = {claim.pk: claim for claim in [*newest, *changed]}
    entries = []
    for fact_check in fact_checks(claims.values()):
        record = fact_check.record
        entries.append(FeedEntry(fact_check, record.published_at, PUBLICATION))
        for number, (when, note) in enumerate(record.corrections, start=1):
            entries.append(FeedEntry(fact_check, when, CORRECTION, number, note))
        if record.withdrawn_at is not None:
            entries.append(
                FeedEntry(fact_check, record.withdrawn_at, WITHDRAWAL, note=record.withdrawn_reason)
            )
    entries.sort(key=lambda entry: (entry.at, entry.fact_check.claim_id), reverse=True)
    return entries[:limit]
