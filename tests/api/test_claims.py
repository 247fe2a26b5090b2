import pytest
from django.utils import timezone

from claims.models import Claim, ClaimEvent, ClaimStatus, Rating, SourceKind
from tests.api.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def rating(slug):
    return Rating.objects.get(slug=slug)


def test_the_claim_list_is_paginated_and_shows_attribution(editor):
    ClaimFactory.create_batch(3, cue_text="ha detto", hedged=True)
    response = editor.get("/api/claims/", {"page_size": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]
    first = body["results"][0]
    for key in (
        "source_text",
        "cue_text",
        "channel_text",
        "source_kind",
        "quote_type",
        "hedged",
        "status",
        "verdict",
        "version",
        "language",
    ):
        assert key in first
    assert first["cue_text"] == "ha detto"


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"status": "published"}, {"published"}),
        ({"verdict": "false"}, {"published"}),
        ({"language": "en"}, {"english"}),
        ({"source_kind": "organization"}, {"org"}),
        ({"hedged": "true"}, {"hedged"}),
        ({"search": "vaccini"}, {"vaccines"}),
        ({"quote_type": "direct"}, {"direct"}),
    ],
)
def test_the_claim_list_filters(editor, query, expected):
    labels = {}
    labels["published"] = ClaimFactory(
        status=ClaimStatus.PUBLISHED, verdict=rating("false"), published_at=timezone.now()
    )
    labels["english"] = ClaimFactory(article=ArticleFactory(language="en"))
    labels["org"] = ClaimFactory(source_kind=SourceKind.ORGANIZATION)
    labels["hedged"] = ClaimFactory(hedged=True)
    labels["vaccines"] = ClaimFactory(content="i vaccini sono arrivati in ritardo")
    labels["direct"] = ClaimFactory(quote_type="direct")
    by_id = {claim.pk: label for label, claim in labels.items()}
    response = editor.get("/api/claims/", query)
    assert response.status_code == 200, response.json()
    assert {by_id[row["id"]] for row in response.json()["results"]} == expected


def test_the_claim_list_filters_by_source_article_and_dates(editor):
    source = SourceFactory()
    mine = ClaimFactory(source=source)
    other = ClaimFactory()
    assert [r["id"] for r in editor.get(f"/api/claims/?source={source.pk}").json()["results"]] == [
        mine.pk
    ]
    by_article = editor.get(f"/api/claims/?article={other.article_id}").json()["results"]
    assert [r["id"] for r in by_article] == [other.pk]
    Claim.objects.filter(pk=other.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=10)
    )
    since = (timezone.now() - timezone.timedelta(days=1)).isoformat()
    recent = editor.get("/api/claims/", {"created_after": since}).json()["results"]
    assert [r["id"] for r in recent] == [mine.pk]


def test_an_invalid_filter_value_is_a_400_with_a_message(editor):
    response = editor.get("/api/claims/", {"status": "maybe", "created_after": "yesterday"})
    assert response.status_code == 400
    body = response.json()
    assert "status" in body["errors"] and "created_after" in body["errors"]
    assert body["detail"].startswith("Invalid input")


def test_a_claim_has_its_version_as_etag(editor):
    claim = ClaimFactory()
    response = editor.get(f"/api/claims/{claim.pk}/")
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["content_start"] == claim.content_start


def test_patching_the_attribution_corrects_it_and_bumps_the_version(fact_checker):
    claim = ClaimFactory()
    response = fact_checker.patch(
        f"/api/claims/{claim.pk}/",
        {"version": 1, "source_text": "Il ministro", "cue_text": "secondo", "hedged": True},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["source_text"] == "Il ministro" and body["hedged"] is True
    assert body["version"] == 2
    assert response["ETag"] == '"2"'
    claim.refresh_from_db()
    assert claim.corrected_by == fact_checker.user
    assert ClaimEvent.objects.filter(claim=claim, action="correct_attribution").count() == 3


def test_a_stale_write_gets_409_with_the_current_claim(fact_checker, editor):
    claim = ClaimFactory()
    first = editor.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "cue_text": "ha affermato"}, format="json"
    )
    assert first.status_code == 200
    stale = fact_checker.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "cue_text": "ha detto"}, format="json"
    )
    assert stale.status_code == 409
    body = stale.json()
    assert body["code"] == "conflict"
    assert "Someone else saved this claim" in body["detail"]
    assert body["current"]["cue_text"] == "ha affermato"
    assert body["current"]["version"] == 2
    assert stale["ETag"] == '"2"'
    claim.refresh_from_db()
    assert claim.cue_text == "ha affermato"


