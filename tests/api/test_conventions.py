"""What every integrator can count on: errors are JSON with the parameter's
name, preconditions are HTTP's, times are UTC, and the headers say the rest."""

import json

import pytest
from django.test import Client

from tests.api.factories import ArticleFactory, ClaimFactory, PublishedClaimFactory

EXPORTS = ["/exports/claims.csv", "/exports/claims.json", "/exports/claimreview.jsonld"]


def assert_json_error(response, status: int, parameter: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"] and body["code"]
    if parameter:
        assert parameter in body["errors"], body
        assert parameter in body["detail"]
    return body


@pytest.mark.parametrize("path", ["/api/claims/", *EXPORTS])
@pytest.mark.parametrize(
    ("parameter", "value"),
    [("article", "1e20"), ("source", "1e30"), ("article", "3.0"), ("article", "-1"),
     ("article", "99999999999999999999"), ("hedged", "yes"), ("has_verdict", "2")],
)  # fmt: skip
def test_a_malformed_filter_is_a_400_naming_it(admin, path, parameter, value):
    assert_json_error(admin.get(path, {parameter: value}), 400, parameter)


@pytest.mark.parametrize("value", ["1", "0", "true", "false", "True", "FALSE"])
def test_booleans_are_true_false_one_or_zero(admin, value):
    hedged = ClaimFactory(hedged=True)
    plain = ClaimFactory(hedged=False)
    ids = [row["id"] for row in admin.get("/api/claims/", {"hedged": value}).json()["results"]]
    expected = hedged if value.lower() in ("1", "true") else plain
    assert ids == [expected.pk]


def test_a_huge_id_finds_nothing_rather_than_failing(admin):
    ClaimFactory()
    response = admin.get("/api/claims/", {"article": str(2**63 - 1)})
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("path", EXPORTS)
def test_an_unknown_export_parameter_is_refused_so_a_typo_exports_nothing(admin, path):
    ClaimFactory()
    body = assert_json_error(admin.get(path, {"stauts": "published"}), 400, "stauts")
    assert "status" in body["detail"]


def test_a_post_to_an_unknown_api_address_is_a_json_404_even_with_a_session():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    body = assert_json_error(client.post("/api/nonexistent/", {"a": 1}), 404)
    assert body["code"] == "not_found"


def test_a_csrf_refusal_under_the_api_is_json(roles):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(roles["editor"])
    body = assert_json_error(
        client.post("/api/articles/", {"text": "x"}, content_type="application/json"), 403
    )
    assert "CSRF" in body["detail"]
    # Django's own check (a plain view under /api/) answers through CSRF_FAILURE_VIEW.
    from django.test import RequestFactory

    from claims.api.errors import csrf_failure

    response = csrf_failure(RequestFactory().post("/api/anything/"), reason="no cookie")
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "csrf_failed"
    page = Client(enforce_csrf_checks=True).post("/accounts/login/", {})
    assert page.status_code == 403
    assert page["Content-Type"].startswith("text/html")


def test_a_body_over_the_limit_is_a_413(editor, sent_to_queue):
    huge = json.dumps({"text": "x" * (6 * 1024 * 1024)})
    response = editor.post("/api/articles/", huge, content_type="application/json")
    assert_json_error(response, 413)
    assert sent_to_queue == []


def test_a_201_says_where_the_new_article_is(editor, sent_to_queue):
    response = editor.post(
        "/api/articles/", {"text": "Il ministro ha detto che il ponte riaprirà."}, format="json"
    )
    assert response.status_code == 201
    assert response["Location"] == response.json()["url"]
    assert editor.get(response["Location"]).status_code == 200


def test_reads_carry_an_etag_and_answer_304_when_it_matches(admin):
    claim = ClaimFactory()
    for path in (f"/api/claims/{claim.pk}/", "/api/claims/", "/api/ratings/"):
        first = admin.get(path)
        assert first.status_code == 200 and first["ETag"]
        again = admin.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
    claim.content = "il ponte riaprirà ad aprile"
    claim.save()
    changed = admin.get("/api/claims/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_every_answer_says_how_much_of_the_rate_limit_is_left(admin, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "user": "3/minute",
        },
    }
    seen = []
    for _ in range(4):
        response = admin.get("/api/ratings/")
        seen.append((response.status_code, response.get("RateLimit-Remaining")))
        assert response["RateLimit-Limit"] == "3"
        assert 0 < int(response["RateLimit-Reset"]) <= 60
    assert seen == [(200, "2"), (200, "1"), (200, "0"), (429, "0")]
    assert "Retry-After" in response


def test_timestamps_are_iso_utc_in_the_api_and_both_exports(admin):
    claim = PublishedClaimFactory(article=ArticleFactory())
    api = admin.get(f"/api/claims/{claim.pk}/").json()
    exported = json.loads(b"".join(admin.get("/exports/claims.json").streaming_content))[0]
    csv_text = b"".join(admin.get("/exports/claims.csv").streaming_content).decode()
    for key in ("created_at", "updated_at", "published_at"):
        assert api[key].endswith("Z") and len(api[key]) == len("2026-01-01T00:00:00.000000Z")
        assert exported[key] == api[key]
        assert api[key] in csv_text


def test_the_json_export_speaks_the_apis_keys(admin):
    claim = ClaimFactory()
    api = admin.get("/api/claims/").json()["results"][0]
    exported = json.loads(b"".join(admin.get("/exports/claims.json").streaming_content))[0]
    shared = set(api) & set(exported)
    assert {"article", "source", "verdict", "assignee", "status", "created_at"} <= shared
    assert {k: exported[k] for k in shared} == {k: api[k] for k in shared}
    assert exported["article"] == claim.article_id


def test_an_error_is_in_one_language_the_users(client_as):
    client = client_as("editor")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "it"
    body = client.get("/api/claims/", {"article": "x", "hedged": "forse"}).json()
    assert body["detail"].startswith("Dati non validi")
    assert "Expected" not in body["detail"]
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    english = client.get("/api/claims/", {"article": "x", "hedged": "forse"}).json()
    assert english["detail"].startswith("Invalid input")
    assert "Expected true, false, 1 or 0." in english["detail"]
