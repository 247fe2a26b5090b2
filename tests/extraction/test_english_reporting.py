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


MULTI_PARAGRAPH = {
    "en": (
        '"We lost the vote," the senator said.\n\n'
        '"That was expected. The numbers were never there.\n\n'
        '"Our staff worked hard.\n\n'
        '"Next year we will try again."\n\n'
        "The bill failed by 12 votes."
    ),
    "it": (
        "«Abbiamo perso il voto», ha detto la senatrice.\n\n"
        "«Era previsto. I numeri non c'erano.\n\n"
        "«Il nostro staff ha lavorato bene.\n\n"
        "«L'anno prossimo ci riproveremo».\n\n"
        "La legge è stata respinta per 12 voti."
    ),
}


@pytest.mark.parametrize("lang", ["en", "it"])
def test_a_quotation_running_over_paragraphs_is_one_claim(lang):
    claims = extract(MULTI_PARAGRAPH[lang], lang)
    assert len(claims) == 3, [c.content.text for c in claims]
    joined = claims[1]
    assert joined.content.text.startswith(("That was expected", "Era previsto"))
    assert joined.content.text.endswith(("try again", "ci riproveremo"))
    check_fields(
        joined,
        {
            "source": "the senator" if lang == "en" else "la senatrice",
            "cue": None,
            "quote": "direct",
        },
    )
    assert claims[2].source is None


def test_a_closed_paragraph_ends_the_quotation():
    text = (
        '"We lost the vote," the senator said.\n\n'
        '"That was expected."\n\n'
        '"Next year we will try again."'
    )
    claims = extract(text, "en")
    assert [c.content.text.rstrip(".") for c in claims] == [
        "We lost the vote",
        "That was expected",
        "Next year we will try again",
    ]


def test_a_new_cue_in_the_next_paragraph_is_a_claim_of_its_own():
    text = (
        '"We lost the vote," the senator said.\n\n'
        '"That was expected. The numbers were never there.\n\n'
        '"Next year we will try again," she added.'
    )
    claims = extract(text, "en")
    assert [c.cue.text if c.cue else None for c in claims] == ["said", None, "added"]
