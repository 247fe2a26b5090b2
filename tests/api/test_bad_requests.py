"""Whatever a client sends, the answer is a 4xx with a message, never a 500."""

import pytest

from tests.api.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def assert_error(response, status=400):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["code"]
    return body


def test_invalid_json_is_a_400(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/", '{"version": 1, "cue_text": ', content_type="application/json"
    )
    body = assert_error(response)
    assert "JSON parse error" in body["detail"]


def test_absurdly_nested_json_is_a_400(editor):
    claim = ClaimFactory()
    body = "[" * 100_000 + "]" * 100_000
    response = editor.patch(f"/api/claims/{claim.pk}/", body, content_type="application/json")
    assert "nested" in assert_error(response)["detail"]


def test_a_body_that_is_not_an_object_is_a_400(editor):
    claim = ClaimFactory()
    assert_error(editor.patch(f"/api/claims/{claim.pk}/", [1, 2], format="json"))
    assert_error(editor.post("/api/articles/", "just a string", format="json"))


def test_unknown_fields_are_refused_by_name(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "verdit": "false"}, format="json"
    )
    body = assert_error(response)
    assert "verdit" in body["errors"]
    assert "verdit" in body["detail"]


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"version": "one", "cue_text": "x"}, "version"),
        ({"version": 1, "hedged": "perhaps"}, "hedged"),
        ({"version": 1, "status": "approved"}, "status"),
        ({"version": 1, "verdict": "pants-on-fire"}, "verdict"),
        ({"version": 1, "assignee": "nobody-by-that-name"}, "assignee"),
        ({"version": 1, "cue_text": ["a", "list"]}, "cue_text"),
        ({"version": 1, "source_kind": 3}, "source_kind"),
    ],
)
def test_wrong_types_and_values_are_a_400_naming_the_field(editor, payload, field):
    claim = ClaimFactory()
    body = assert_error(editor.patch(f"/api/claims/{claim.pk}/", payload, format="json"))
    assert field in body["errors"]


def test_an_empty_patch_is_a_400(editor):
    claim = ClaimFactory()
    body = assert_error(editor.patch(f"/api/claims/{claim.pk}/", {"version": 1}, format="json"))
    assert "Nothing to change" in body["detail"]


def test_a_wrong_type_on_article_submission_is_a_400(editor, sent_to_queue):
    body = assert_error(editor.post("/api/articles/", {"text": 42, "title": {}}, format="json"))
    assert "title" in body["errors"]
    body = assert_error(editor.post("/api/articles/", {"title": "no text"}, format="json"))
    assert "text" in body["errors"]


def test_an_oversized_body_is_a_413_before_it_is_parsed(editor, settings, sent_to_queue):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = assert_error(editor.post("/api/articles/", {"text": "x" * 5000}, format="json"), 413)
    assert body["code"] == "too_large"
    assert "larger than" in body["detail"]


def test_an_unsupported_media_type_is_a_415(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/", "version=1", content_type="application/x-www-form-urlencoded"
    )
    assert_error(response, 415)


def test_unknown_addresses_and_objects_are_json_404s(editor):
    assert_error(editor.get("/api/nothing-here/"), 404)
    assert_error(editor.get("/api/claims/999999/"), 404)
    assert_error(editor.get("/api/claims/not-a-number/"), 404)
    assert_error(editor.get("/exports/nothing.csv"), 404)


def test_a_method_not_allowed_is_a_json_405(editor):
    claim = ClaimFactory()
    assert_error(editor.delete(f"/api/claims/{claim.pk}/"), 405)
    assert_error(editor.put(f"/api/claims/{claim.pk}/", {"version": 1}, format="json"), 405)


def test_a_bad_if_match_header_is_a_400(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/", {"cue_text": "x"}, format="json", HTTP_IF_MATCH="yesterday"
    )
    assert_error(response)


def test_a_throttled_client_gets_429_with_a_message(editor, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "2/minute", "anon": "2/minute"},
    }
    for _ in range(2):
        assert editor.get("/api/ratings/").status_code == 200
    response = editor.get("/api/ratings/")
    body = assert_error(response, 429)
    assert body["code"] == "throttled"
    assert response["Retry-After"]


def test_an_unexpected_error_is_still_a_json_500_with_a_message(editor, monkeypatch):
    from claims.api import filters

    def broken():
        raise RuntimeError("the database fell over")

    monkeypatch.setattr(filters, "claim_list_queryset", broken)
    body = assert_error(editor.get("/api/claims/"), 500)
    assert "the database fell over" not in body["detail"], "no internals leak to clients"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "status"),
    [
        # PostgreSQL refuses a -21:12 offset; the same moment in UTC is fine.
        ("created_after=0558-07-07T00:34:25-21:12", 200),
        ("updated_before=0001-01-01T00:00:00%2B05:00", 400),
        ("published_after=9999-12-31T23:59:59-10:00", 400),
    ],
)
def test_any_valid_iso_moment_is_answered_and_one_outside_the_calendar_is_a_400(query, status):
    from rest_framework.test import APIClient

    from tests.factories import UserFactory

    api = APIClient()
    api.force_authenticate(UserFactory(username="calendar-tester", is_superuser=True))
    response = api.get(f"/api/claims/?{query}")
    assert response.status_code == status
    if status == 400:
        assert "calendar" in str(response.json())
