"""PostgreSQL refuses NUL bytes in text: a NUL in any search or filter, or in
any field of a submission, gets an answer, never a server error."""

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

PATHS = [
    "/articles/?q=a%00b",
    "/queue/?source_kind=a%00b",
    "/queue/?article=a%00b",
    "/queue/?verdict=%00",
    "/api/claims/?status=%00",
    "/api/claims/?source=%00&verdict=%00&search=%00",
    "/api/articles/?search=%00",
    "/api/sources/?search=%00",
    "/exports/claims.csv?status=%00",
    "/admin/claims/claim/?q=a%00b",
    "/admin/claims/article/?q=%00",
    "/fact-checks/?q=a%00b",
    "/fact-checks/?q=%00&page=%00&lang=%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_nul_in_a_search_or_filter_is_answered(path, client):
    client.force_login(UserFactory(username="nul-reader", is_superuser=True, is_staff=True))
    assert client.get(path).status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["title", "url", "language", "outlet", "author", "text"])
def test_a_nul_in_any_field_of_a_submission_is_answered(field, monkeypatch):
    from claims import services

    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda article_id: True)
    api = APIClient()
    api.force_authenticate(UserFactory(username="nul-writer", is_superuser=True))
    data = {"text": "Il sindaco ha detto che la piazza riaprirà presto, secondo il Comune."}
    data[field] = "ab\x00cd"
    assert api.post("/api/articles/", data, format="json").status_code < 500
