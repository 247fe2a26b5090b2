"""Webhooks in the admin: an endpoint is registered through the service's
checks, and the delivery log shows each event with the endpoint's answer."""

import pytest

from claims.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.factories import UserFactory


@pytest.fixture
def root_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_an_admin_registers_an_endpoint_in_the_admin(root_client):
    form = {
        "url": "https://cms.example.org/hooks",
        "secret": "a-long-enough-secret",
        "events": ["claim.published", "claim.withdrawn"],
        "active": "on",
        "description": "CMS",
    }
    response = root_client.post("/admin/claims/webhookendpoint/add/", form)
    assert response.status_code == 302, response.content[:500]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["claim.published", "claim.withdrawn"]
    assert endpoint.created_by.username == "root"


def test_the_admin_refuses_a_private_address(root_client):
    form = {
        "url": "http://192.168.1.10/hooks",
        "secret": "a-long-enough-secret",
        "events": ["claim.published"],
        "active": "on",
    }
    response = root_client.post("/admin/claims/webhookendpoint/add/", form)
    assert response.status_code == 200
    assert b"private address" in response.content
    assert not WebhookEndpoint.objects.exists()


def test_the_delivery_log_lists_events_with_the_response_code(root_client):
    endpoint = WebhookEndpoint.objects.create(
        url="https://cms.example.org/h", secret="x" * 20, events=["claim.published"]
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint, event="claim.published", body="{}", response_code=503, attempts=2
    )
    page = root_client.get("/admin/claims/webhookdelivery/")
    assert page.status_code == 200
    assert b"503" in page.content and b"claim.published" in page.content


def test_migration_0013_makes_an_integration_role_that_reads_published_fact_checks_only(db):
    from django.contrib.auth.models import Group

    integration = Group.objects.get(name="integration")
    assert [p.codename for p in integration.permissions.all()] == ["view_published_factchecks"]
    admin = Group.objects.get(name="admin")
    assert admin.permissions.filter(codename="add_webhookendpoint").exists()
