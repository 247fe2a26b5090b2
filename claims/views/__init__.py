"""The editor screens: server-rendered pages, with htmx partials where a
piece of a page updates itself. Every view needs a logged-in user; the
rules of each change live in claims.services."""

from claims.views.articles import (
    article_detail,
    article_list,
    article_new,
    article_progress,
    article_retry,
)
from claims.views.claims import (
    claim_approve,
    claim_assign,
    claim_attribution,
    claim_comment,
    claim_detail,
    claim_discard_correction,
    claim_evidence,
    claim_status,
    claim_verdict,
    claim_withdraw,
)
from claims.views.dashboard import home
from claims.views.queue import (
    queue,
    queue_bulk,
    queue_decide,
    queue_review,
    queue_take,
    queue_undo,
)
from claims.views.search import search_results

__all__ = [
    "article_detail",
    "article_list",
    "article_new",
    "article_progress",
    "article_retry",
    "claim_approve",
    "claim_assign",
    "claim_attribution",
    "claim_comment",
    "claim_detail",
    "claim_discard_correction",
    "claim_evidence",
    "claim_status",
    "claim_verdict",
    "claim_withdraw",
    "home",
    "queue",
    "queue_bulk",
    "queue_decide",
    "queue_review",
    "queue_take",
    "queue_undo",
    "search_results",
]
