"""Every non-trivial read. Each screen asks a fixed number of queries,
whatever the number of rows: lists are paginated and their per-row numbers
come from one aggregate over the page's ids."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest, Length, Substr

from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Comment,
    Evidence,
    ExtractionState,
    Language,
    Rating,
    SourceKind,
)

OPEN_STATUSES = (ClaimStatus.UNVERIFIED, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW)
ARTICLE_SORTS = {
    "newest": ("-submitted_at", "-id"),
    "oldest": ("submitted_at", "id"),
    "title": ("title", "id"),
    "state": ("extraction_state", "-submitted_at", "-id"),
}
# Characters of article text shown around a claim on its own page.
CONTEXT_CHARS = 300


# --- Articles ---------------------------------------------------------------


# An untitled article is named by its first words, without loading its whole text.
HEAD = Substr("text", 1, 80)


def article_recent(*, limit: int = 20):
    return (
        Article.objects.select_related("submitted_by")
        .only(
            "id",
            "title",
            "language",
            "extraction_state",
            "submitted_at",
            "submitted_by__username",
        )
        .annotate(text_head=HEAD)[:limit]
    )


def article_list(
    *,
    search: str = "",
    state: str = "",
    language: str = "",
    unreviewed: str = "",
    sort: str = "newest",
):
    """Articles for the list screen; the text itself is never loaded."""
    qs = (
        Article.objects.select_related("submitted_by")
        .only(
            "id",
            "title",
            "url",
            "language",
            "extraction_state",
            "submitted_at",
            "submitted_by__username",
        )
        .annotate(text_head=HEAD)
    )
    search = (search or "").strip()
    if search:
        qs = qs.filter(Q(title__icontains=search) | Q(text__icontains=search))
    if state in ExtractionState.values:
        qs = qs.filter(extraction_state=state)
    if language in Language.values:
        qs = qs.filter(language=language)
    if unreviewed in ("yes", "no"):
        has_unreviewed = Exists(
            Claim.objects.filter(article=OuterRef("pk"), status=ClaimStatus.UNVERIFIED)
        )
        qs = qs.filter(has_unreviewed if unreviewed == "yes" else ~has_unreviewed)
    return qs.order_by(*ARTICLE_SORTS.get(sort, ARTICLE_SORTS["newest"]))


def article_claim_counts(*, article_ids) -> dict[int, dict]:
    """{article_id: {"total": n, "unreviewed": m}} for a page of articles, in one query."""
    rows = (
        Claim.objects.filter(article_id__in=list(article_ids))
        .values("article_id")
        .annotate(
            total=Count("id"),
            unreviewed=Count("id", filter=Q(status=ClaimStatus.UNVERIFIED)),
        )
    )
    return {row["article_id"]: row for row in rows}


def article_detail(*, article_id: int) -> Article:
    return Article.objects.select_related("submitted_by").get(pk=article_id)


def article_progress(*, article_id: int) -> Article:
    return Article.objects.only(
        "id", "extraction_state", "extraction_error", "extraction_attempts", "updated_at"
    ).get(pk=article_id)


def article_claims(*, article: Article):
    return article.claims.select_related("verdict", "assignee", "corrected_by").order_by(
        "content_start", "position", "id"
    )


# --- Claims -----------------------------------------------------------------


def claim_detail(*, claim_id: int) -> Claim:
    """A claim with what its page shows, and the article text around it (not all of it)."""
    claim = (
        Claim.objects.select_related("article", "verdict", "assignee", "source")
        # Joined too, these three users made PostgreSQL spend ~6 ms planning an
        # eight-table join that runs in 0.3; apart, each is a lookup by key,
        # and none at all when nobody has corrected or published the claim.
        .prefetch_related("corrected_by", "verdict_set_by", "published_by")
        .defer("article__text")
        .annotate(
            article_length=Length("article__text"),
            context_offset=Greatest(F("content_start") - CONTEXT_CHARS, 0),
            context_text=Substr(
                "article__text",
                Greatest(F("content_start") - CONTEXT_CHARS, 0) + 1,
                F("content_end") - Greatest(F("content_start") - CONTEXT_CHARS, 0) + CONTEXT_CHARS,
            ),
        )
        .get(pk=claim_id)
    )
    text = claim.context_text or ""
    claim.context_before = text[: max(claim.content_start - claim.context_offset, 0)]
    claim.context_after = text[claim.content_end - claim.context_offset :]
    claim.context_more = claim.context_offset + len(text) < claim.article_length
    return claim


def claim_history(*, claim: Claim):
    return (
        ClaimEvent.objects.filter(claim=claim)
        .select_related("actor")
        .only(
            "id",
            "action",
            "field",
            "old_value",
            "new_value",
            "reason",
            "created_at",
            "actor__id",
            "actor__username",
        )
        .order_by("-created_at", "-id")
    )


def claim_evidence(*, claim: Claim):
    return Evidence.objects.filter(claim=claim).select_related("added_by")


def claim_comment_threads(*, claim: Claim) -> list[tuple[Comment, list]]:
    """Top-level comments, each with its replies (flattened under it), oldest first."""
    comments = list(
        Comment.objects.filter(claim=claim)
        .select_related("author")
        .only("id", "parent_id", "body", "created_at", "author__id", "author__username")
    )
    by_id = {comment.pk: comment for comment in comments}
    children: dict[int | None, list[Comment]] = {}
    for comment in comments:
        parent = comment.parent_id if comment.parent_id in by_id else None
        children.setdefault(parent, []).append(comment)

    def descendants(comment):
        found = []
        for child in children.get(comment.pk, []):
            found.append(child)
            found.extend(descendants(child))
        return found

    return [(comment, descendants(comment)) for comment in children.get(None, [])]


def rating_scale():
    return list(Rating.objects.order_by("position"))


def assignable_users():
    """People who can review claims: members of a role group, or superusers."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name__in=["fact-checker", "editor", "admin"]) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
        .only("id", "username")
    )


