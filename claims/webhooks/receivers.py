"""Domain events (claims/signals.py) become webhook deliveries.

The services send the signals after their transaction has committed, from
inside a request or a task: a failure here is logged, never raised, so it can
never turn a saved change into an error page.
"""

import datetime
import logging

from django.utils import timezone

from claims import signals
from claims.models import Article, Claim
from claims.webhooks import services
from claims.webhooks.models import WebhookEvent

logger = logging.getLogger(__name__)


def claim_data(claim: Claim) -> dict:
    """The claim as /api/published/<id>/ shows it."""
    from claims.api.published import fact_check_record

    claim = Claim.objects.select_related("article", "source", "verdict").get(pk=claim.pk)
    return fact_check_record(claim)


def article_data(article: Article) -> dict:
    """The article as /api/articles/ lists it."""
    from claims.api.filters import article_list_queryset
    from claims.api.serializers import ArticleSerializer

    with timezone.override(datetime.UTC):
        return dict(ArticleSerializer(article_list_queryset().get(pk=article.pk)).data)


def _record(event: str, build, instance) -> None:
    try:
        if services.endpoints_for(event):
            services.webhook_event_record(event=event, data=build(instance))
    except Exception:
        logger.exception("Could not record the webhook event %s for %r", event, instance)


def on_article_extracted(sender, article, **kwargs):
    _record(WebhookEvent.ARTICLE_EXTRACTED, article_data, article)


def on_claim_published(sender, claim, **kwargs):
    _record(WebhookEvent.CLAIM_PUBLISHED, claim_data, claim)


def on_claim_corrected(sender, claim, **kwargs):
    _record(WebhookEvent.CLAIM_CORRECTED, claim_data, claim)


def on_claim_withdrawn(sender, claim, **kwargs):
    _record(WebhookEvent.CLAIM_WITHDRAWN, claim_data, claim)


def connect() -> None:
    signals.article_extracted.connect(on_article_extracted, dispatch_uid="webhooks-article")
    signals.claim_published.connect(on_claim_published, dispatch_uid="webhooks-published")
    signals.claim_corrected.connect(on_claim_corrected, dispatch_uid="webhooks-corrected")
    signals.claim_withdrawn.connect(on_claim_withdrawn, dispatch_uid="webhooks-withdrawn")