def test_if_match_works_instead_of_the_version_field(editor):
    claim = ClaimFactory()
    ok = editor.patch(
        f"/api/claims/{claim.pk}/", {"cue_text": "ha detto"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert ok.status_code == 200
    stale = editor.patch(
        f"/api/claims/{claim.pk}/", {"cue_text": "dice"}, format="json", HTTP_IF_MATCH='"1"'
    )
    # A failed precondition (the header) is 412; a stale `version` field stays 409.
    assert stale.status_code == 412
    assert stale.json()["code"] == "precondition_failed"
    assert stale.json()["current"]["version"] == 2
    assert stale["ETag"] == '"2"'


def test_if_match_star_changes_the_claim_whatever_its_version(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/", {"cue_text": "ha detto"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 200
    assert response.json()["cue_text"] == "ha detto"


def test_a_write_without_a_version_is_refused_with_428(editor):
    claim = ClaimFactory()
    response = editor.patch(f"/api/claims/{claim.pk}/", {"cue_text": "x"}, format="json")
    assert response.status_code == 428
    assert "version" in response.json()["detail"]


def test_a_verdict_then_review_then_publish_by_a_second_editor(fact_checker, editor):
    claim = ClaimFactory()
    response = fact_checker.patch(
        f"/api/claims/{claim.pk}/",
        {
            "version": 1,
            "verdict": "mostly-false",
            "rationale": "Dati Istat",
            "status": "in_progress",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    version = response.json()["version"]
    response = fact_checker.patch(
        f"/api/claims/{claim.pk}/", {"version": version, "status": "in_review"}, format="json"
    )
    assert response.status_code == 200, response.json()
    # A fact-checker cannot publish.
    refused = fact_checker.patch(
        f"/api/claims/{claim.pk}/",
        {"version": response.json()["version"], "status": "published"},
        format="json",
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    published = editor.patch(
        f"/api/claims/{claim.pk}/",
        {"version": response.json()["version"], "status": "published"},
        format="json",
    )
    assert published.status_code == 200, published.json()
    assert published.json()["status"] == "published"
    assert published.json()["published_at"]


def test_a_refused_workflow_move_is_a_400_and_changes_nothing(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/",
        {"version": 1, "cue_text": "secondo", "status": "published"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "workflow"
    claim.refresh_from_db()
    assert claim.cue_text == "" and claim.version == 1, "the whole PATCH is one transaction"


def test_assigning_to_someone_else_needs_an_editor(fact_checker, editor, roles):
    claim = ClaimFactory()
    other = roles["admin"].username
    refused = fact_checker.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "assignee": other}, format="json"
    )
    assert refused.status_code == 403
    taken = fact_checker.patch(
        f"/api/claims/{claim.pk}/",
        {"version": 1, "assignee": fact_checker.user.username},
        format="json",
    )
    assert taken.status_code == 200
    given = editor.patch(
        f"/api/claims/{claim.pk}/", {"version": 2, "assignee": other}, format="json"
    )
    assert given.status_code == 200
    assert given.json()["assignee"] == other
    assert editor.get("/api/claims/", {"assignee": other}).json()["count"] == 1


def test_a_published_verdict_changes_only_with_a_reason(editor):
    claim = ClaimFactory(
        status=ClaimStatus.PUBLISHED, verdict=rating("false"), published_at=timezone.now()
    )
    refused = editor.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "verdict": "misleading"}, format="json"
    )
    assert refused.status_code == 400
    assert "reason" in refused.json()["detail"]
    corrected = editor.patch(
        f"/api/claims/{claim.pk}/",
        {"version": 1, "verdict": "misleading", "reason": "Nuovi dati"},
        format="json",
    )
    assert corrected.status_code == 200
    assert ClaimEvent.objects.get(claim=claim, action="correction").reason == "Nuovi dati"


def test_the_history_lists_the_changes(editor):
    claim = ClaimFactory()
    editor.patch(f"/api/claims/{claim.pk}/", {"version": 1, "cue_text": "dice"}, format="json")
    history = editor.get(f"/api/claims/{claim.pk}/history/").json()["results"]
    assert history[0]["field"] == "cue_text"
    assert history[0]["new_value"] == "dice"
    assert history[0]["actor"] == editor.user.username


def test_the_fast_claim_rows_equal_drfs_own_rendering(rf):
    from rest_framework import serializers

    from claims.api.serializers import ClaimSerializer
    from tests.api.factories import PublishedClaimFactory, SourceFactory, UserFactory

    claims = [
        ClaimFactory(),
        PublishedClaimFactory(source=SourceFactory(), assignee=UserFactory(username="anna")),
    ]
    request = rf.get("/api/claims/")
    for claim in claims:
        serializer = ClaimSerializer(context={"request": request})
        fast = serializer.to_representation(claim)
        standard = serializers.ModelSerializer.to_representation(serializer, claim)
        assert fast == standard
        assert list(fast) == list(standard)


def test_a_weak_etag_in_if_match_is_understood(editor):
    claim = ClaimFactory()
    response = editor.patch(
        f"/api/claims/{claim.pk}/", {"hedged": True}, format="json", HTTP_IF_MATCH='W/"1"'
    )
    assert response.status_code == 200
    assert response.json()["hedged"] is True
