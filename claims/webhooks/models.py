"""Webhook endpoints and the log of what was sent to them.

Imported by claims/models.py, so the models belong to the claims app.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookEvent(models.TextChoices):
    ARTICLE_EXTRACTED = "article.extracted", _("Article extracted")
    CLAIM_PUBLISHED = "claim.published", _("Fact-check published")
    CLAIM_CORRECTED = "claim.corrected", _("Fact-check corrected")
    CLAIM_WITHDRAWN = "claim.withdrawn", _("Fact-check withdrawn")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookEndpoint(models.Model):
    url = models.URLField(_("URL"), max_length=2000)
    # Kept readable: every delivery is signed with it.
    secret = models.CharField(_("secret"), max_length=200)
    events = models.JSONField(
        _("events"), default=list, help_text=_("The events this endpoint receives.")
    )
    active = models.BooleanField(_("active"), default=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        app_label = "claims"
        ordering = ["id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One event for one endpoint. The event id is what receivers de-duplicate
    on: every retry of a delivery sends the same id and the same body."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event_id = models.UUIDField(_("event id"), default=uuid.uuid4, editable=False)
    event = models.CharField(_("event"), max_length=32, choices=WebhookEvent.choices)
    # The exact bytes sent (and signed), so every retry is identical.
    body = models.TextField(_("body"))
    state = models.CharField(
        _("state"), max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        app_label = "claims"
        ordering = ["-created_at", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="webhook_delivery_once_per_event"
            ),
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.event} {self.event_id} → {self.endpoint_id}"
