"""Repeated claims: the same claim in other articles, and applying its verdict in one action."""

import pytest

from claims.exceptions import EditConflict, NotAllowed, WorkflowError
from claims.ingest.repeats import (
    claim_also_appears_in,
    claim_apply_existing_verdict,
    claims_index,
    similarity,
)
from claims.ingest.tasks import index_claim_fingerprints
from claims.models import ClaimEvent, ClaimFingerprint, Rating
from claims.public_record import public_record
from claims.services.publication import claim_approve
from tests.api.factories import PublishedClaimFactory
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

BRIDGE = "il ponte sul fiume Arno riaprirà a marzo dopo due anni di lavori"


@pytest.fixture
def checked(editor):
    """A claim an editor already rated false, in an earlier article."""
    claim = ClaimFactory(
        content=BRIDGE,
        verdict=Rating.objects.get(slug="false"),
        rationale="Il cantiere chiude nel 2027, secondo il capitolato.",
        article=ArticleFactory(title="Il ponte riapre"),
    )
    return claim


@pytest.mark.parametrize(
    "text",
    [
        "Il ponte sul fiume Arno riaprirà a marzo, dopo due anni di lavori.",
        "IL PONTE SUL FIUME ARNO RIAPRIRÀ A MARZO DOPO DUE ANNI DI LAVORI",
        "il ponte sul fiume Arno riaprirà a marzo dopo due anni di lavori, ha detto",
    ],
)
def test_the_same_claim_worded_alike_is_found_in_other_articles(text, checked):
    repeat = ClaimFactory(content=text)
    found = claim_also_appears_in(repeat)
    assert [r.claim for r in found] == [checked]
    assert found[0].verdict.slug == "false"
    assert found[0].article.title == "Il ponte riapre"
    assert found[0].similarity >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "il ponte sul fiume Po chiuderà a giugno per un'ispezione straordinaria",
        "la scuola di via Roma riaprirà a marzo dopo due anni di lavori di restauro e ampliamento",
    ],
)
def test_a_different_claim_is_not_a_repeat(text, checked):
    assert claim_also_appears_in(ClaimFactory(content=text)) == []


def test_a_claim_in_another_language_or_the_same_article_is_not_listed(checked):
    english = ClaimFactory(content=BRIDGE, article=ArticleFactory(language="en"))
    sibling = ClaimFactory(content=BRIDGE, article=checked.article)
    assert claim_also_appears_in(english) == []
    assert claim_also_appears_in(sibling) == []


def test_claims_are_indexed_once_by_the_beat_task(checked):
    ClaimFactory(content="un'altra affermazione del tutto diversa dalle altre")
    assert index_claim_fingerprints() == 2
    assert index_claim_fingerprints() == 0
    assert claims_index(article_id=checked.article_id) == 0
    assert ClaimFingerprint.objects.count() == 2
    assert checked.fingerprint.shingles.count() <= 8


def test_an_editor_applies_the_existing_verdict_in_one_action(checked, editor):
    repeat = ClaimFactory(content=BRIDGE + ".")
    claim = claim_apply_existing_verdict(
        claim=repeat,
        source_claim=checked,
        user=editor,
        expected_version=repeat.version,
        reason="Stessa frase, stessi dati",
    )
    claim.refresh_from_db()
    assert claim.verdict.slug == "false"
    assert claim.rationale == checked.rationale
    assert claim.verdict_set_by == editor
    assert claim.version == repeat.version + 1
    event = ClaimEvent.objects.filter(claim=claim, field="verdict").get()
    assert "Il ponte riapre" in event.reason and "Stessa frase" in event.reason


def test_applying_a_verdict_needs_a_reason(checked, editor):
    repeat = ClaimFactory(content=BRIDGE)
    with pytest.raises(WorkflowError, match="Say why"):
        claim_apply_existing_verdict(
            claim=repeat, source_claim=checked, user=editor, expected_version=None, reason=" "
        )
    repeat.refresh_from_db()
    assert repeat.verdict is None


def test_applying_a_verdict_keeps_the_review_rules(checked, editor):
    repeat = ClaimFactory(content=BRIDGE)
    with pytest.raises(EditConflict):
        claim_apply_existing_verdict(
            claim=repeat,
            source_claim=checked,
            user=editor,
            expected_version=repeat.version + 5,
            reason="x",
        )
    with pytest.raises(NotAllowed):
        claim_apply_existing_verdict(
            claim=repeat,
            source_claim=checked,
            user=UserFactory(),
            expected_version=None,
            reason="x",
        )
    published = PublishedClaimFactory(content=BRIDGE, verdict=Rating.objects.get(slug="true"))
    with pytest.raises(WorkflowError):  # a correction needs the applier's own reason
        claim_apply_existing_verdict(
            claim=published, source_claim=checked, user=editor, expected_version=None
        )
    claim = claim_apply_existing_verdict(
        claim=published,
        source_claim=checked,
        user=editor,
        expected_version=None,
        reason="Nuovi dati Istat",
    )
    assert claim.verdict.slug == "false"  # the working copy, as a pending correction
    record = public_record(claim)
    assert record.verdict.slug == "true"  # the public record waits for a second editor
    with pytest.raises(WorkflowError, match="second editor"):
        claim_approve(claim=claim, user=editor, expected_version=None)


def test_only_a_rated_repeat_in_another_article_can_lend_its_verdict(checked, editor):
    unrated = ClaimFactory(content=BRIDGE)
    other = ClaimFactory(content="tutt'altra cosa detta da qualcun altro in un altro momento")
    with pytest.raises(WorkflowError):
        claim_apply_existing_verdict(
            claim=checked, source_claim=unrated, user=editor, expected_version=None, reason="x"
        )
    with pytest.raises(WorkflowError):
        claim_apply_existing_verdict(
            claim=other, source_claim=checked, user=editor, expected_version=None, reason="x"
        )


def test_similarity_ignores_case_accents_and_punctuation():
    assert similarity("Perché: è così!", "perche e cosi") == 1.0
    assert similarity("", "qualcosa") == 0.0


def test_the_also_appears_in_panel_never_reads_the_other_articles_texts(checked, client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    checked.article.text = "Un testo lungo. " * 50_000
    checked.article.save(update_fields=["text"])
    repeat = ClaimFactory(content=BRIDGE + ", ha detto")
    claims_index()
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/ingest/claims/{repeat.pk}/repeats/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Il ponte riapre" in response.content.decode()
    text_reads = [
        q["sql"] for q in queries.captured_queries if '"claims_article"."text"' in q["sql"]
    ]
    assert text_reads == []
