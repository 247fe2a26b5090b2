"""The public record of a claim is a version approved by someone who wrote none
of it; every later change waits as a correction; a fact-check can be withdrawn
and published again by the same rule."""

import pytest

from claims import signals
from claims.exceptions import NotAllowed, WorkflowError
from claims.models import ClaimEvent, ClaimStatus, ClaimVersion, VersionState
from claims.public_record import public_record, public_records
from claims.services import publication
from claims.services.review import (
    claim_add_evidence,
    claim_correct_attribution,
    claim_set_status,
    claim_set_verdict,
)
from tests.factories import ClaimFactory
from tests.screens.roles import ensure_rating_scale, make_user


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def ratings(db):
    from claims.models import Rating

    ensure_rating_scale()
    return {rating.slug: rating for rating in Rating.objects.all()}


@pytest.fixture
def people(db):
    return {
        "anna": make_user("fc_anna", "fact-checker"),
        "dario": make_user("fc_dario", "fact-checker"),
        "bruno": make_user("ed_bruno", "editor"),
        "carla": make_user("ed_carla", "editor"),
    }


@pytest.fixture
def sent(db):
    """The domain events sent, as (name, claim id), once their transaction committed."""
    received = []
    handlers = {}
    for name in ("claim_published", "claim_corrected", "claim_withdrawn"):

        def handler(sender, claim, _name=name, **kwargs):
            received.append((_name, claim.pk))

        handlers[name] = handler
        getattr(signals, name).connect(handler)
    yield received
    for name, handler in handlers.items():
        getattr(signals, name).disconnect(handler)


def in_review(claim, user, verdict, rationale="Dati Istat 2025."):
    claim = claim_set_verdict(
        claim=claim, user=user, expected_version=None, verdict=verdict, rationale=rationale
    )
    claim = claim_set_status(claim=claim, user=user, expected_version=None, status="in_progress")
    return claim_set_status(claim=claim, user=user, expected_version=None, status="in_review")


@pytest.fixture
def published(people, ratings, django_capture_on_commit_callbacks):
    """A claim whose verdict anna set and carla approved."""
    claim = in_review(ClaimFactory(), people["anna"], ratings["false"])
    with django_capture_on_commit_callbacks(execute=True):
        return publication.claim_approve(claim=claim, user=people["carla"], expected_version=None)


def test_the_public_record_is_the_approved_version(published, people, ratings):
    record = public_record(published)
    assert record.verdict == ratings["false"] and record.rationale == "Dati Istat 2025."
    assert record.published_by == people["carla"]
    assert record.modified_at is None and record.correction_note == "" and not record.corrections
    assert record.withdrawn_at is None
    assert published.status == ClaimStatus.PUBLISHED


def test_a_claim_never_published_has_no_public_record(ratings):
    assert public_record(ClaimFactory(status=ClaimStatus.IN_REVIEW)) is None


def test_an_editor_who_edited_the_rationale_cannot_publish_it(people, ratings):
    claim = in_review(ClaimFactory(), people["anna"], ratings["false"])
    claim = claim_set_verdict(
        claim=claim,
        user=people["bruno"],
        expected_version=None,
        verdict=claim.verdict,
        rationale="Riscritta dall'editor.",
    )
    with pytest.raises(WorkflowError, match="you wrote part of this version"):
        publication.claim_approve(claim=claim, user=people["bruno"], expected_version=None)
    assert public_record(claim) is None
    claim = publication.claim_approve(claim=claim, user=people["carla"], expected_version=None)
    assert public_record(claim).rationale == "Riscritta dall'editor."


def test_an_editor_who_corrected_the_attribution_cannot_publish_it(people, ratings):
    claim = in_review(ClaimFactory(), people["anna"], ratings["false"])
    claim = claim_correct_attribution(
        claim=claim, user=people["bruno"], expected_version=None, source_text="Mario Rossi"
    )
    with pytest.raises(WorkflowError):
        claim_set_status(
            claim=claim, user=people["bruno"], expected_version=None, status="published"
        )


def test_a_fact_checker_cannot_approve(people, ratings):
    claim = in_review(ClaimFactory(), people["anna"], ratings["false"])
    with pytest.raises(NotAllowed):
        publication.claim_approve(claim=claim, user=people["dario"], expected_version=None)


def test_a_correction_waits_for_a_second_person(published, people, ratings, sent):
    claim = claim_set_verdict(
        claim=published,
        user=people["dario"],
        expected_version=None,
        verdict=ratings["true"],
        reason="Il comunicato è stato rettificato.",
    )
    assert claim.verdict == ratings["true"]  # the working copy
    assert public_record(claim).verdict == ratings["false"]  # what readers see
    pending = publication.pending_version(claim)
    assert set(pending.authors.all()) == {people["dario"]}
    assert pending.note == "Il comunicato è stato rettificato."

    # An editor who then polishes the rationale becomes an author too.
    claim = claim_set_verdict(
        claim=claim,
        user=people["bruno"],
        expected_version=None,
        verdict=claim.verdict,
        rationale="Il dato corretto è del 12%.",
        reason="Rationale aggiornata.",
    )
    with pytest.raises(WorkflowError, match="second editor"):
        publication.claim_approve(claim=claim, user=people["bruno"], expected_version=None)
    assert public_record(claim).verdict == ratings["false"]
    assert sent == []

    claim = publication.claim_approve(claim=claim, user=people["carla"], expected_version=None)
    record = public_record(claim)
    assert record.verdict == ratings["true"]
    assert record.rationale == "Il dato corretto è del 12%."
    assert record.modified_at is not None
    assert "rettificato" in record.correction_note
    assert [note for _, note in record.corrections] == [record.correction_note]
    assert record.published_by == people["carla"]
    assert claim.status == ClaimStatus.PUBLISHED
    history = ClaimEvent.objects.filter(claim=claim, action="approve_correction", field="verdict")
    assert history.get().old_value != history.get().new_value  # both versions in the history


