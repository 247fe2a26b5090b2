"""Webhooks: registered endpoints receive signed JSON events, retried with
backoff, once per event id, within the URL fetcher's address rules."""

import json

import pytest
from celery.exceptions import Retry
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.exceptions import DomainError
from claims.models import Article, ClaimStatus, Rating
from claims.services.articles import article_apply_extraction
from claims.services.review import claim_set_status
from claims.webhooks import services, signing
from claims.webhooks.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from claims.webhooks.tasks import backoff, deliver_webhook
from tests.factories import ClaimFactory
from tests.screens.roles import ensure_rating_scale, make_user

SECRET = "a-shared-secret-of-the-cms"


@pytest.fixture
def claim_in_review(db):
    ensure_rating_scale()
    checker = make_user("wh_checker", "fact-checker")
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        verdict=Rating.objects.get(slug="false"),
        verdict_set_by=checker,
        rationale="I registri del porto dicono altro.",
    )
    return claim


def publish(claim, django_capture_on_commit_callbacks):
    editor = make_user("wh_editor", "editor")
    with django_capture_on_commit_callbacks(execute=True):
        return claim_set_status(
            claim=claim, user=editor, expected_version=claim.version, status="published"
        )


def test_a_published_claim_reaches_the_endpoint_signed_with_its_secret(
    claim_in_review, receiver, allow_loopback, queued, django_capture_on_commit_callbacks
):
    call_command("add_webhook", receiver.url, "--secret", SECRET, "--event", "claim.published")

    publish(claim_in_review, django_capture_on_commit_callbacks)
    assert len(queued) == 1
    assert deliver_webhook(queued[0]) == DeliveryState.DELIVERED

    (request,) = receiver.received
    body = request["body"]
    assert signing.verify(SECRET, body, request["headers"][signing.HEADER])
    assert not signing.verify("another-secret-entirely", body, request["headers"][signing.HEADER])
    event = json.loads(body)
    assert set(event) == {"id", "event", "created", "data"}
    assert event["event"] == "claim.published"
    assert event["created"].endswith("Z")
    assert event["data"]["id"] == claim_in_review.pk
    assert event["data"]["verdict"] == "false"
    assert event["data"]["text"] == claim_in_review.content
    assert request["headers"]["X-Factcheck-Event-Id"] == event["id"]

    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_code, delivery.attempts) == ("delivered", 200, 1)
    assert str(delivery.event_id) == event["id"]


def test_the_signature_is_hmac_sha256_of_time_dot_body():
    import hashlib
    import hmac

    header = signing.signature_header("s3cret-s3cret-s3cret", b'{"a":1}', timestamp=1700000000)
    expected = hmac.new(b"s3cret-s3cret-s3cret", b'1700000000.{"a":1}', hashlib.sha256)
    assert header == f"t=1700000000,v1={expected.hexdigest()}"
    # Too old: a replayed delivery is refused by the verifier.
    assert not signing.verify("s3cret-s3cret-s3cret", b'{"a":1}', header)


def test_a_failing_endpoint_is_retried_with_backoff_and_the_same_event_id(
    claim_in_review, receiver, allow_loopback, queued, django_capture_on_commit_callbacks, settings
):
    services.webhook_register(url=receiver.url, secret=SECRET, events=["claim.published"])
    publish(claim_in_review, django_capture_on_commit_callbacks)
    receiver.status = 503

    with pytest.raises(Retry):
        deliver_webhook(queued[0])
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_code, delivery.attempts) == ("pending", 503, 1)
    assert "503" in delivery.last_error

    settings.FACTCHECK_WEBHOOK_BACKOFF = 30
    assert [backoff(n) for n in range(4)] == [30, 60, 120, 240]

    receiver.status = 204
    assert deliver_webhook(queued[0]) == DeliveryState.DELIVERED
    # Delivered once: running the task again (a redelivered message) sends nothing.
    assert deliver_webhook(queued[0]) == DeliveryState.DELIVERED
    assert len(receiver.received) == 2
    first, second = (json.loads(r["body"]) for r in receiver.received)
    assert first == second
    delivery.refresh_from_db()
    assert (delivery.state, delivery.response_code, delivery.attempts) == ("delivered", 204, 2)


def test_the_last_failed_attempt_marks_the_delivery_failed(
    claim_in_review, receiver, allow_loopback, queued, django_capture_on_commit_callbacks
):
    services.webhook_register(url=receiver.url, secret=SECRET, events=["claim.published"])
    publish(claim_in_review, django_capture_on_commit_callbacks)
    receiver.status = 500
    delivery = services.webhook_attempt_delivery(delivery_id=queued[0], final=True)
    assert (delivery.state, delivery.response_code) == (DeliveryState.FAILED, 500)


def test_loopback_is_refused_unless_tests_allow_it(
    claim_in_review, receiver, queued, django_capture_on_commit_callbacks, settings
):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(DomainError, match="loopback"):
        services.webhook_register(
            url="http://127.0.0.1:9/x", secret=SECRET, events=["claim.published"]
        )
    # Registered by name, refused at delivery once the name resolves to loopback.
    services.webhook_register(
        url=receiver.url.replace("127.0.0.1", "localhost"),
        secret=SECRET,
        events=["claim.published"],
    )
    publish(claim_in_review, django_capture_on_commit_callbacks)
    delivery = services.webhook_attempt_delivery(delivery_id=queued[0], final=True)
    assert delivery.state == DeliveryState.FAILED
    assert delivery.response_code is None
    assert "loopback" in delivery.last_error
    assert receiver.received == []


