"""Celery tasks: thin wrappers that take ids, re-fetch, and call services."""

import logging
from datetime import timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from claims import services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.FACTCHECK_EXTRACTION_MAX_RETRIES,
    soft_time_limit=settings.FACTCHECK_EXTRACTION_SOFT_TIME_LIMIT,
    time_limit=settings.FACTCHECK_EXTRACTION_SOFT_TIME_LIMIT + 30,
)
def extract_article(self, article_id: int) -> None:
    """Extract an article's claims and store them; safe to run more than once."""
    # Imported here so the web process never loads spaCy.
    from claims.extraction import EXTRACTOR_VERSION, extract

    article = services.article_start_extraction(
        article_id=article_id, extractor_version=EXTRACTOR_VERSION
    )
    if article is None:
        logger.info("Article %s is gone or already extracted; nothing to do", article_id)
        return
    try:
        records = extract(article.text, article.language)
        services.article_apply_extraction(
            article_id=article_id, records=records, extractor_version=EXTRACTOR_VERSION
        )
    except SoftTimeLimitExceeded:
        services.article_mark_failed(
            article_id=article_id,
            reason=f"Extraction took longer than {self.soft_time_limit} seconds.",
        )
    except Exception as exc:
        if self.request.retries >= self.max_retries:
            logger.exception("Extraction of article %s failed for good", article_id)
            services.article_mark_failed(
                article_id=article_id,
                reason=f"Extraction failed after {self.request.retries + 1} attempts: "
                f"{type(exc).__name__}: {exc}",
            )
            return
        # Exponential backoff: 2, 4, 8 ... seconds.
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def requeue_stuck_articles() -> int:
    """The periodic sweeper: see services.articles_requeue_stuck."""
    sent = services.articles_requeue_stuck(
        queued_for=timedelta(seconds=settings.FACTCHECK_REQUEUE_QUEUED_AFTER),
        running_for=timedelta(seconds=settings.FACTCHECK_REQUEUE_RUNNING_AFTER),
    )
    if sent:
        logger.info("Re-sent %d stuck articles: %s", len(sent), sent)
    return len(sent)