# --- Review queue -----------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    status: str = "open"
    verdict: str = ""
    language: str = ""
    source_kind: str = ""
    hedged: str = ""
    mine: bool = False
    article: int | None = None
    # "oldest" (the default) or "worth": most check-worthy first (claims/checkworthiness.py).
    sort: str = "oldest"


def claim_queue(*, filters: QueueFilters, user):
    """The filtered review queue, oldest claim first."""
    qs = Claim.objects.select_related("article", "verdict", "assignee").only(
        "id",
        "content",
        "source_text",
        "cue_text",
        "source_kind",
        "quote_type",
        "hedged",
        "status",
        "version",
        "created_at",
        "checkworthiness",
        "checkworthiness_reasons",
        "article__id",
        "article__title",
        "article__language",
        "verdict__id",
        "verdict__label_it",
        "verdict__label_en",
        "verdict__slug",
        "assignee__id",
        "assignee__username",
    )
    if filters.status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif filters.status in ClaimStatus.values:
        qs = qs.filter(status=filters.status)
    if filters.verdict == "none":
        qs = qs.filter(verdict__isnull=True)
    elif filters.verdict:
        qs = qs.filter(verdict__slug=filters.verdict)
    if filters.language in Language.values:
        qs = qs.filter(article__language=filters.language)
    if filters.source_kind in SourceKind.values:
        qs = qs.filter(source_kind=filters.source_kind)
    if filters.hedged in ("yes", "no"):
        qs = qs.filter(hedged=filters.hedged == "yes")
    if filters.mine:
        qs = qs.filter(assignee=user)
    if filters.article:
        qs = qs.filter(article_id=filters.article)
    if filters.sort == "worth":
        # Unscored claims (extracted before triage existed) come last.
        return qs.annotate(worth=Coalesce("checkworthiness", -1)).order_by("-worth", "id")
    return qs.order_by("id")


