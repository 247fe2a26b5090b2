"""The admin: lists, search and filters load for every model; an article is
added through the submission service; a claim is changed through the review
services; the selection exports."""

import csv
import io
import json

import pytest
from django.contrib import admin as django_admin
from django.contrib.auth.models import Group
from django.urls import reverse

from claims.models import Article, Claim, ClaimEvent, ClaimStatus
from tests.api.factories import (
    ArticleFactory,
    ClaimFactory,
    CommentFactory,
    EvidenceFactory,
    PublishedClaimFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CLAIMS_MODELS = [m for m in django_admin.site._registry if m._meta.app_label == "claims"]


@pytest.fixture(autouse=True)
def english(client):
    # The messages asserted here are the English ones, whatever the site's default.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def superuser(client):
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def staff_in(client, role):
    user = UserFactory(username=f"staff-{role}", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


@pytest.fixture
def some_of_everything():
    source = SourceFactory()
    claim = ClaimFactory(source=source)
    CommentFactory(claim=claim)
    EvidenceFactory(claim=claim)
    PublishedClaimFactory(source=source)
    ClaimEvent.objects.create(claim=claim, action="comment", new_value="x")
    return claim


def test_every_model_of_the_app_is_in_the_admin():
    from claims import models

    registered = {m.__name__ for m in CLAIMS_MODELS}
    expected = {
        "Article", "Claim", "Source", "Rating", "Evidence", "Comment", "ClaimEvent",
        "Feed", "FeedItem", "ImportJob", "ClaimFingerprint",
    }  # fmt: skip
    assert expected <= registered
    assert all(hasattr(models, name) for name in registered)


@pytest.mark.parametrize("model", CLAIMS_MODELS, ids=lambda m: m.__name__)
def test_every_list_loads_with_search_and_its_filters(superuser, some_of_everything, model):
    url = reverse(f"admin:claims_{model._meta.model_name}_changelist")
    model_admin = django_admin.site._registry[model]
    assert model_admin.list_display != ("__str__",), "give the list real columns"
    assert superuser.get(url).status_code == 200
    if model_admin.search_fields:
        assert superuser.get(url, {"q": "ponte"}).status_code == 200
    assert model_admin.list_filter or model is Claim, "give the list filters"


def test_a_claim_page_shows_its_history(superuser, some_of_everything):
    claim = some_of_everything
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    page = superuser.get(url)
    assert page.status_code == 200
    assert b"comment" in page.content
    history = superuser.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert history.status_code == 200


def test_adding_an_article_goes_through_the_submission_service(superuser, monkeypatch):
    from claims import services

    sent = []
    monkeypatch.setattr(services.articles, "enqueue_extraction", sent.append)
    text = "Il prefetto ha detto che la strada statale riaprirà a settembre dopo i lavori."
    response = superuser.post(
        reverse("admin:claims_article_add"),
        {"text": text, "title": "Strade", "language": "it", "url": "", "outlet": "", "author": ""},
    )
    assert response.status_code == 302, response.content[:500]
    article = Article.objects.get()
    assert article.content_hash and article.submitted_by.username == "root"
    refused = superuser.post(reverse("admin:claims_article_add"), {"text": "   ", "language": ""})
    assert refused.status_code == 200
    assert b"empty" in refused.content


def claim_form(claim, **changes):
    data = {
        "expected_version": claim.version,
        "source_text": claim.source_text,
        "cue_text": claim.cue_text,
        "channel_text": claim.channel_text,
        "source_kind": claim.source_kind,
        "quote_type": claim.quote_type,
        "hedged": "on" if claim.hedged else "",
        "verdict": claim.verdict_id or "",
        "rationale": claim.rationale,
        "assignee": claim.assignee_id or "",
        "status": claim.status,
        "reason": "",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
        "versions-TOTAL_FORMS": "0",
        "versions-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != "" or k in ("reason", "verdict", "assignee")}


def test_changing_a_claim_in_the_admin_goes_through_the_review_services(superuser):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    response = superuser.post(url, claim_form(claim, cue_text="secondo", status="in_progress"))
    assert response.status_code == 302, response.content.decode()[:2000]
    claim.refresh_from_db()
    assert (claim.cue_text, claim.status, claim.version) == ("secondo", "in_progress", 3)
    assert claim.corrected_by.username == "root"
    assert set(ClaimEvent.objects.filter(claim=claim).values_list("action", flat=True)) == {
        "correct_attribution",
        "set_status",
    }


def test_a_stale_admin_form_is_refused_and_changes_nothing(superuser):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    stale = claim_form(claim, cue_text="secondo")
    Claim.objects.filter(pk=claim.pk).update(version=2, cue_text="ha detto")
    response = superuser.post(url, stale)
    assert response.status_code == 200
    assert b"Someone else saved this claim" in response.content
    claim.refresh_from_db()
    assert claim.cue_text == "ha detto"


def test_a_workflow_refusal_is_shown_on_the_form(superuser):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    response = superuser.post(url, claim_form(claim, status=ClaimStatus.PUBLISHED))
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.UNVERIFIED


def test_the_selected_claims_export_as_csv_json_and_claimreview(client, some_of_everything):
    staff_in(client, "admin")
    chosen = [some_of_everything.pk, PublishedClaimFactory().pk]
    ClaimFactory()  # not selected
    url = reverse("admin:claims_claim_changelist")

    def run(action):
        response = client.post(url, {"action": action, "_selected_action": chosen})
        assert response.status_code == 200
        return b"".join(response.streaming_content).decode()

    rows = list(csv.DictReader(io.StringIO(run("export_csv").lstrip("\ufeff"))))
    assert sorted(int(r["id"]) for r in rows) == sorted(chosen)
    assert sorted(r["id"] for r in json.loads(run("export_json"))) == sorted(chosen)
    reviews = json.loads(run("export_claimreview"))
    assert [r["@type"] for r in reviews] == ["ClaimReview"]


def test_an_articles_claims_export_from_the_article_list(client):
    staff_in(client, "admin")
    article = ArticleFactory()
    ClaimFactory.create_batch(3, article=article)
    ClaimFactory()
    response = client.post(
        reverse("admin:claims_article_changelist"),
        {"action": "export_json", "_selected_action": [article.pk]},
    )
    assert len(json.loads(b"".join(response.streaming_content))) == 3


def test_only_the_export_permission_sees_the_export_actions(client):
    ClaimFactory()
    staff_in(client, "editor")
    page = client.get(reverse("admin:claims_claim_changelist"))
    assert page.status_code == 200
    assert b"export_csv" not in page.content


def test_api_tokens_are_managed_in_the_admin(superuser):
    index = superuser.get(reverse("admin:index"))
    assert b"apitoken" in index.content
    assert superuser.get(reverse("admin:claims_apitoken_changelist")).status_code == 200
