"""Celery tasks: thin wrappers that take ids, re-fetch, and call services."""

import logging
import time
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
    try:
        _extract(self, article_id)
    except SoftTimeLimitExceeded:
        # Wherever it struck (importing spaCy on a busy machine takes seconds),
        # the article ends failed with the reason and the worker takes the next.
        services.article_mark_failed(
            article_id=article_id,
            reason=f"Extraction took longer than {_soft_limit(self)} seconds.",
        )


def _extract(task, article_id: int) -> None:
    # Imported here so the web process never loads spaCy (the worker imports
    # it at start-up, see factcheck/celery.py).
    from claims.extraction import EXTRACTOR_VERSION, extract

    article = services.article_start_extraction(
        article_id=article_id, extractor_version=EXTRACTOR_VERSION
    )
    if article is None:
        logger.info("Article %s is gone or already extracted; nothing to do", article_id)
        return
    started = time.monotonic()
    try:
        records = extract(article.text, article.language)
        if time.monotonic() - started > _soft_limit(task):
            # The limit struck where a library swallowed it: these records may
            # be partial, so the article fails all the same.
            raise SoftTimeLimitExceeded()
        services.article_apply_extraction(
            article_id=article_id, records=records, extractor_version=EXTRACTOR_VERSION
        )
    except SoftTimeLimitExceeded:
        raise
    except Exception as exc:
        if task.request.retries >= task.max_retries:
            logger.exception("Extraction of article %s failed for good", article_id)
            services.article_mark_failed(
                article_id=article_id,
                reason=f"Extraction failed after {task.request.retries + 1} attempts: "
                f"{type(exc).__name__}: {exc}",
            )
            return
        # Exponential backoff: 2, 4, 8 ... seconds.
        raise task.retry(exc=exc, countdown=2 ** (task.request.retries + 1)) from exc


def _soft_limit(task) -> int:
    """The soft limit this run had: the sender stamps it in the message, so it is
    the submitting process's setting, which may differ from this worker's."""
    limits = getattr(task.request, "timelimit", None) or (None, None)
    return limits[1] or task.soft_time_limit


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