def _worth_of(queryset, claim_id: int) -> int:
    value = Claim.objects.filter(pk=claim_id).values_list("checkworthiness", flat=True).first()
    return -1 if value is None else value


def claim_queue_from(*, queryset, claim_id: int, sort: str = "oldest"):
    """The queue from a claim on (that claim included), in the queue's order."""
    if sort == "worth":
        worth = _worth_of(queryset, claim_id)
        return queryset.filter(Q(worth__lt=worth) | Q(worth=worth, id__gte=claim_id))
    return queryset.filter(id__gte=claim_id)


def claim_queue_before(*, queryset, claim_id: int, sort: str = "oldest"):
    """The claims just before one in the queue, nearest first."""
    if sort == "worth":
        worth = _worth_of(queryset, claim_id)
        return queryset.filter(Q(worth__gt=worth) | Q(worth=worth, id__lt=claim_id)).order_by(
            "worth", "-id"
        )
    return queryset.filter(id__lt=claim_id).order_by("-id")


def claim_queue_counts(*, queryset) -> dict:
    """What is left in a filtered queue, in one query."""
    # Counting "status" (never null), not "id": with no other filter the
    # (status, verdict) index answers alone, without reading the table.
    return queryset.order_by().aggregate(
        total=Count("status"),
        without_verdict=Count("status", filter=Q(verdict__isnull=True)),
        unverified=Count("status", filter=Q(status=ClaimStatus.UNVERIFIED)),
        in_progress=Count("status", filter=Q(status=ClaimStatus.IN_PROGRESS)),
        in_review=Count("status", filter=Q(status=ClaimStatus.IN_REVIEW)),
    )


def claim_queue_neighbour(
    *, queryset, claim_id: int, forward: bool = True, sort: str = "oldest"
) -> int | None:
    """The id of the next (or previous) claim of the queue after claim_id."""
    if sort == "worth":
        if forward:
            after = claim_queue_from(queryset=queryset, claim_id=claim_id, sort=sort)
            return after.exclude(id=claim_id).values_list("id", flat=True).first()
        before = claim_queue_before(queryset=queryset, claim_id=claim_id, sort=sort)
        return before.values_list("id", flat=True).first()
    if forward:
        return queryset.filter(id__gt=claim_id).order_by("id").values_list("id", flat=True).first()
    return queryset.filter(id__lt=claim_id).order_by("-id").values_list("id", flat=True).first()


# --- Dashboard --------------------------------------------------------------


def claim_counts() -> tuple[dict[str, int], list[tuple[Rating | None, int]]]:
    """Claims by state and by verdict, from one grouped scan."""
    by_status = {status: 0 for status in ClaimStatus.values}
    by_verdict: dict[int | None, int] = {}
    rows = Claim.objects.order_by().values_list("status", "verdict_id").annotate(n=Count("status"))
    for status, verdict_id, n in rows:
        by_status[status] = by_status.get(status, 0) + n
        by_verdict[verdict_id] = by_verdict.get(verdict_id, 0) + n
    scale = rating_scale()
    verdicts = [(rating, by_verdict.get(rating.pk, 0)) for rating in scale]
    return by_status, verdicts + [(None, by_verdict.get(None, 0))]


def claims_assigned_to(*, user, limit: int = 10):
    return (
        Claim.objects.filter(assignee=user, status__in=OPEN_STATUSES)
        .select_related("article", "verdict")
        .only(
            "id",
            "content",
            "status",
            "created_at",
            "article__id",
            "article__title",
            "verdict__label_it",
            "verdict__label_en",
        )
        .order_by("status", "created_at", "id")[:limit]
    )


def claims_oldest_unreviewed(*, limit: int = 10):
    return (
        Claim.objects.filter(status=ClaimStatus.UNVERIFIED)
        .select_related("article")
        .only("id", "content", "source_text", "created_at", "article__id", "article__title")
        .order_by("created_at", "id")[:limit]
    )