@pytest.mark.parametrize(
    ("url", "secret", "events", "message"),
    [
        ("ftp://example.org/x", SECRET, ["claim.published"], "http or https"),
        ("http://169.254.169.254/latest", SECRET, ["claim.published"], "metadata"),
        ("https://example.org/x", "short", ["claim.published"], "at least 16"),
        ("https://example.org/x", SECRET, ["claim.deleted"], "Unknown event"),
        ("https://example.org/x", SECRET, [], "at least one event"),
    ],
)
def test_a_bad_endpoint_is_refused_with_a_reason(db, url, secret, events, message):
    with pytest.raises(DomainError, match=message):
        services.webhook_register(url=url, secret=secret, events=events)
    assert not WebhookEndpoint.objects.exists()


def test_the_command_refuses_a_bad_endpoint(db):
    with pytest.raises(CommandError, match="at least 16"):
        call_command(
            "add_webhook", "https://example.org/x", "--secret", "x", "--event", "claim.published"
        )


def test_only_endpoints_that_want_the_event_get_it(
    claim_in_review, receiver, allow_loopback, queued, django_capture_on_commit_callbacks
):
    services.webhook_register(url=receiver.url, secret=SECRET, events=["article.extracted"])
    off = services.webhook_register(url=receiver.url, secret=SECRET, events=["claim.published"])
    off.active = False
    off.save()
    publish(claim_in_review, django_capture_on_commit_callbacks)
    assert queued == []
    assert not WebhookDelivery.objects.exists()


def test_an_extracted_article_is_an_event_with_the_article_as_the_api_lists_it(
    db, receiver, allow_loopback, queued, django_capture_on_commit_callbacks
):
    services.webhook_register(url=receiver.url, secret=SECRET, events=["article.extracted"])
    article = ClaimFactory().article
    with django_capture_on_commit_callbacks(execute=True):
        article_apply_extraction(article_id=article.pk, records=[], extractor_version="test")
    deliver_webhook(queued[0])
    event = json.loads(receiver.received[0]["body"])
    assert event["event"] == "article.extracted"
    assert event["data"]["id"] == article.pk
    assert event["data"]["extraction_state"] == "done"
    assert event["data"]["extracted_at"].endswith("Z")
    assert Article.objects.get(pk=article.pk).extraction_state == "done"


def test_a_failing_receiver_never_breaks_the_publication(
    claim_in_review, queued, django_capture_on_commit_callbacks, monkeypatch
):
    from claims.webhooks import receivers

    services.webhook_register(
        url="https://example.org/x", secret=SECRET, events=["claim.published"]
    )

    def broken(claim):
        raise RuntimeError("serializer bug")

    monkeypatch.setattr(receivers, "claim_data", broken)
    claim = publish(claim_in_review, django_capture_on_commit_callbacks)
    assert claim.status == ClaimStatus.PUBLISHED
    assert queued == []


@pytest.mark.worker
def test_a_real_worker_delivers_the_published_event_to_a_local_server(
    transactional_db, start_worker, receiver
):
    """The whole path: publish (the transaction commits) → the signal → the
    delivery → the broker → a worker process → the endpoint."""
    from tests.conftest import wait_for

    worker = start_worker(FACTCHECK_FETCH_ALLOW_LOOPBACK="1")
    ensure_rating_scale()
    checker = make_user("wh_worker_checker", "fact-checker")
    editor = make_user("wh_worker_editor", "editor")
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        verdict=Rating.objects.get(slug="false"),
        verdict_set_by=checker,
    )
    with override_loopback():
        services.webhook_register(url=receiver.url, secret=SECRET, events=["claim.published"])
    claim_set_status(claim=claim, user=editor, expected_version=claim.version, status="published")

    if not wait_for(lambda: receiver.received, timeout=60):
        pytest.fail(f"nothing delivered; the worker's log:\n{worker.log()[-4000:]}")
    (request,) = receiver.received
    assert signing.verify(SECRET, request["body"], request["headers"][signing.HEADER])
    assert json.loads(request["body"])["data"]["id"] == claim.pk
    assert wait_for(
        lambda: WebhookDelivery.objects.filter(state="delivered", response_code=200).exists(),
        timeout=10,
    )


def override_loopback():
    from django.test import override_settings

    return override_settings(FACTCHECK_FETCH_ALLOW_LOOPBACK=True)


def test_the_sweeper_queues_deliveries_the_broker_never_got(
    claim_in_review, queued, django_capture_on_commit_callbacks
):
    import datetime

    from claims.webhooks.tasks import requeue_stuck_deliveries

    services.webhook_register(
        url="https://example.org/x", secret=SECRET, events=["claim.published"]
    )
    publish(claim_in_review, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    queued.clear()  # the hand-off "failed"
    assert requeue_stuck_deliveries() == 0  # too recent: it may still be in the queue
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        created_at=delivery.created_at - datetime.timedelta(hours=1)
    )
    assert requeue_stuck_deliveries() == 1
    assert queued == [delivery.pk]
    # Attempted once (even unsuccessfully): its retries belong to the task, not the sweeper.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        attempts=1, last_attempt_at=delivery.created_at
    )
    assert requeue_stuck_deliveries() == 0
