"""Every non-trivial read. Each screen asks a fixed number of queries,
whatever the number of rows: lists are paginated and their per-row numbers
come from one aggregate over the page's ids."""

import json
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
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
from claims.search import article_search_condition

# Counts above this are estimated (see claim_queue_counts and claim_counts).
COUNT_CAP = 1_000
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
        qs = qs.filter(article_search_condition(search))
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


# The claim page lists this many changes, newest first; the rest are a click
# away (?history=all). A claim worked on for years has hundreds, and the page
# is opened far more often than its whole history is read.
HISTORY_SHOWN = 50


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


def claim_recent_history(*, claim: Claim, limit: int | None = HISTORY_SHOWN):
    """The latest `limit` changes (all of them with None) and whether older ones exist.

    One query either way: it reads one row past the limit to know.
    """
    events = claim_history(claim=claim)
    if limit is None:
        return list(events), False
    events = list(events[: limit + 1])
    return events[:limit], len(events) > limit


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


QUEUE_ROW_FIELDS = (
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


def claim_queue_rows():
    """Claims with what a row of the queue shows, and nothing else."""
    return Claim.objects.select_related("article", "verdict", "assignee").only(*QUEUE_ROW_FIELDS)


def claim_queue(*, filters: QueueFilters, user):
    """The filtered review queue, oldest claim first."""
    qs = claim_queue_rows()
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
    """What is left in a filtered queue, in one query: exact up to COUNT_CAP
    claims, an estimate beyond (``estimated`` is then true, and only the
    total is given). Nobody needs 812,345 rather than "about 810,000", and
    counting a million rows costs more than the rest of the page together."""
    inner, params = (
        queryset.order_by().values_list("status", "verdict_id")[: COUNT_CAP + 1].query
    ).sql_with_params()
    sql = f"""
        SELECT count(*),
               count(*) FILTER (WHERE verdict_id IS NULL),
               count(*) FILTER (WHERE status = %s),
               count(*) FILTER (WHERE status = %s),
               count(*) FILTER (WHERE status = %s)
        FROM ({inner}) AS capped
    """
    statuses = (ClaimStatus.UNVERIFIED, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW)
    with connection.cursor() as cursor:
        cursor.execute(sql, (*statuses, *params))
        total, without_verdict, unverified, in_progress, in_review = cursor.fetchone()
    if total <= COUNT_CAP:
        return {
            "total": total,
            "without_verdict": without_verdict,
            "unverified": unverified,
            "in_progress": in_progress,
            "in_review": in_review,
            "estimated": False,
        }
    return {"total": max(_estimated_rows(queryset), COUNT_CAP), "estimated": True}


def _estimated_rows(queryset) -> int:
    """The planner's estimate of a queryset's rows, rounded to two figures."""
    if connection.vendor != "postgresql":
        return queryset.count()
    sql, params = queryset.order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    rows = int(plan[0]["Plan"]["Plan Rows"])
    return int(float(f"{rows:.2g}"))


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
    """Claims by state and by verdict: one grouped scan on a small desk, the
    planner's statistics (kept by ANALYZE) on a large one."""
    by_status = {status: 0 for status in ClaimStatus.values}
    by_verdict: dict[int | None, int] = {}
    estimated = _estimated_status_verdict()
    if estimated is not None:
        statuses, verdicts = estimated
        by_status.update(statuses)
        by_verdict.update(verdicts)
    else:
        rows = (
            Claim.objects.order_by().values_list("status", "verdict_id").annotate(n=Count("status"))
        )
        for status, verdict_id, n in rows:
            by_status[status] = by_status.get(status, 0) + n
            by_verdict[verdict_id] = by_verdict.get(verdict_id, 0) + n
    scale = rating_scale()
    verdicts = [(rating, by_verdict.get(rating.pk, 0)) for rating in scale]
    return by_status, verdicts + [(None, by_verdict.get(None, 0))]


ESTIMATE_FROM_ROWS = 200_000


def _estimated_status_verdict():
    """({status: n}, {verdict_id: n}) from pg_stats when the claims table is
    large, else None. The statistics list every state and verdict (a handful
    of values each) with its share of the rows."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'claims_claim'::regclass")
        (rows,) = cursor.fetchone()
        if rows < ESTIMATE_FROM_ROWS:
            return None
        cursor.execute(
            """
            SELECT attname, null_frac, most_common_vals::text::text[], most_common_freqs
            FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'claims_claim'
              AND attname IN ('status', 'verdict_id')
            """
        )
        stats = {
            name: (null_frac, values or [], freqs or [])
            for name, null_frac, values, freqs in cursor.fetchall()
        }
    if set(stats) != {"status", "verdict_id"}:
        return None

    def share(values, freqs, cast):
        return {cast(v): int(round(f * rows, -2)) for v, f in zip(values, freqs, strict=False)}

    null_frac, values, freqs = stats["status"]
    statuses = share(values, freqs, str)
    null_frac, values, freqs = stats["verdict_id"]
    verdicts = share(values, freqs, int)
    verdicts[None] = int(round(null_frac * rows, -2))
    return statuses, verdicts


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
