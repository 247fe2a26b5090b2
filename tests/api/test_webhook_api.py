"""POST /api/webhooks/: the admin role registers endpoints; nobody else can."""

from claims.webhooks.models import WebhookEndpoint


def test_an_admin_registers_an_endpoint_and_gets_its_address(client_as):
    admin = client_as("admin")
    response = admin.post(
        "/api/webhooks/",
        {
            "url": "https://cms.example.org/hooks",
            "secret": "long-enough-secret-123",
            "events": ["claim.published", "claim.corrected"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert "secret" not in body
    assert body["events"] == ["claim.published", "claim.corrected"]
    assert response["Location"].endswith(f"/api/webhooks/{body['id']}/")
    assert admin.get(response["Location"]).json() == body
    assert WebhookEndpoint.objects.get().secret == "long-enough-secret-123"
    assert admin.get(f"/api/webhooks/{body['id']}/deliveries/").json()["results"] == []


def test_other_roles_cannot_register_endpoints(client_as):
    payload = {"url": "https://x.example/h", "secret": "s" * 20, "events": ["claim.published"]}
    for role, status in (("anonymous", 401), ("fact-checker", 403), ("editor", 403)):
        assert client_as(role).post("/api/webhooks/", payload, format="json").status_code == status
    assert not WebhookEndpoint.objects.exists()


def test_a_bad_endpoint_is_a_400_with_the_reason(client_as):
    admin = client_as("admin")
    cases = [
        ({"url": "http://10.0.0.5/h", "secret": "s" * 20, "events": ["claim.published"]}, "url"),
        ({"url": "https://x.example/h", "secret": "s" * 20, "events": ["claim.gone"]}, "events"),
        (
            {"url": "https://x.example/h", "secret": "short", "events": ["claim.published"]},
            "secret",
        ),
    ]
    for payload, word in cases:
        response = admin.post("/api/webhooks/", payload, format="json")
        assert response.status_code == 400, response.content
        assert word in response.json()["detail"] or "private" in response.json()["detail"]
    assert not WebhookEndpoint.objects.exists()
