import pytest

from claims.models import ClaimEvent
from tests.api.factories import ClaimFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_a_comment_and_a_reply_are_added_and_listed(fact_checker, editor):
    claim = ClaimFactory()
    first = fact_checker.post(
        f"/api/claims/{claim.pk}/comments/", {"body": "Chi l'ha detto?"}, format="json"
    )
    assert first.status_code == 201
    reply = editor.post(
        f"/api/claims/{claim.pk}/comments/",
        {"body": "Il sindaco", "parent": first.json()["id"]},
        format="json",
    )
    assert reply.status_code == 201
    listed = fact_checker.get(f"/api/claims/{claim.pk}/comments/").json()["results"]
    assert [(c["body"], c["parent"]) for c in listed] == [
        ("Chi l'ha detto?", None),
        ("Il sindaco", first.json()["id"]),
    ]
    assert ClaimEvent.objects.filter(claim=claim, action="comment").count() == 2


def test_an_empty_comment_or_a_reply_to_another_claim_is_refused(fact_checker):
    claim = ClaimFactory()
    empty = fact_checker.post(f"/api/claims/{claim.pk}/comments/", {"body": "  "}, format="json")
    assert empty.status_code == 400 and "empty" in empty.json()["detail"]
    elsewhere = CommentFactory()
    reply = fact_checker.post(
        f"/api/claims/{claim.pk}/comments/", {"body": "sì", "parent": elsewhere.pk}, format="json"
    )
    assert reply.status_code == 400


def test_evidence_is_added_as_a_link(fact_checker):
    claim = ClaimFactory()
    added = fact_checker.post(
        f"/api/claims/{claim.pk}/evidence/",
        {"url": "https://www.istat.it/it/archivio/1", "description": "Tavola 3"},
        format="json",
    )
    assert added.status_code == 201
    assert added.json()["added_by"] == fact_checker.user.username
    listed = fact_checker.get(f"/api/claims/{claim.pk}/evidence/").json()["results"]
    assert listed[0]["url"] == "https://www.istat.it/it/archivio/1"
    bad = fact_checker.post(
        f"/api/claims/{claim.pk}/evidence/", {"url": "javascript:alert(1)"}, format="json"
    )
    assert bad.status_code == 400
    assert "not a valid http" in bad.json()["detail"]
