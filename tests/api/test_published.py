"""The published API for integrators: who may read it, the Google-shaped
search, paging, and CORS for it alone."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from rest_framework.test import APIClient

from claims.models import ClaimStatus
from tests.api.factories import (
    ArticleFactory,
    ClaimFactory,
    PublishedClaimFactory,
    SourceFactory,
    UserFactory,
)
from tests.factories import api_key_for


@pytest.fixture
def integration(db):
    """A CMS's token with the `integration` role (migration 0013)."""
    user = UserFactory(username="cms-widget")
    # Made by migration 0013; recreated if a transactional test flushed it.
    group, _ = Group.objects.get_or_create(name="integration")
    group.permissions.set(
        [
            Permission.objects.get(
                codename="view_published_factchecks", content_type__app_label="claims"
            )
        ]
    )
    assert list(group.permissions.values_list("codename", flat=True)) == [
        "view_published_factchecks"
    ]
    user.groups.add(group)
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(user)}")
    return client


@pytest.fixture
def fact_checks(db):
    now = timezone.now()
    mayor = SourceFactory(name="Paola Verdi")
    it = PublishedClaimFactory(
        article=ArticleFactory(language="it", url="https://giornale.example/a", outlet="Giornale"),
        source=mayor,
        content="la disoccupazione è scesa al 5 per cento",
        published_at=now - datetime.timedelta(days=2),
    )
    en = PublishedClaimFactory(
        article=ArticleFactory(language="en"),
        content="the bridge was built in 1990",
        published_at=now - datetime.timedelta(days=40),
    )
    draft = ClaimFactory(status=ClaimStatus.IN_REVIEW, content="la disoccupazione non è scesa")
    return {"it": it, "en": en, "draft": draft}


def test_the_integration_role_reads_only_published_fact_checks(integration, fact_checks):
    response = integration.get("/api/published/")
    assert response.status_code == 200
    body = response.json()
    assert [c["id"] for c in body["claims"]] == [fact_checks["it"].pk, fact_checks["en"].pk]
    assert body["nextPageToken"] is None
    first = body["claims"][0]
    assert first["text"] == "la disoccupazione è scesa al 5 per cento"
    assert first["claimant"] == "Paola Verdi"
    review = first["claimReview"][0]
    assert review["textualRating"] == "Falso"
    assert review["languageCode"] == "it"
    assert review["reviewDate"].endswith("Z")
    assert first["appearance"]["url"] == "https://giornale.example/a"
    # Integrators read nothing else.
    assert integration.get("/api/claims/").status_code == 403
    assert integration.get(f"/api/published/{fact_checks['draft'].pk}/").status_code == 404
    detail = integration.get(f"/api/published/{fact_checks['it'].pk}/")
    assert detail.json() == first
    assert integration.get("/exports/claimreview.jsonld").status_code == 200
    assert integration.get("/exports/claims.csv").status_code == 403


def test_without_the_role_or_a_login_it_is_closed_until_the_desk_opens_it(
    client_as, fact_checks, settings
):
    assert client_as("anonymous").get("/api/published/").status_code == 401
    assert client_as("fact-checker").get("/api/published/").status_code == 403
    assert client_as("admin").get("/api/published/").status_code == 200
    settings.FACTCHECK_PUBLIC_API = True
    anonymous = client_as("anonymous")
    assert len(anonymous.get("/api/published/").json()["claims"]) == 2
    assert anonymous.get("/exports/claimreview.jsonld").status_code == 200
    assert anonymous.get("/api/claims/").status_code == 401


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"query": "disoccupazione"}, ["it"]),
        ({"query": "bridge 1990"}, ["en"]),
        ({"languageCode": "en-GB"}, ["en"]),
        ({"claimant": "verdi"}, ["it"]),
        ({"maxAgeDays": "7"}, ["it"]),
        ({"reviewPublisherSiteFilter": "other-desk.example"}, []),
    ],
)
def test_the_search_takes_googles_parameters(integration, fact_checks, params, expected):
    body = integration.get("/api/published/", params).json()
    assert [c["id"] for c in body["claims"]] == [fact_checks[key].pk for key in expected]


def test_pages_follow_the_next_page_token(integration, db):
    ids = {PublishedClaimFactory(content=f"affermazione {n}").pk for n in range(5)}
    seen, token = [], None
    while True:
        params = {"pageSize": 2, **({"pageToken": token} if token else {})}
        body = integration.get("/api/published/", params).json()
        seen += [c["id"] for c in body["claims"]]
        token = body["nextPageToken"]
        if token is None:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 5


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"maxAgeDays": "a week"}, "maxAgeDays"),
        ({"pageSize": "0"}, "pageSize"),
        ({"pageSize": "1000"}, "pageSize"),
        ({"pageToken": "not-a-token"}, "pageToken"),
        ({"languageCode": "fr"}, "languageCode"),
        ({"q": "ponte"}, "q"),
    ],
)
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(integration, db, params, parameter):
    response = integration.get("/api/published/", params)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_cors_answers_the_configured_origins_on_the_published_api_only(
    integration, fact_checks, settings
):
    settings.FACTCHECK_CORS_ORIGINS = ["https://cms.example.org"]
    allowed = integration.get("/api/published/", HTTP_ORIGIN="https://cms.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://cms.example.org"
    assert "Origin" in allowed["Vary"]
    other = integration.get("/api/published/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    claims = integration.get("/api/claims/", HTTP_ORIGIN="https://cms.example.org")
    assert "Access-Control-Allow-Origin" not in claims

    preflight = APIClient().options(
        "/api/published/",
        HTTP_ORIGIN="https://cms.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert preflight.status_code == 204
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
