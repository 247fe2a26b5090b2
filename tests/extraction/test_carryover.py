"""The carry-over stage: uncued sentences in the reporting conditional keep the source
that introduced them, within the paragraph (GUIDELINES: carry-over)."""

import pytest

from claims.extraction import extract
from claims.extraction.carryover import conditional_test


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sarebbero partiti all'alba da Sfax.", True),
        ("Il motore avrebbe ceduto dopo due ore.", True),
        ("La nave potrebbe arrivare domani.", False),  # a modal: speculation
        ("Il porto è rimasto chiuso.", False),
    ],
)
def test_the_reporting_conditional_is_told_from_modals_and_the_indicative(sentence, expected):
    assert conditional_test(["potrebbe", "dovrebbe"])(sentence) is expected


def _sources(text):
    return [(c.content.text, c.source.text if c.source else None) for c in extract(text, "it")]


def test_a_conditional_sentence_after_a_reported_one_keeps_its_source():
    text = (
        "Tre pescatori hanno raccontato che il peschereccio era uscito all'alba. "
        "Sarebbe stato colpito da un'onda di quattro metri."
    )
    carried = ("Sarebbe stato colpito da un'onda di quattro metri", "Tre pescatori")
    assert _sources(text)[1] == carried
    claim = extract(text, "it")[1]
    assert claim.cue is None and claim.hedged


def test_the_article_s_own_indicative_stays_its_own_and_the_run_goes_on_after_it():
    text = (
        "Tre pescatori hanno raccontato che il peschereccio era uscito all'alba. "
        "Il porto è rimasto chiuso tutto il giorno. "
        "Il motore sarebbe poi andato in avaria."
    )
    assert [source for _, source in _sources(text)] == [
        "Tre pescatori",
        None,
        "Tre pescatori",
    ]


def test_a_new_source_ends_the_run():
    text = (
        "Tre pescatori hanno raccontato che il peschereccio era uscito all'alba. "
        "Il capitano ha detto che la radio funzionava. "
        "Il motore sarebbe poi andato in avaria."
    )
    assert [source for _, source in _sources(text)] == [
        "Tre pescatori",
        "Il capitano",
        "Il capitano",
    ]


def test_a_new_paragraph_ends_the_run():
    text = (
        "Tre pescatori hanno raccontato che il peschereccio era uscito all'alba.\n\n"
        "Il motore sarebbe poi andato in avaria."
    )
    assert [source for _, source in _sources(text)] == ["Tre pescatori", None]


def test_a_summing_up_cue_takes_the_run_of_uncued_sentences_before_it():
    text = (
        "La sindaca ha detto che il mercato coperto riapre. "
        "Il tetto è stato rifatto. Le bancarelle saranno quaranta. "
        "È quanto riferisce l'architetta Nora Villa."
    )
    assert [source for _, source in _sources(text)] == [
        "La sindaca",
        "l'architetta Nora Villa",
        "l'architetta Nora Villa",
    ]


def test_lo_riferisce_takes_only_the_sentence_before():
    text = "Il tetto è stato rifatto. Le bancarelle saranno quaranta. Lo riferisce Nora Villa."
    assert [source for _, source in _sources(text)] == [None, "Nora Villa"]


def test_the_summing_up_run_stops_at_the_paragraph():
    text = (
        "Il tetto è stato rifatto.\n\n"
        "Le bancarelle saranno quaranta. È quanto riferisce l'architetta Nora Villa."
    )
    assert [source for _, source in _sources(text)] == [None, "l'architetta Nora Villa"]
