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
