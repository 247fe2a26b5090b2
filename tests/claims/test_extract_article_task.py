"""The extract_article task, called in-process (a real worker is tested in test_worker.py)."""

import pytest

import claims.extraction
from claims.extraction import EXTRACTOR_VERSION
from claims.models import Claim, ExtractionState
from claims.tasks import extract_article
from tests.factories import ArticleFactory

TEXT = (
    "Marco Bianchi ha detto che l'ospedale aprirà a maggio. "
    "Secondo l'Istat, la disoccupazione è scesa al 6 per cento."
)


@pytest.fixture
def article(db):
    return ArticleFactory(text=TEXT, language="it")


def test_it_extracts_claims_and_marks_the_article_done(article):
    extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE
    assert article.extractor_version == EXTRACTOR_VERSION
    assert article.extraction_attempts == 1
    claims = list(article.claims.all())
    assert claims, "the reporting verb and the 'secondo' attribution must give claims"
    sources = [claim.source_text for claim in claims]
    assert any("Bianchi" in text for text in sources)
    assert any("Istat" in text for text in sources)
    for claim in claims:
        assert TEXT[claim.content_start : claim.content_end] == claim.content


def test_running_it_twice_gives_the_same_claims(article):
    extract_article(article.pk)
    first = list(Claim.objects.order_by("pk").values_list("pk", "content", "source_text"))
    extract_article(article.pk)
    assert list(Claim.objects.order_by("pk").values_list("pk", "content", "source_text")) == first
    article.refresh_from_db()
    assert article.extraction_attempts == 1, "a second delivery of a done article does nothing"


def test_a_crashing_extraction_ends_failed_with_the_reason_after_bounded_retries(
    article, monkeypatch
):
    calls = []

    def crash(text, lang=None):
        calls.append(text)
        raise RuntimeError("tokenizer exploded")

    monkeypatch.setattr(claims.extraction, "extract", crash)
    # apply() runs the task and its retries in this process.
    extract_article.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert "tokenizer exploded" in article.extraction_error
    assert "RuntimeError" in article.extraction_error
    assert len(calls) == extract_article.max_retries + 1
    assert article.claims.count() == 0


def test_a_failed_article_can_be_retried(article, monkeypatch, django_capture_on_commit_callbacks):
    from claims import services

    services.article_mark_failed(article_id=article.pk, reason="boom")
    sent = []
    monkeypatch.setattr(services.articles, "enqueue_extraction", sent.append)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_retry_extraction(article=article)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.QUEUED
    assert article.extraction_error == ""
    assert sent == [article.pk]
    extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE


def test_a_deleted_article_is_skipped_quietly(db):
    extract_article(987654)
    assert Claim.objects.count() == 0


@pytest.mark.parametrize("returning", [True, False], ids=["update-returning", "update-then-select"])
def test_starting_marks_the_attempt_and_hands_over_the_text_unless_already_done(
    article, returning, monkeypatch
):
    from django.db import connection

    from claims import services
    from claims.models import Article

    if not returning:  # a database without UPDATE ... RETURNING
        monkeypatch.setattr(connection.features, "can_return_columns_from_insert", False)
    start = services.article_start_extraction
    started = start(article_id=article.pk, extractor_version="v1")
    assert (started.pk, started.text, started.language) == (article.pk, TEXT, "it")
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.RUNNING
    assert article.extraction_attempts == 1
    assert article.extraction_started_at is not None

    Article.objects.filter(pk=article.pk).update(
        extraction_state=ExtractionState.DONE, extractor_version="v1"
    )
    assert start(article_id=article.pk, extractor_version="v1") is None
    assert start(article_id=article.pk, extractor_version="v2").text == TEXT
    article.refresh_from_db()
    assert (article.extraction_state, article.extraction_attempts) == (ExtractionState.RUNNING, 2)
    assert start(article_id=987654, extractor_version="v2") is None
