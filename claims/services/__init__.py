"""Every write the application makes. Views, the API, the admin, commands
and tasks call these functions; none of them writes models directly."""

from claims.services.articles import (
    SubmissionResult,
    article_apply_extraction,
    article_mark_failed,
    article_retry_extraction,
    article_start_extraction,
    article_submit,
    articles_requeue_stuck,
    enqueue_extraction,
)
from claims.services.review import (
    claim_add_comment,
    claim_add_evidence,
    claim_assign,
    claim_correct_attribution,
    claim_set_status,
    claim_set_verdict,
    claim_update,
    claims_bulk_update,
)
from claims.services.sources import normalize_source_name, source_for_mention

__all__ = [
    "SubmissionResult",
    "article_apply_extraction",
    "article_mark_failed",
    "article_retry_extraction",
    "article_start_extraction",
    "article_submit",
    "articles_requeue_stuck",
    "claim_add_comment",
    "claim_add_evidence",
    "claim_assign",
    "claim_correct_attribution",
    "claim_set_status",
    "claim_set_verdict",
    "claim_update",
    "claims_bulk_update",
    "enqueue_extraction",
    "normalize_source_name",
    "source_for_mention",
]
