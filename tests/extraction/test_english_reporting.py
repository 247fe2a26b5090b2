# ruff: noqa: E501 -- the tables hold whole example sentences
"""English reporting frames newswire copy leans on: a report closing the sentence, the
gerund after a message sent, "as per", partitive sources, paragraphs of one quotation
(sentences written for these tests)."""

import pytest

from claims.extraction import extract

from .conftest import check_fields, find_claim


def test_en_a_closing_report_covers_a_describing_verb_before_it():
    text = "The memo, dated June 3 and signed by the mayor, outlines a plan to cut bus routes and explains how the city will pay for it, the Tribune reported."
    claims = extract(text, "en")
    assert len(claims) == 1, [c.content.text for c in claims]
    check_fields(
        claims[0],
        {
            "source": "the Tribune",
            "cue": "reported",
            "content": "The memo, dated June 3 and signed by the mayor, outlines a plan to cut bus routes and explains how the city will pay for it",
        },
    )


def test_en_a_closing_report_by_an_outlet_relays_the_speaker_inside_it():
    claim = find_claim(
        "The mayor told aides the plan was dead, the New York Times reported.",
        "en",
        "the plan was dead",
    )
    check_fields(
        claim,
        {
            "source": "The mayor",
            "channel": "the New York Times",
            "content": "the plan was dead",
        },
    )


def test_en_a_closing_report_is_not_swallowed_by_the_clause_before_it():
    claims = extract("The mayor said the plan was dead, the Tribune reported.", "en")
    got = sorted((c.content.text, c.source.text if c.source else None) for c in claims)
    # the paper's report of the whole sentence, and the mayor's words nested in it
    assert got == [
        ("The mayor said the plan was dead", "the Tribune"),
        ("the plan was dead", "The mayor"),
    ]
