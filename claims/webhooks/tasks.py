"""The Celery task that delivers webhooks: one attempt per run, retried with
exponential backoff until the endpoint answers 2xx or the retries run out."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings

from claims.webhooks import services
from claims.webhooks.models import DeliveryState

logger = logging.getLogger(__name__)


def backoff(retries: int) -> int:
    """Seconds before the next attempt: base, 2×base, 4×base, ..."""
    return settings.FACTCHECK_WEBHOOK_BACKOFF * 2**retries


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=settings.FACTCHECK_WEBHOOK_MAX_RETRIES,
    soft_time_limit=60,
    time_limit=90,
)
def deliver_webhook(self, delivery_id: int) -> str | None:
    final = self.request.retries >= self.max_retries
    delivery = services.webhook_attempt_delivery(delivery_id=delivery_id, final=final)
    if delivery is None:
        return None
    if delivery.state == DeliveryState.PENDING:
        logger.info(
            "Webhook delivery %s failed (attempt %s): %s",
            delivery_id,
            delivery.attempts,
            delivery.last_error,
        )
        raise self.retry(countdown=backoff(self.request.retries))
    return delivery.state


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def requeue_stuck_deliveries() -> int:
    """The periodic sweeper (beat): deliveries the broker never got."""
    sent = services.webhook_deliveries_requeue_stuck(
        older_than=timedelta(seconds=settings.FACTCHECK_REQUEUE_QUEUED_AFTER)
    )
    if sent:
        logger.info("Queued %d stuck webhook deliveries again", len(sent))
    return len(sent)


def enqueue_delivery(delivery_id: int) -> None:
    """Hand a delivery to the broker; with the broker down it stays pending
    until the sweeper (requeue_stuck_deliveries) or the admin sends it again."""
    try:
        deliver_webhook.delay(delivery_id)
    except Exception:
        logger.exception("Could not queue webhook delivery %s", delivery_id)
