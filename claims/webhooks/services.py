"""Every write about webhooks: registering an endpoint, recording an event for
the endpoints that want it, and recording each attempt to deliver it."""

import datetime
import json
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.exceptions import DomainError
from claims.timeformat import iso_utc
from claims.webhooks import sending, signing
from claims.webhooks.models import DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookEvent

MIN_SECRET_LENGTH = 16


def _clean_events(events: Iterable[str]) -> list[str]:
    chosen = []
    for event in events:
        if event not in WebhookEvent.values:
            raise DomainError(
                _("Unknown event “%(event)s”. Events: %(known)s.")
                % {"event": event, "known": ", ".join(WebhookEvent.values)},
                code="invalid_event",
            )
        if event not in chosen:
            chosen.append(event)
    if not chosen:
        raise DomainError(_("Choose at least one event."), code="invalid_event")
    return chosen


def webhook_check(*, url: str, secret: str, events: Iterable[str]) -> list[str]:
    """The endpoint's URL, secret and events are acceptable; the events, cleaned.

    The URL must be one the fetcher may reach: checked here without DNS, and
    again with DNS at every delivery."""
    url = (url or "").strip()
    refusal = sending.check_url(url) if url else _("Give the endpoint's URL.")
    if refusal:
        raise DomainError(refusal, code="invalid_url")
    if len(secret or "") < MIN_SECRET_LENGTH:
        raise DomainError(
            _("The secret must be at least %(n)d characters long.") % {"n": MIN_SECRET_LENGTH},
            code="invalid_secret",
        )
    return _clean_events(events)


@transaction.atomic
def webhook_register(
    *, url: str, secret: str, events: Iterable[str], user=None, description: str = ""
) -> WebhookEndpoint:
    """A new endpoint, active at once."""
    events = webhook_check(url=url, secret=secret, events=events)
    return WebhookEndpoint.objects.create(
        url=url.strip(),
        secret=secret,
        events=events,
        description=(description or "").strip()[:200],
        created_by=user if user is not None and user.is_authenticated else None,
    )


def event_body(*, event_id: uuid.UUID, event: str, data: dict) -> str:
    return json.dumps(
        {
            "id": str(event_id),
            "event": event,
            "created": iso_utc(timezone.now()),
            "data": data,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def endpoints_for(event: str) -> list[WebhookEndpoint]:
    # JSON containment is not on every database: filter the (few) endpoints here.
    return [e for e in WebhookEndpoint.objects.filter(active=True) if event in e.events]


@transaction.atomic
def webhook_event_record(*, event: str, data: dict) -> list[WebhookDelivery]:
    """One event (one id, one body) for every active endpoint that wants it;
    their deliveries are sent once this transaction commits."""
    endpoints = endpoints_for(event)
    if not endpoints:
        return []
    event_id = uuid.uuid4()
    body = event_body(event_id=event_id, event=event, data=data)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event_id=event_id, event=event, body=body)
        for endpoint in endpoints
    )
    from claims.webhooks.tasks import enqueue_delivery

    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: enqueue_delivery(pk))
    return deliveries


@transaction.atomic
def webhook_attempt_delivery(*, delivery_id: int, final: bool = False) -> WebhookDelivery | None:
    """Send a pending delivery once. Delivered ones are never sent again (the
    row lock keeps two workers from sending it at the same time); `final`
    marks the delivery failed if this attempt fails too."""
    delivery = (
        WebhookDelivery.objects.select_for_update()
        .select_related("endpoint")
        .filter(pk=delivery_id)
        .first()
    )
    if delivery is None or delivery.state != DeliveryState.PENDING:
        return delivery
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    if not endpoint.active:
        result = sending.PostResult(None, _("The endpoint was turned off."))
        final = True
    else:
        result = sending.post(
            endpoint.url,
            body,
            {
                signing.HEADER: signing.signature_header(endpoint.secret, body),
                "X-Factcheck-Event": delivery.event,
                "X-Factcheck-Event-Id": str(delivery.event_id),
            },
        )
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_code = result.status
    delivery.last_error = result.error
    if result.ok:
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = now
    elif final:
        delivery.state = DeliveryState.FAILED
    delivery.save()
    return delivery


@transaction.atomic
def webhook_delivery_retry(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Queue a failed (or stuck pending) delivery again, from the admin: same
    event id, same body. A delivered one is left alone."""
    delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.state != DeliveryState.DELIVERED:
        delivery.state = DeliveryState.PENDING
        delivery.save(update_fields=["state"])
        from claims.webhooks.tasks import enqueue_delivery

        transaction.on_commit(lambda: enqueue_delivery(delivery.pk))
    return delivery


def webhook_deliveries_requeue_stuck(*, older_than: datetime.timedelta) -> list[int]:
    """Queue again the deliveries never attempted this long after their event
    (the broker was down when they were recorded). Sending twice is harmless:
    the attempt locks the row and skips a delivery already delivered."""
    cutoff = timezone.now() - older_than
    stuck = list(
        WebhookDelivery.objects.filter(
            state=DeliveryState.PENDING, last_attempt_at=None, created_at__lt=cutoff
        ).values_list("pk", flat=True)[:500]
    )
    from claims.webhooks.tasks import enqueue_delivery

    for pk in stuck:
        enqueue_delivery(pk)
    return stuck
