"""Linear time on any input, shown by counting work on a size ladder (no clock thresholds).

The Python stages are measured by the number of lines they execute (``sys.settrace``),
which is the same on a busy machine as on an idle one. spaCy's tokenizer is compiled
code, so the Doc-building stage is checked by its chunking instead: no chunk handed to
the tokenizer can make its affix loop quadratic. Absolute times per megabyte are printed
by ``manage.py bench_extraction --stress``.
"""

import os
import sys

import pytest
import spacy

import claims.extraction
from claims.extraction import extract
from claims.extraction.docs import make_doc
from claims.extraction.stress import STRESS_INPUTS

PACKAGE_DIR = os.path.dirname(claims.extraction.__file__)
SIZES = (3_000, 6_000, 12_000)
# Four times the text may execute at most this many times the lines: linear work gives 4,
# a pass that re-reads the sentence from every word gives close to 16 at these sizes.
MAX_GROWTH = 6.0


def executed_lines(func) -> int:
    """Lines of the extraction package executed while ``func`` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE_DIR) else None

    sys.settrace(calls)
    try:
        func()
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    ("name", "lang", "build"),
    STRESS_INPUTS,
    ids=[f"{name}-{lang}" for name, lang, _ in STRESS_INPUTS],
)
def test_the_rules_do_work_in_proportion_to_the_text(name, lang, build):
    extract("Riscaldamento.", lang)  # the pipeline loads once, outside the count
    work = [executed_lines(lambda size=size: extract(build(size), lang)) for size in SIZES]
    assert work[0] > 0
    assert work[1] <= 2 * work[0] * MAX_GROWTH / 4
    assert work[2] <= 4 * work[0] * MAX_GROWTH / 4, f"work on the ladder {SIZES}: {work}"


def test_a_wall_of_marks_never_reaches_the_tokenizer_as_one_chunk():
    nlp = spacy.blank("it")
    text = "Il sindaco ha detto: " + "«" * 5000 + " e poi " + "(" * 3000 + "x" + ")" * 3000 + "."
    doc = make_doc(nlp, text)
    assert doc.text == text
    # Every token is a word, a space, or a short run of one mark: each costs the
    # tokenizer's affix loop a bounded number of steps.
    assert max(len(token.text) for token in doc) <= 16
    assert [t.text for t in doc][:5] == ["Il", "sindaco", "ha", "detto", ":"]


@pytest.mark.parametrize(
    "text",
    [
        "Il sindaco ha detto che il ponte riapre. «Entro giugno», ha aggiunto.",
        'The mayor said the bridge reopens (in June). "Soon," she added...',
        "Il 3 giugno (alle 10.30) l'assessora dell'Ambiente ha parlato: «Sì».",
    ],
)
def test_ordinary_copy_is_tokenized_exactly_as_spacy_does(text):
    nlp = spacy.blank("en")
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_a_chunk_longer_than_any_word_is_cut_but_keeps_the_text():
    nlp = spacy.blank("it")
    text = "Vedi https://www.example.org/notizie/2024/un-titolo-molto-lungo-per-davvero oggi."
    doc = make_doc(nlp, text)
    assert doc.text == text
    assert [t.text for t in doc][-2:] == ["oggi", "."]


def test_a_cut_chunk_keeps_every_offset_and_the_sentence_after_it():
    wall = "»" * 400
    text = f"Rossi ha detto che il ponte riapre.\n\n{wall}\n\nNeri ha detto che i conti tornano."
    claims = extract(text, "it")
    contents = [c.content.text for c in claims]
    assert "il ponte riapre" in contents
    assert "i conti tornano" in contents
    for claim in claims:
        assert text[claim.content.start : claim.content.end] == claim.content.text
