# ruff: noqa: E501 -- the tables hold whole example sentences
"""Everyday attribution patterns of Italian news copy: a cue set off by dashes inside a
quotation, and the other mechanisms added with them. Sentences written for these tests."""

from claims.extraction import extract

from .conftest import check_fields, find_claim


def test_it_keeps_a_quotation_interrupted_by_a_dashed_cue_as_one_claim_of_the_speaker():
    text = "«Il ponte è sicuro – spiega l'ingegnera Carla Dini – e riaprirà lunedì»."
    claim = find_claim(text, "it", "Il ponte è sicuro")
    check_fields(
        claim,
        {
            "content": "Il ponte è sicuro – spiega l'ingegnera Carla Dini – e riaprirà lunedì",
            "source": "l'ingegnera Carla Dini",
            "cue": "spiega",
            "quote": "direct",
        },
    )
    assert len(extract(text, "it")) == 1


def test_it_leaves_the_words_before_a_dashed_cue_to_the_cue_that_opened_the_quotation():
    text = (
        "Il sindaco Elio Papi ha detto: «Le scuole sono chiuse – ha continuato – e lo resteranno»."
    )
    first = find_claim(text, "it", "Le scuole sono chiuse")
    assert first.cue.text == "ha detto"
    second = find_claim(text, "it", "lo resteranno")
    check_fields(second, {"source": "Il sindaco Elio Papi", "cue": "ha continuato"})
