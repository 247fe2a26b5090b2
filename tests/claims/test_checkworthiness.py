"""Triage: check-worthiness from a claim's record, and the queue sorted by it."""

import pytest

from claims.checkworthiness import claim_checkworthiness, reasons_text
from claims.extraction import ClaimRecord, Span
from claims.models import ExtractionState
from claims.services.articles import article_apply_extraction
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("content", "kind", "hedged", "signals"),
    [
        ("unemployment fell to 6.1 percent in March", "person", False, {"number", "date"}),
        ("the Ministry of Defence sent troops to the border", "organization", False, {"named"}),
        ("the army would have fired first", "anonymous", True, {"hedged", "anonymous"}),
        ("il governo avrebbe inviato 10.000 soldati", "author", False, {"number", "hedged"}),
        ("a spokesperson declined to comment on the report", "role", False, {"no_comment"}),
        ("grazie a tutti per la pazienza", "author", False, {"pleasantry"}),
        ("so it goes", "author", False, {"short"}),
    ],
)
def test_signals_are_found_in_claims_written_for_this_test(content, kind, hedged, signals):
    result = claim_checkworthiness(content=content, source_kind=kind, hedged=hedged)
    assert set(result.signals) == signals
    assert 0 <= result.score <= 100


def test_checkable_claims_outrank_pleasantries_and_no_comment():
    def score(content, kind="person", hedged=False):
        return claim_checkworthiness(content=content, source_kind=kind, hedged=hedged).score

    high = score("Exports to Canada rose by 14 percent in 2024, Mario Draghi said", "person")
    low = score("the company declined to comment", "organization")
    greeting = score("thanks to all the volunteers", "author")
    assert high > score("the mood in the room was tense") > low
    assert high > greeting


def test_reasons_are_words_for_people():
    from django.utils import translation

    with translation.override("en"):
        assert reasons_text("number,no_comment") == "+ numbers; − declined to comment"
    with translation.override("it"):
        assert reasons_text("number") == "+ numeri"
    assert reasons_text("bogus") == ""


def _record(text, words):
    start = text.index(words)
    return ClaimRecord(
        content=Span(words, start, start + len(words)),
        source=None,
        cue=None,
        channel=None,
        source_kind="author",
        quote="none",
        hedged=False,
        source_name=None,
    )


@pytest.mark.django_db
def test_extraction_stores_the_score_and_its_reasons():
    text = "Grazie a tutti. Il deficit è salito al 3,4 per cento nel 2025."
    article = ArticleFactory(text=text, extraction_state=ExtractionState.RUNNING)
    records = [
        _record(text, "Grazie a tutti"),
        _record(text, "Il deficit è salito al 3,4 per cento nel 2025"),
    ]
    article_apply_extraction(article_id=article.pk, records=records, extractor_version="t")
    thanks, deficit = article.claims.order_by("content_start")
    assert deficit.checkworthiness > thanks.checkworthiness
    assert "number" in deficit.checkworthiness_reasons.split(",")
    assert "pleasantry" in thanks.checkworthiness_reasons.split(",")


@pytest.mark.django_db
def test_the_backfill_scores_claims_without_a_score_and_nothing_else():
    from io import StringIO

    from django.core.management import call_command

    from tests.factories import ClaimFactory

    old = ClaimFactory(content="the deficit reached 3.4 percent in 2025", checkworthiness=None)
    kept = ClaimFactory(content="the deficit reached 3.4 percent", checkworthiness=7)
    out = StringIO()
    call_command("score_checkworthiness", stdout=out)
    assert "scored 1 claims" in out.getvalue()
    old.refresh_from_db()
    kept.refresh_from_db()
    assert old.checkworthiness > 40 and "number" in old.checkworthiness_reasons
    assert kept.checkworthiness == 7 and old.version == 1
    call_command("score_checkworthiness", "--all", stdout=StringIO())
    kept.refresh_from_db()
    assert kept.checkworthiness != 7
