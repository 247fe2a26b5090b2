"""Offline language detection."""

import pytest

from claims.extraction import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il consiglio comunale ha approvato il bilancio con dodici voti favorevoli.", "it"),
        ("The city council approved the budget with twelve votes in favour.", "en"),
        ("Secondo fonti della procura, l'indagine è chiusa.", "it"),
        ("According to court filings, the case was dismissed.", "en"),
        ("che", "it"),
        ("the", "en"),
    ],
)
def test_it_detects_italian_and_english(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "1234 5678", "😀😀😀", "Привет мир"])
def test_it_always_answers_a_supported_language(text):
    assert detect_language(text) in ("it", "en")


def test_the_statistical_model_loads_offline():
    # A failure here used to be swallowed, leaving only the function-word vote.
    from claims.extraction.language import _identifier

    _identifier.cache_clear()
    lang, confidence = _identifier().classify("Il sindaco ha detto che il ponte riapre lunedì.")
    assert lang == "it" and confidence > 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # no word of either function-word list: only the model can tell
        ("Economists cautioned against reading too much into a single month.", "en"),
        ("Analysts warned against expecting a quick recovery.", "en"),
        ("Gli economisti invitano alla prudenza sui dati mensili.", "it"),
    ],
)
def test_it_detects_texts_without_common_function_words(text, lang):
    assert detect_language(text) == lang


def test_a_long_article_is_decided_by_function_words_without_loading_the_model():
    from claims.extraction.language import _identifier

    _identifier.cache_clear()
    article = (
        "Il consiglio comunale ha approvato il bilancio nella notte. La giunta ha detto che "
        "le tasse non aumenteranno e che i fondi per le scuole sono confermati. Per "
        "l'opposizione è una manovra che pesa sulle famiglie e sul commercio della città. "
    ) * 3
    assert detect_language(article) == "it"
    assert _identifier.cache_info().currsize == 0
    mixed = "Breaking news: il sindaco Paolo Neri and the council met on Monday, ha detto."
    detect_language(mixed)
    assert _identifier.cache_info().currsize == 1  # too short and mixed: the model decides
