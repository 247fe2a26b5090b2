import pytest
from django.utils import translation

from claims import services
from claims.exceptions import SubmissionRefused
from claims.models import Article, ExtractionState

ITALIAN_TEXT = (
    "Il ministro dei Trasporti ha detto che la nuova linea ferroviaria sarà pronta nel 2027. "
    "Secondo la Regione, i cantieri sono in ritardo di sei mesi."
)
ENGLISH_TEXT = (
    "The harbour authority said on Monday that cargo traffic fell by 12 percent last year. "
    "According to the port's annual report, two terminals will close."
)


@pytest.fixture(autouse=True)
def english_messages():
    """The refusals are read in English here, whatever language an earlier test left
    active (the desk's default is Italian: run alone, this file would read Italian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def sent_to_queue(monkeypatch):
    """The article ids handed to the broker (the queue itself is tested with a real worker)."""
    sent = []
    monkeypatch.setattr(services.articles, "enqueue_extraction", sent.append)
    return sent


@pytest.mark.django_db
def test_it_stores_the_article_and_queues_extraction_after_commit(
    user, sent_to_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = services.article_submit(
            text=ITALIAN_TEXT, language="it", title="Ferrovie", submitted_by=user
        )
    assert sent_to_queue == [], "nothing may be queued before the transaction commits"
    for callback in callbacks:
        callback()
    article = result.article
    assert result.created
    assert sent_to_queue == [article.pk]
    assert article.extraction_state == ExtractionState.QUEUED
    assert article.text == ITALIAN_TEXT
    assert article.submitted_by == user
    assert len(article.content_hash) == 64


@pytest.mark.django_db
def test_the_same_text_submitted_again_returns_the_existing_article(
    sent_to_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.article_submit(text=ITALIAN_TEXT, language="it")
    with django_capture_on_commit_callbacks(execute=True):
        # Different line endings and surrounding blank space are the same text.
        second = services.article_submit(text="\n" + ITALIAN_TEXT + "  \r\n", language="it")
    assert not second.created
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert sent_to_queue == [first.article.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "code", "phrase"),
    [
        ("", "empty", "empty"),
        ("   \n\t  \n", "empty", "empty"),
        ("a" * 1_000_001, "too_long", "1,000,000"),
        ("Testo con un byte\x00nullo.", "binary", "NUL"),
        (b"Citt\xe0 di Roma in Latin-1", "encoding", "UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "NUL"),
        ("".join(chr(c) for c in range(1, 9)) * 200, "binary", "binary"),
    ],
    ids=["empty", "whitespace", "too-long", "nul", "latin1-bytes", "png", "control-chars"],
)
def test_refused_input_stores_nothing_and_says_why(text, code, phrase, sent_to_queue):
    with pytest.raises(SubmissionRefused) as refused:
        services.article_submit(text=text, language="it")
    assert refused.value.code == code
    assert phrase in refused.value.message
    assert Article.objects.count() == 0
    assert sent_to_queue == []


@pytest.mark.django_db
def test_an_article_of_exactly_the_limit_is_accepted(sent_to_queue):
    text = "parola " * 142_857 + "x"
    assert len(text) == 1_000_000
    assert services.article_submit(text=text, language="it").created


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "de-DE", "zz", "klingon"])
def test_a_language_other_than_italian_or_english_is_refused(language, sent_to_queue):
    with pytest.raises(SubmissionRefused) as refused:
        services.article_submit(text=ITALIAN_TEXT, language=language)
    assert refused.value.code == "language"
    assert "Italian" in refused.value.message
    assert Article.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("given", "stored"), [("it", "it"), ("it-IT", "it"), ("EN_gb", "en")])
def test_bcp47_language_tags_are_stored_as_their_primary_subtag(given, stored, sent_to_queue):
    assert services.article_submit(text=ENGLISH_TEXT, language=given).article.language == stored


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expected"), [(ITALIAN_TEXT, "it"), (ENGLISH_TEXT, "en")])
def test_the_language_is_detected_when_not_given(text, expected, sent_to_queue):
    assert services.article_submit(text=text).article.language == expected


@pytest.mark.django_db
def test_a_malformed_url_is_refused(sent_to_queue):
    with pytest.raises(SubmissionRefused) as refused:
        services.article_submit(text=ITALIAN_TEXT, language="it", url="javascript:alert(1)")
    assert refused.value.code == "url"
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_bytes_in_utf8_with_a_bom_are_accepted(sent_to_queue):
    result = services.article_submit(text="\ufeff".encode() + ITALIAN_TEXT.encode(), language="it")
    assert result.article.text == ITALIAN_TEXT
