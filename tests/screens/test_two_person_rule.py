"""The issue's bar, as a test: a verdict is published by two people; then each
route that could change it is tried by one person alone. The public record
(/exports/claimreview/<id>.jsonld) must not change until a second person
approves, and someone without a role sees nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from claims.models import ClaimStatus, Rating
from claims.services import publication
from claims.services.review import claim_set_status, claim_set_verdict
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import ensure_rating_scale, make_user

BRIDGE = "il nuovo ponte sul fiume sarà aperto entro la fine di giugno"


@pytest.fixture
def desk(db):
    ensure_rating_scale()
    people = {
        "fc1": make_user("fc_uno", "fact-checker"),
        "fc2": make_user("fc_due", "fact-checker"),
        "ed1": make_user("ed_uno", "editor"),
        "ed2": make_user("ed_due", "editor"),
        "nobody": make_user("nessuno", "fact-checker"),
        "reader": make_user("lettore_admin", "admin"),
    }
    people["nobody"].groups.clear()
    for name in ("ed1", "ed2"):
        people[name].is_staff = True
        people[name].save()
    return people


def web(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def rest(user):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def rating(slug):
    return Rating.objects.get(slug=slug)


@pytest.fixture
def published(desk):
    """fc1 sets the verdict, ed1 approves it: the public record."""
    claim = ClaimFactory(content=BRIDGE, article=ArticleFactory(title="Il ponte"))
    claim = claim_set_verdict(
        claim=claim, user=desk["fc1"], expected_version=None, verdict=rating("false")
    )
    claim = claim_set_status(
        claim=claim, user=desk["fc1"], expected_version=None, status="in_progress"
    )
    claim = claim_set_status(
        claim=claim, user=desk["fc1"], expected_version=None, status="in_review"
    )
    return publication.claim_approve(claim=claim, user=desk["ed1"], expected_version=None)


def claimreview(desk, claim):
    response = rest(desk["reader"]).get(f"/exports/claimreview/{claim.pk}.jsonld")
    assert response.status_code == 200
    return response.json()


# Each route, taken by one person alone to change the published claim.
def by_screen_verdict(desk, claim, who):
    web(desk[who]).post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        {"version": claim.version, "verdict": rating("true").pk, "reason": "Nuovi dati."},
    )


def by_screen_attribution(desk, claim, who):
    web(desk[who]).post(
        reverse("claims:claim_attribution", args=[claim.pk]),
        {
            "version": claim.version,
            "source_text": "Un altro sindaco",
            "cue_text": claim.cue_text,
            "channel_text": claim.channel_text,
            "source_kind": claim.source_kind,
            "quote_type": claim.quote_type,
            "reason": "Fonte sbagliata.",
        },
    )


def by_api_verdict(desk, claim, who):
    response = rest(desk[who]).patch(
        f"/api/claims/{claim.pk}/",
        {"version": claim.version, "verdict": "true", "reason": "Nuovi dati."},
        format="json",
    )
    assert response.status_code == 200, response.json()


def by_api_rationale(desk, claim, who):
    response = rest(desk[who]).patch(
        f"/api/claims/{claim.pk}/",
        {"version": claim.version, "rationale": "Riscritta.", "reason": "Più chiara."},
        format="json",
    )
    assert response.status_code == 200, response.json()


def by_api_attribution(desk, claim, who):
    response = rest(desk[who]).patch(
        f"/api/claims/{claim.pk}/",
        {"version": claim.version, "source_text": "Il vicesindaco", "reason": "Era lui."},
        format="json",
    )
    assert response.status_code == 200, response.json()


def by_apply_verdict(desk, claim, who):
    other = ClaimFactory(content=BRIDGE + ".", verdict=rating("true"))
    web(desk[who]).post(
        reverse("ingest:claim_apply_verdict", args=[claim.pk]),
        {"source_claim": other.pk, "version": claim.version, "reason": "Stessa frase."},
    )


def by_admin(desk, claim, who):
    client = web(desk[who])
    response = client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        {
            "expected_version": claim.version,
            "source_text": claim.source_text,
            "cue_text": claim.cue_text,
            "source_kind": claim.source_kind,
            "quote_type": claim.quote_type,
            "verdict": rating("true").pk,
            "rationale": claim.rationale,
            "assignee": "",
            "status": claim.status,
            "reason": "Corretto dall'admin.",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
            "versions-TOTAL_FORMS": "0",
            "versions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]


def by_evidence(desk, claim, who):
    web(desk[who]).post(
        reverse("claims:claim_evidence", args=[claim.pk]),
        {"url": "https://www.istat.it/nuovi", "description": "Istat", "public": "on"},
    )


ROUTES = [
    (by_screen_verdict, "fc2"),
    (by_screen_verdict, "ed2"),
    (by_screen_attribution, "fc2"),
    (by_api_verdict, "fc2"),
    (by_api_rationale, "ed2"),
    (by_api_attribution, "fc2"),
    (by_apply_verdict, "fc2"),
    (by_admin, "ed2"),
    (by_evidence, "ed2"),
]


def approve_on_screen(desk, claim, who):
    claim.refresh_from_db()
    return web(desk[who]).post(
        reverse("claims:claim_approve", args=[claim.pk]),
        {"version": claim.version},
        follow=True,
    )


def approve_by_api(desk, claim, who):
    return rest(desk[who]).post(f"/api/claims/{claim.pk}/approve/", {}, format="json")


@pytest.mark.parametrize(
    "route, author", ROUTES, ids=[f"{route.__name__}-{author}" for route, author in ROUTES]
)
def test_no_route_changes_the_public_record_without_a_second_person(desk, published, route, author):
    before = claimreview(desk, published)
    route(desk, published, author)
    published.refresh_from_db()
    assert claimreview(desk, published) == before, "changed by one person alone"
    assert publication.pending_version(published) is not None

    # Its author cannot approve it, by any route.
    if desk[author].has_perm("claims.publish_claim"):
        page = approve_on_screen(desk, published, author)
        assert "second editor" in page.content.decode()
        assert approve_by_api(desk, published, author).status_code == 400
        assert claimreview(desk, published) == before

    # A second person who wrote none of it approves: now the public sees it.
    second = "ed1" if author != "ed1" else "ed2"
    page = approve_on_screen(desk, published, second)
    assert page.redirect_chain and page.redirect_chain[-1][0].startswith(
        reverse("claims:claim_detail", args=[published.pk])
    )
    after = claimreview(desk, published)
    assert after != before
    assert after["dateModified"] and after["correction"][-1]["text"]


def test_bulk_publishing_keeps_the_two_person_rule(desk):
    claim = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    claim = claim_set_verdict(
        claim=claim, user=desk["ed2"], expected_version=None, verdict=rating("false")
    )
    claim = claim_set_status(
        claim=claim, user=desk["ed2"], expected_version=None, status="in_review"
    )
    response = web(desk["ed2"]).post(
        reverse("claims:queue_bulk"), {"claims": [claim.pk], "status": "published"}, follow=True
    )
    assert "second editor" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert rest(desk["reader"]).get(f"/exports/claimreview/{claim.pk}.jsonld").status_code == 404


def test_the_api_cannot_publish_a_verdict_its_caller_set(desk):
    claim = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    client = rest(desk["ed2"])
    response = client.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "verdict": "false"}, format="json"
    )
    version = response.json()["version"]
    response = client.patch(
        f"/api/claims/{claim.pk}/", {"version": version, "status": "in_review"}, format="json"
    )
    version = response.json()["version"]
    refused = client.patch(
        f"/api/claims/{claim.pk}/", {"version": version, "status": "published"}, format="json"
    )
    assert refused.status_code == 400 and "second editor" in refused.json()["detail"]
    approved = rest(desk["ed1"]).post(f"/api/claims/{claim.pk}/approve/", {}, format="json")
    assert approved.status_code == 200
    assert approved.json()["public"]["verdict"] == "false"
    assert approved.json()["public"]["published_by"] == "ed_uno"


def test_withdrawal_leaves_the_feed_and_says_so_on_its_page(desk, published):
    reader = rest(desk["reader"])
    feed = reader.get("/exports/claimreview.jsonld")
    assert len(b"".join(feed.streaming_content)) > 10
    refused = rest(desk["fc2"]).post(
        f"/api/claims/{published.pk}/withdraw/", {"reason": "Errore"}, format="json"
    )
    assert refused.status_code == 403
    response = rest(desk["ed2"]).post(
        f"/api/claims/{published.pk}/withdraw/",
        {"reason": "La dichiarazione era stata attribuita male."},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert response.json()["public"]["withdrawn_reason"].startswith("La dichiarazione")
    import json

    feed = json.loads(b"".join(reader.get("/exports/claimreview.jsonld").streaming_content))
    assert feed == []
    page = reader.get(f"/exports/claimreview/{published.pk}.jsonld").json()
    assert page["creativeWorkStatus"] == "Withdrawn" and "reviewRating" not in page
    assert page["correction"][-1]["text"].startswith("La dichiarazione")


def test_someone_without_a_role_sees_nothing(desk, published):
    client = web(desk["nobody"])
    for url in (
        reverse("claims:claim_detail", args=[published.pk]),
        reverse("claims:home"),
        reverse("claims:queue"),
        f"/exports/claimreview/{published.pk}.jsonld",
        f"/api/claims/{published.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert BRIDGE not in response.content.decode(errors="replace"), url
    response = client.post(
        reverse("claims:claim_status", args=[published.pk]),
        {"version": published.version, "status": "withdrawn"},
    )
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.status == ClaimStatus.PUBLISHED