def test_the_correction_signal_fires_on_commit(
    published, people, ratings, sent, django_capture_on_commit_callbacks
):
    claim = claim_set_verdict(
        claim=published,
        user=people["dario"],
        expected_version=None,
        verdict=ratings["true"],
        reason="Nuovi dati.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        publication.claim_approve(claim=claim, user=people["carla"], expected_version=None)
    assert sent == [("claim_corrected", claim.pk)]


def test_a_correction_needs_a_reason_on_every_kind_of_change(published, people, ratings):
    with pytest.raises(WorkflowError, match="needs a written reason"):
        claim_set_verdict(
            claim=published, user=people["dario"], expected_version=None, verdict=ratings["true"]
        )
    with pytest.raises(WorkflowError, match="needs a written reason"):
        claim_correct_attribution(
            claim=published, user=people["dario"], expected_version=None, cue_text="sostiene"
        )
    assert publication.pending_version(published) is None


def test_an_approved_correction_can_be_turned_down_instead(published, people, ratings):
    claim = claim_correct_attribution(
        claim=published,
        user=people["dario"],
        expected_version=None,
        source_text="Giulia Verdi",
        reason="Fonte sbagliata?",
    )
    claim = publication.claim_discard_correction(
        claim=claim, user=people["carla"], expected_version=None, note="No: era giusta."
    )
    assert claim.source_text == public_record(claim).source_text != "Giulia Verdi"
    assert publication.pending_version(claim) is None
    assert ClaimVersion.objects.filter(claim=claim, state=VersionState.REJECTED).count() == 1


def test_public_evidence_added_after_publication_waits_for_approval(published, people):
    claim_add_evidence(claim=published, user=people["bruno"], url="https://www.istat.it/x")
    assert public_record(published).evidence == []
    with pytest.raises(WorkflowError):
        publication.claim_approve(claim=published, user=people["bruno"], expected_version=None)
    publication.claim_approve(claim=published, user=people["carla"], expected_version=None)
    record = public_record(published)
    assert [e.url for e in record.evidence] == ["https://www.istat.it/x"]
    assert "Evidence added" in record.correction_note


def test_internal_evidence_never_reaches_the_public(published, people):
    claim_add_evidence(
        claim=published, user=people["dario"], url="https://intranet.example/x", public=False
    )
    assert publication.pending_version(published) is None
    assert public_record(published).evidence == []


def test_withdrawal_and_republication(
    published, people, ratings, sent, django_capture_on_commit_callbacks
):
    with pytest.raises(NotAllowed):
        publication.claim_withdraw(
            claim=published, user=people["anna"], expected_version=None, reason="Errore"
        )
    with pytest.raises(WorkflowError, match="Say why"):
        publication.claim_withdraw(
            claim=published, user=people["bruno"], expected_version=None, reason="  "
        )
    with django_capture_on_commit_callbacks(execute=True):
        claim = publication.claim_withdraw(
            claim=published,
            user=people["bruno"],
            expected_version=None,
            reason="La fonte ha smentito la dichiarazione.",
        )
    assert claim.status == ClaimStatus.WITHDRAWN
    record = public_record(claim)
    assert record.withdrawn_at is not None
    assert record.withdrawn_reason == "La fonte ha smentito la dichiarazione."
    assert sent == [("claim_withdrawn", claim.pk)]

    # Reworked and published again: the same two-person rule.
    claim = claim_set_status(
        claim=claim, user=people["dario"], expected_version=None, status="in_progress"
    )
    claim = claim_set_verdict(
        claim=claim,
        user=people["dario"],
        expected_version=None,
        verdict=ratings["mostly-true"],
        rationale="Rivista dopo la smentita.",
    )
    claim = claim_set_status(
        claim=claim, user=people["dario"], expected_version=None, status="in_review"
    )
    assert public_record(claim).withdrawn_at is not None  # still withdrawn while reworked
    with pytest.raises(NotAllowed):
        publication.claim_approve(claim=claim, user=people["dario"], expected_version=None)
    with django_capture_on_commit_callbacks(execute=True):
        claim = publication.claim_approve(claim=claim, user=people["bruno"], expected_version=None)
    record = public_record(claim)
    assert record.withdrawn_at is None and record.verdict == ratings["mostly-true"]
    assert record.published_by == people["bruno"]
    assert sent[-1] == ("claim_published", claim.pk)


def test_public_records_take_a_fixed_number_of_queries(
    people, ratings, django_assert_max_num_queries
):
    claims = []
    for _ in range(6):
        claim = in_review(ClaimFactory(), people["anna"], ratings["false"])
        claim_add_evidence(claim=claim, user=people["anna"], url="https://www.istat.it/y")
        claims.append(
            publication.claim_approve(claim=claim, user=people["carla"], expected_version=None)
        )
    with django_assert_max_num_queries(3):
        records = public_records()
    assert [r.claim_id for r in records] == sorted(c.pk for c in claims)
    assert all(len(r.evidence) == 1 and r.published_by == people["carla"] for r in records)
