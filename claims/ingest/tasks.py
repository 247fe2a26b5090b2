"""Celery tasks of the ingest: fetch a link, poll feeds, run an import.

Thin like claims/tasks.py: they take ids, re-fetch, and call services.
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils import timezone

from claims.ingest import services
from claims.ingest.fetching import FetchError, fetch
from claims.ingest.pages import NoArticleText, decode_html, extract_page
from claims.models import Article, ExtractionState

logger = logging.getLogger(__name__)

FETCH_SOFT_TIME_LIMIT = int(getattr(settings, "FACTCHECK_FETCH_TOTAL_TIMEOUT", 30)) + 30
# Worth another try a little later; refusals and "not HTML" are not.
TRANSIENT = {"connection", "http_error"}
RUN_IMPORT_SOFT_TIME_LIMIT = 30 * 60
RUN_IMPORT_TIME_LIMIT = RUN_IMPORT_SOFT_TIME_LIMIT + 60


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=2,
    soft_time_limit=FETCH_SOFT_TIME_LIMIT,
    time_limit=FETCH_SOFT_TIME_LIMIT + 30,
)
def fetch_article(self, article_id: int) -> None:
    """Fetch a submitted link, extract its article and queue claim extraction."""
    article = Article.objects.filter(pk=article_id).only("url", "extraction_state").first()
    if article is None or article.extraction_state != ExtractionState.FETCHING:
        return
    try:
        page = fetch(article.url)
        html = decode_html(page.content, page.charset)
        extracted = extract_page(html, url=page.url)
        services.article_apply_page(article_id=article_id, page=extracted, final_url=page.url)
    except FetchError as exc:
        if exc.code in TRANSIENT and self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=5 * 2**self.request.retries) from exc
        services.article_mark_fetch_failed(article_id=article_id, code=exc.code, reason=exc.message)
    except NoArticleText as exc:
        services.article_mark_fetch_failed(article_id=article_id, code=exc.code, reason=exc.message)
    except SoftTimeLimitExceeded:
        services.article_mark_fetch_failed(
            article_id=article_id,
            code="timeout",
            reason=f"Timeout: fetching took longer than {FETCH_SOFT_TIME_LIMIT} seconds.",
        )
    except Exception as exc:
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=5 * 2**self.request.retries) from exc
        logger.exception("Fetching article %s failed for good", article_id)
        services.article_mark_fetch_failed(
            article_id=article_id, code="error", reason=f"{type(exc).__name__}: {exc}"
        )


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=1,
    soft_time_limit=RUN_IMPORT_SOFT_TIME_LIMIT,
    time_limit=RUN_IMPORT_TIME_LIMIT,
)
def run_import(self, job_id: int) -> None:
    """Import an uploaded batch file row by row, recording progress."""
    from claims.ingest.imports import import_job_mark_failed, import_job_run

    try:
        imports_job = import_job_run(job_id=job_id)
    except SoftTimeLimitExceeded:
        import_job_mark_failed(job_id=job_id, reason="The import took longer than 30 minutes.")
        return
    except Exception as exc:
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=10) from exc
        logger.exception("Import %s failed", job_id)
        import_job_mark_failed(job_id=job_id, reason=f"{type(exc).__name__}: {exc}")
        return
    logger.info("Import %s finished: %s", job_id, imports_job.state)


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def poll_feeds() -> int:
    """Run by Celery beat: queue a poll of every active feed."""
    from claims.ingest.feeds import feeds_due

    feed_ids = feeds_due()
    for feed_id in feed_ids:
        poll_feed.delay(feed_id)
    return len(feed_ids)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=1,
    soft_time_limit=FETCH_SOFT_TIME_LIMIT + 120,
    time_limit=FETCH_SOFT_TIME_LIMIT + 180,
)
def poll_feed(self, feed_id: int) -> int:
    """Fetch one feed and submit its new items; returns how many were new."""
    from claims.ingest.feeds import feed_poll
    from claims.models import Feed

    try:
        result = feed_poll(feed_id=feed_id)
    except Feed.DoesNotExist:
        return 0
    except SoftTimeLimitExceeded:
        Feed.objects.filter(pk=feed_id).update(
            last_polled_at=timezone.now(), last_error="Timeout: the poll took too long."
        )
        return 0
    except Exception as exc:
        # Recorded on the feed, where its page shows it: a poll that fails the
        # same way every time must not fail silently every time.
        logger.exception("Polling feed %s failed", feed_id)
        Feed.objects.filter(pk=feed_id).update(
            last_polled_at=timezone.now(),
            last_error=f"The poll failed: {type(exc).__name__}: {exc}"[:2000],
        )
        return 0
    return result.new_items


@shared_task(acks_late=True, soft_time_limit=120, time_limit=180)
def index_claim_fingerprints() -> int:
    """Run by Celery beat: fingerprint new claims so repeats are found."""
    from claims.ingest.repeats import claims_index

    return claims_index()


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def requeue_stuck_fetches() -> int:
    """Run by Celery beat: fetch again links that were never fetched."""
    import datetime as dt

    return len(
        services.articles_requeue_stuck_fetches(
            older_than=dt.timedelta(seconds=FETCH_SOFT_TIME_LIMIT + 120)
        )
    )


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def requeue_stuck_imports() -> int:
    """Run by Celery beat: send again imports left pending (broker down at
    upload) or left running past their time limit (worker lost)."""
    import datetime as dt

    from claims.ingest.imports import import_jobs_requeue_stuck

    sent = import_jobs_requeue_stuck(
        pending_for=dt.timedelta(seconds=settings.FACTCHECK_REQUEUE_QUEUED_AFTER),
        running_for=dt.timedelta(seconds=RUN_IMPORT_TIME_LIMIT + 300),
    )
    if sent:
        logger.info("Re-sent %d stuck imports: %s", len(sent), sent)
    return len(sent)
