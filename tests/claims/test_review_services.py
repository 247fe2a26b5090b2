"""The queue's decision and undo services, on top of the review workflow's rules."""

import pytest

from claims.exceptions import EditConflict, NotAllowed, WorkflowError
from claims.models import ClaimStatus
from claims.services.review import (
    DecisionUndo,
    claim_decide_verdict,
    claim_set_status,
    claim_take,
    claim_undo_decision,
)
from tests.factories import ClaimFactory
from tests.screens.roles import ensure_rating_scale, make_user


@pytest.fixture
def ratings(db):
    from claims.models import Rating

    ensure_rating_scale()
    return list(Rating.objects.order_by("position"))


@pytest.fixture
def checker(db):
    return make_user("fc_svc", "fact-checker")


def test_a_decision_sets_the_verdict_and_walks_the_claim_to_review(checker, ratings):
    claim = ClaimFactory()
    claim, undo = claim_decide_verdict(
        claim=claim,
        user=checker,
        expected_version=claim.version,
        verdict=ratings[1],
        rationale="Fonte ufficiale.",
        to_review=True,
    )
    assert claim.status == ClaimStatus.IN_REVIEW
    assert claim.verdict == ratings[1] and claim.verdict_set_by == checker
    assert undo.status == ClaimStatus.UNVERIFIED and undo.verdict_id is None
    assert undo.version == claim.version


def test_a_decision_without_review_leaves_the_state(checker, ratings):
    claim = ClaimFactory()
    claim, _ = claim_decide_verdict(
        claim=claim, user=checker, expected_version=None, verdict=ratings[0]
    )
    assert claim.status == ClaimStatus.UNVERIFIED


def test_a_stale_decision_raises_a_conflict_with_the_current_claim(checker, ratings):
    claim = ClaimFactory()
    with pytest.raises(EditConflict) as caught:
        claim_decide_verdict(
            claim=claim, user=checker, expected_version=claim.version + 1, verdict=ratings[0]
        )
    assert caught.value.current.pk == claim.pk


def test_undo_restores_state_verdict_rationale_and_assignee(checker, ratings):
    claim = ClaimFactory(rationale="prima")
    claim, undo_take = claim_take(claim=claim, user=checker, expected_version=None)
    claim, undo = claim_decide_verdict(
        claim=claim,
        user=checker,
        expected_version=None,
        verdict=ratings[3],
        rationale="dopo",
        to_review=True,
    )
    restored = claim_undo_decision(undo=DecisionUndo.from_dict(undo.as_dict()), user=checker)
    assert restored.status == ClaimStatus.UNVERIFIED
    assert restored.verdict is None and restored.rationale == "prima"
    assert restored.assignee == checker
    restored = claim_undo_decision(
        undo=DecisionUndo.from_dict({**undo_take.as_dict(), "version": restored.version}),
        user=checker,
    )
    assert restored.assignee is None


def test_undo_is_refused_after_someone_else_saved(checker, ratings):
    claim = ClaimFactory()
    claim, undo = claim_decide_verdict(
        claim=claim, user=checker, expected_version=None, verdict=ratings[0]
    )
    claim_set_status(claim=claim, user=checker, expected_version=None, status="in_progress")
    with pytest.raises(EditConflict):
        claim_undo_decision(undo=undo, user=checker)


def test_a_published_claim_is_never_undone(checker, ratings):
    editor = make_user("ed_svc", "editor")
    claim = ClaimFactory()
    claim, undo = claim_decide_verdict(
        claim=claim, user=checker, expected_version=None, verdict=ratings[0], to_review=True
    )
    claim = claim_set_status(claim=claim, user=editor, expected_version=None, status="published")
    stale = DecisionUndo.from_dict({**undo.as_dict(), "version": claim.version})
    with pytest.raises(WorkflowError):
        claim_undo_decision(undo=stale, user=checker)


def test_someone_without_a_role_cannot_decide(ratings):
    from tests.factories import UserFactory

    outsider = UserFactory(username="nessuno")
    with pytest.raises(NotAllowed):
        claim_decide_verdict(
            claim=ClaimFactory(), user=outsider, expected_version=None, verdict=ratings[0]
        )
