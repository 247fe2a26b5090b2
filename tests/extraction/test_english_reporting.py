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
    claims = extract("The mayor said the plan was dead, two aides reported.", "en")
    got = sorted((c.content.text, c.source.text if c.source else None) for c in claims)
    # the aides' report of the whole sentence, and the mayor's words nested in it
    assert got == [
        ("The mayor said the plan was dead", "two aides"),
        ("the plan was dead", "The mayor"),
    ]
    # an outlet closing the sentence relays the mayor's words: it is their channel
    claims = extract("The mayor said the plan was dead, the Tribune reported.", "en")
    assert [(c.content.text, c.source.text, c.channel.text) for c in claims] == [
        ("the plan was dead", "The mayor", "the Tribune")
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


@pytest.mark.parametrize(
    "text, hint, expected",
    [
        (
            "As per the league's charter, the chairman has no vote on transfers.",
            "the chairman has no vote",
            {"source": "the league's charter", "cue": "As per", "kind": "document"},
        ),
        (
            "The chairman has no vote on transfers, as per the league's charter.",
            "The chairman has no vote",
            {"source": "the league's charter", "cue": "as per"},
        ),
        (
            "According to preliminary figures, turnout rose to 61%.",
            "turnout rose",
            {"source": "preliminary figures", "kind": "document"},
        ),
    ],
    ids=["as-per-opening", "as-per-closing", "according-to-adjective-then-noun"],
)
def test_en_as_per_is_an_according_to_marker(text, hint, expected):
    check_fields(find_claim(text, "en", hint), expected)


@pytest.mark.parametrize(
    "text",
    [
        "As per usual, the meeting started late.",
    ],
)
def test_en_an_according_to_marker_before_a_manner_names_no_source(text):
    claims = extract(text, "en")
    assert [c.source for c in claims] == [None], [c.content.text for c in claims]


@pytest.mark.parametrize(
    "text, source, channel",
    [
        (
            "The Ledger quoted a former director saying the board never met.",
            "a former director",
            "The Ledger",
        ),
        (
            "The Ledger quoted a former director as saying the board never met.",
            "a former director",
            "The Ledger",
        ),
        (
            "The cap is set in the statutes; however, a report in the Ledger has quoted a couple of former members of the pay committee claiming that the cap was ignored.",
            "a couple of former members of the pay committee",
            None,
        ),
    ],
    ids=["quoted-x-saying", "quoted-x-as-saying", "quoted-x-claiming-after-semicolon"],
)
def test_en_quoted_x_saying_gives_the_claim_to_x(text, source, channel):
    claim = find_claim(text, "en", "never met" if "never" in text else "cap was ignored")
    expected = {"source": source}
    if channel:
        expected["channel"] = channel
    check_fields(claim, expected)


@pytest.mark.parametrize(
    "text, hint",
    [
        ("The union sent a memo saying wages fell by 3% last year.", "wages fell"),
        ("The firm issued a note saying sales rose in the spring.", "sales rose"),
        ("The coach sent a message saying the captain's knee had healed.", "knee had healed"),
        (
            "The board published a notice saying the stadium never met the code.",
            "never met the code",
        ),
    ],
    ids=[
        "irregular-past-by-figure",
        "bare-plural-irregular-past",
        "possessive-subject",
        "adverb-then-irregular-past",
    ],
)
def test_en_a_gerund_of_saying_before_a_bare_clause_is_a_cue(text, hint):
    claim = find_claim(text, "en", hint)
    assert claim.cue is not None and claim.cue.text == "saying"
    assert claim.content.text.startswith(hint.split()[0]) or hint in claim.content.text


def test_en_a_man_arrested_by_police_is_not_a_clause():
    claim = find_claim("Witnesses saw the man arrested by police near the bank.", "en", "arrested")
    assert claim.source is None


@pytest.mark.parametrize(
    "text, hint, source",
    [
        (
            "The county's lawyer sent a letter to three police chiefs saying the county should decide what is released.",
            "the county should decide",
            "a letter",
        ),
        (
            "The ferry company issued a statement on Monday saying the crossing was safe.",
            "the crossing was safe",
            "a statement",
        ),
    ],
    ids=["letter-to-addressee", "statement-on-a-day"],
)
def test_en_a_message_before_its_addressee_or_date_speaks_through_the_gerund(text, hint, source):
    check_fields(
        find_claim(text, "en", hint), {"source": source, "cue": "saying", "kind": "document"}
    )


@pytest.mark.parametrize(
    "subject, kind",
    [
        ("A couple of former members of the pay committee", "anonymous"),
        ("A handful of former employees of the agency", "anonymous"),
        ("A group of companies", "organization"),
        ("One of the former selectors", "role"),
        ("One of the residents", "anonymous"),
        ("One of them", "anonymous"),
        ("One of the banks", "organization"),
        ("Two of the smaller utilities", "anonymous"),
    ],
)
def test_en_a_partitive_source_takes_the_kind_of_what_it_counts(subject, kind):
    claim = find_claim(f"{subject} said the rules were ignored.", "en", "rules were ignored")
    check_fields(claim, {"source": subject, "kind": kind})


def test_en_a_gerund_after_a_subordinate_clause_speaks_for_its_subject():
    text = "Shares of Harborview Inc. fell 14% on Thursday after the clothing retailer cut its yearly forecast, citing a mild winter that left stores with unsold coats."
    check_fields(
        find_claim(text, "en", "a mild winter"),
        {"source": "the clothing retailer", "cue": "citing", "kind": "organization"},
    )
    text = "Shares fell after the union filed a motion, arguing that the vote was rigged."
    check_fields(
        find_claim(text, "en", "the vote was rigged"), {"source": "the union", "cue": "arguing"}
    )


@pytest.mark.parametrize(
    "text, source, kind",
    [
        (
            "That rise could complicate the outlook for policymakers, who have said they want more evidence.",
            "policymakers",
            "anonymous",
        ),
        (
            "The rules anger the head of the agency, who has said they are unfair.",
            "the head of the agency",
            "role",
        ),
        (
            "The plan was backed by Anna Price, a city councilor, who said it was overdue.",
            "Anna Price, a city councilor",
            "person",
        ),
    ],
    ids=["people-after-a-preposition", "role-of-a-body", "name-and-apposition"],
)
def test_en_who_stands_for_the_people_before_it(text, source, kind):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source, "kind": kind})


@pytest.mark.parametrize(
    "text, content",
    [
        ("The mayor hinted she might run again.", "she might run again"),
        ("The regulator has signaled they want more evidence.", "they want more evidence"),
    ],
)
def test_en_a_subject_pronoun_after_a_verb_of_saying_opens_its_clause(text, content):
    check_fields(find_claim(text, "en", content), {"content": content})


@pytest.mark.parametrize(
    "text, source",
    [
        (
            '"The plant is operating normally," a spokeswoman for Drayford Energy said.',
            "a spokeswoman for Drayford Energy",
        ),
        (
            "The plant is operating normally, a spokesman for the ministry said.",
            "a spokesman for the ministry",
        ),
        ("Talks stalled, an aide to the mayor said.", "an aide to the mayor"),
    ],
)
def test_en_a_role_for_a_body_before_a_closing_verb_is_the_speaker(text, source):
    claims = extract(text, "en")
    assert [c.source.text if c.source else None for c in claims] == [source]


def test_en_a_gapped_object_still_names_no_speaker():
    claims = extract("The fee is too high, a figure the ministry disputes.", "en")
    assert [c.source for c in claims] == [None]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The bridge will reopen in June, said Tom Okafor, the state's transport commissioner.",
            "Tom Okafor",
        ),
        (
            "The bridge will reopen in June, said Tom Okafor, a state transport official.",
            "Tom Okafor",
        ),
    ],
)
def test_en_an_inverted_speaker_keeps_a_role_whose_words_look_like_verbs(text, source):
    check_fields(
        find_claim(text, "en", "The bridge will reopen"),
        {"source": source, "content": "The bridge will reopen in June"},
    )


@pytest.mark.parametrize(
    "text, author_part, source, content",
    [
        (
            "Oil prices jumped on Tuesday after Saudi officials said output would be cut.",
            "Oil prices jumped on Tuesday",
            "Saudi officials",
            "output would be cut",
        ),
        (
            "Shares in Calder Foods fell 6 percent after the company said quarterly sales had missed forecasts.",
            "Shares in Calder Foods fell 6 percent",
            "the company",
            "quarterly sales had missed forecasts",
        ),
    ],
)
def test_en_the_speaker_after_a_subordinator_is_not_the_clause_before_it(
    text, author_part, source, content
):
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        (author_part, None),
        (content, source),
    ]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The man arrested after the raid said he was innocent.",
            "The man arrested after the raid",
        ),
        (
            "A court clerk arrived at the hall after the hearing said the ruling would be read at noon.",
            None,
        ),
    ],
)
def test_en_a_subordinator_before_no_speaker_leaves_the_subject_whole(text, source):
    speakers = [c.source.text for c in extract(text, "en") if c.source is not None]
    assert "the hearing" not in speakers and "the raid" not in speakers
    if source:
        assert speakers == [source]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Union official Mick Darby said the employer had announced 200 redundancies on Friday.",
            "the employer had announced 200 redundancies on Friday",
        ),
        (
            "Teacher Nora Quist said her pupils had written letters to the council.",
            "her pupils had written letters to the council",
        ),
    ],
)
def test_en_a_verb_inside_a_clause_with_no_that_stays_in_the_speaker_s_claim(text, content):
    claims = extract(text, "en")
    assert len(claims) == 1, [c.content.text for c in claims]
    check_fields(claims[0], {"content": content, "cue": "said"})


@pytest.mark.parametrize("that", ["", "that "])
def test_en_a_new_subject_after_comma_and_speaks_for_itself(that):
    text = f"The mayor said {that}the plan was dead, and the council said it would vote again."
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text) for c in claims] == [
        ("the plan was dead", "The mayor"),
        ("it would vote again", "the council"),
    ]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "Glaciologist Tobias Klein asserted that the ice shelf was thinning.",
            "Glaciologist Tobias Klein",
        ),
        ("The ice shelf is thinning, said engineer Dov Aronov.", "engineer Dov Aronov"),
        ("Nurse Kwame Asante said the ward was full.", "Nurse Kwame Asante"),
        ("Priya Raghunathan said the ward was full.", "Priya Raghunathan"),
    ],
)
def test_en_a_profession_or_a_given_name_before_a_name_makes_a_person(text, source):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source, "kind": "person"})


@pytest.mark.parametrize(
    "text",
    [
        "The players said goodbye to fans after the match.",
        "The president told a funny joke about his age.",
        "Survivor Hana Bello told the story of her escape from the flood.",
        "The striker confirmed his status as the top scorer with a hat-trick.",
    ],
)
def test_en_saying_goodbye_or_telling_a_story_is_an_event(text):
    assert [c.source for c in extract(text, "en")] == [None]


def test_en_an_event_noun_later_in_the_clause_does_not_cancel_the_cue():
    check_fields(
        find_claim("Officials told reporters the story was false.", "en", "the story was false"),
        {"source": "Officials", "cue": "told"},
    )
    check_fields(
        find_claim("The minister said no new taxes would be raised.", "en", "no new taxes"),
        {"source": "The minister", "cue": "said"},
    )


@pytest.mark.parametrize(
    "text, hint, hedged",
    [
        (
            "The lender appears to have breached the rules, the regulator said.",
            "The lender appears",
            True,
        ),
        ("It is understood that the manager will leave in June.", "the manager will leave", True),
        ("It is learnt that the minister will resign.", "the minister will resign", True),
        (
            '"We would have lost the house," said flood victim Tariq Aziz.',
            "We would have lost the house",
            False,
        ),
        ("The fire would have reached the village, officials said.", "The fire would have", True),
    ],
    ids=[
        "appears-to",
        "it-is-understood",
        "it-is-learnt",
        "would-have-in-a-quotation",
        "would-have-reported",
    ],
)
def test_en_hedges_the_article_makes_and_not_the_speaker_s_conditional(text, hint, hedged):
    check_fields(find_claim(text, "en", hint), {"hedged": hedged})


@pytest.mark.parametrize(
    "text, source",
    [
        ("Unconfirmed reports said the plane had been diverted to Cyprus.", "Unconfirmed reports"),
        ("Local media reports said the ferry had capsized.", "Local media reports"),
    ],
)
def test_en_reports_before_a_verb_of_saying_is_the_noun(text, source):
    claims = extract(text, "en")
    assert [(c.source.text, c.cue.text) for c in claims] == [(source, "said")]


@pytest.mark.parametrize(
    "text, source",
    [
        ("The Hindu reported that the state cabinet had approved the water policy.", "The Hindu"),
        ("The winger has been approached by three clubs, the Daily Post said.", "the Daily Post"),
        ("The Evening Courier reported that the mayor had resigned.", "The Evening Courier"),
    ],
)
def test_en_a_name_ending_like_a_newspaper_s_is_an_outlet(text, source):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source, "kind": "media"})


def test_en_a_body_whose_name_holds_a_paper_word_stays_a_body():
    claim = find_claim("Star Energy said profits fell.", "en", "profits fell")
    check_fields(claim, {"source": "Star Energy", "kind": "organization"})


def test_en_counsel_submitted_that_is_a_cue():
    claim = find_claim(
        "Counsel for the petitioner submitted that the land had been acquired without notice.",
        "en",
        "the land had been acquired",
    )
    check_fields(claim, {"source": "Counsel for the petitioner", "cue": "submitted"})
    assert extract("The team submitted its application on Monday.", "en")[0].source is None


def test_en_a_participle_after_a_video_does_not_take_the_claim():
    claim = find_claim(
        "Sports minister Anil Kapoor said in a video posted on Facebook that the stadium would be ready by October.",
        "en",
        "the stadium would be ready",
    )
    check_fields(
        claim,
        {
            "source": "Sports minister Anil Kapoor",
            "cue": "said",
            "content": "the stadium would be ready by October",
        },
    )


def test_en_a_name_after_a_subordinator_speaks():
    claims = extract(
        "The rand weakened after Finance Minister Thabo Ncube said the budget deficit would widen.",
        "en",
    )
    assert [c.source.text for c in claims if c.source] == ["Finance Minister Thabo Ncube"]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "A statement from the Kessling Institute said the fire had destroyed its archive.",
            "A statement from the Kessling Institute",
        ),
        (
            "A survey by the Retail Council found that 40 percent of shoppers had cut back on clothing.",
            "A survey by the Retail Council",
        ),
    ],
)
def test_en_a_document_released_by_a_body_is_a_document(text, source):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source, "kind": "document"})


def test_en_a_split_quotation_keeps_the_speaker_before_the_verb_and_the_place_as_channel():
    text = "“I have made mistakes,” the former coach, Ray Dunning, wrote on Instagram, “but I never cheated.”"
    claims = extract(text, "en")
    assert [(c.source.text, c.channel.text if c.channel else None) for c in claims] == [
        ("the former coach, Ray Dunning", "Instagram"),
        ("the former coach, Ray Dunning", "Instagram"),
    ]


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "The grocer said on Wednesday it would cut 1,700 jobs as it closes counters in 300 stores.",
            "The grocer",
            "it would cut 1,700 jobs as it closes counters in 300 stores",
        ),
        (
            "The ministry said late on Friday the talks had collapsed.",
            "The ministry",
            "the talks had collapsed",
        ),
        ("Officials said last week the dam was safe.", "Officials", "the dam was safe"),
    ],
    ids=["on-a-day", "late-on-a-day", "last-week"],
)
def test_en_a_time_adjunct_after_the_verb_is_not_part_of_the_claim(text, source, content):
    claims = extract(text, "en")
    assert [(c.source.text, c.content.text, c.channel) for c in claims] == [(source, content, None)]


def test_en_a_title_before_a_surname_makes_the_surname_a_person_later():
    text = 'President Biden urged Congress to act. "We cannot wait," Biden said.'
    claim = find_claim(text, "en", "We cannot wait")
    check_fields(claim, {"source": "Biden", "kind": "person"})
    text = 'General Motors cut its forecast. "Demand is weak," Motors said.'
    assert find_claim(text, "en", "Demand is weak").source_kind != "person"


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "President Ellen Park on Tuesday urged lawmakers to pass the bill.",
            "President Ellen Park",
        ),
        (
            "The governor's office released a statement Monday evening saying the state would appeal.",
            "a statement",
        ),
    ],
)
def test_en_a_time_closing_the_subject_is_not_part_of_the_source(text, source):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source})


def test_en_clarified_that_is_a_cue():
    claim = find_claim(
        "A spokesman for the senator later clarified that she had not read the transcript.",
        "en",
        "she had not read",
    )
    check_fields(claim, {"source": "A spokesman for the senator", "cue": "clarified"})


@pytest.mark.parametrize(
    "text, author_part, source",
    [
        (
            "Cascadia Air Group on Thursday posted a quarterly profit that beat estimates, and said it expected record holiday travel.",
            "Cascadia Air Group on Thursday posted a quarterly profit that beat estimates",
            "Cascadia Air Group",
        ),
        (
            "Local mayor Deb Yarrow welcomed the announcement but said the money was only a start.",
            "Local mayor Deb Yarrow welcomed the announcement",
            "Local mayor Deb Yarrow",
        ),
    ],
)
def test_en_a_speaker_heading_two_verbs_speaks_in_the_second(text, author_part, source):
    claims = extract(text, "en")
    assert [c.content.text for c in claims if c.source is None] == [author_part]
    assert [c.source.text for c in claims if c.source is not None] == [source]


def test_en_a_long_source_after_the_claim_with_a_capitalised_name():
    text = "Waits of over 12 hours reached a record last winter, an analysis by the Royal College of Emergency Medicine has found."
    check_fields(
        find_claim(text, "en", "Waits of over 12 hours"),
        {"source": "an analysis by the Royal College of Emergency Medicine", "kind": "document"},
    )


def test_en_a_document_with_an_aside_then_shows_that():
    text = "The data, compiled by the hospital trust, shows that only 61% of patients were seen within two weeks."
    check_fields(find_claim(text, "en", "only 61%"), {"source": "The data", "cue": "shows"})


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The minister announced the funding on Sunday, saying work on new overtaking lanes would begin in February.",
            "work on new overtaking lanes would begin in February",
        ),
        (
            "The union ended the strike on Friday, saying members would vote again in May.",
            "members would vote again in May",
        ),
    ],
)
def test_en_saying_after_a_comma_with_a_long_subject(text, content):
    check_fields(find_claim(text, "en", content), {"cue": "saying", "content": content})


def test_en_saying_goodbye_after_a_comma_is_no_cue():
    claims = extract(
        "The players left the pitch, saying goodbye to fans who had waited for hours.", "en"
    )
    assert [c.source for c in claims] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "A 27-year-old man was taken to hospital with injuries described as serious.",
        "Kessel bought shares days before the company agreed to be acquired.",
    ],
)
def test_en_a_participle_or_agreeing_to_is_no_cue(text):
    assert [c.source for c in extract(text, "en")] == [None]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "A Commission spokesperson said the online system for submitting data is not ready.",
            "the online system for submitting data is not ready",
        ),
        (
            "Police said the investigation was continuing and charges would follow.",
            "the investigation was continuing and charges would follow",
        ),
    ],
)
def test_en_a_gerund_after_a_preposition_or_was_stays_in_the_clause(text, content):
    claims = extract(text, "en")
    assert [(c.content.text, c.cue.text) for c in claims] == [(content, "said")]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Party chief Akhil Rao accused the government of misusing the police.",
            "accused",
            "the government of misusing the police",
        ),
        (
            "The health secretary has promised to publish league tables by December.",
            "has promised",
            "to publish league tables by December",
        ),
        ("The landlord threatened to sue the council.", "threatened", "to sue the council"),
    ],
)
def test_en_accusing_and_commitments_take_their_object_as_the_claim(text, cue, content):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"cue": cue, "content": content})


def test_en_he_or_she_skips_a_person_the_article_marks_as_the_other_gender():
    text = (
        "Prosecutor Nigel Farrow told the jury the money had gone. "
        "Ms Tarrant had exploited the trust of residents, Mr Farrow said. "
        "Ms Tarrant denies the charges.\n\n"
        "He said one resident had lost almost all of her savings."
    )
    claim = find_claim(text, "en", "one resident had lost")
    assert claim.source.text in ("Mr Farrow", "Prosecutor Nigel Farrow")
    text = "Mr Okoye chaired the meeting. Ms Tarrant spoke next and said the plan was late. She said the budget was short."
    check_fields(find_claim(text, "en", "the budget was short"), {"source": "Ms Tarrant"})


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("The money had gone, said Nigel Farrow KC, prosecuting.", "Nigel Farrow KC", "person"),
        ("Justice R. Meenakshi said the order was illegal.", "Justice R. Meenakshi", "person"),
        (
            "Independent MP Clare Whitby said the beds were never delivered.",
            "Independent MP Clare Whitby",
            "person",
        ),
        (
            "Ines Waldner of the campaign group Green Canopy said the forest was shrinking.",
            "Ines Waldner of the campaign group Green Canopy",
            "person",
        ),
        (
            "Australian miner Tallis Resources said it had agreed to buy the project.",
            "Australian miner Tallis Resources",
            "organization",
        ),
        (
            "The railroad, Great Lakes Southern, said the line would reopen.",
            "The railroad, Great Lakes Southern",
            "organization",
        ),
        (
            "Party state president Bhupendra Chaudhary claimed the party would win.",
            "Party state president Bhupendra Chaudhary",
            "person",
        ),
    ],
    ids=[
        "post-nominal",
        "initial",
        "mp",
        "name-of-the-group",
        "miner-company",
        "railroad",
        "state-president",
    ],
)
def test_en_the_kind_of_names_with_titles_initials_and_company_words(text, source, kind):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source, "kind": kind})


def test_en_the_clause_before_comma_and_a_new_speaker_is_the_article_s():
    text = "The river feeds a lake that is popular with anglers, and state wildlife officials said they would test the fish."
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        ("The river feeds a lake that is popular with anglers", None),
        ("they would test the fish", "state wildlife officials"),
    ]


def test_a_quotation_reopened_after_its_cue_and_left_open_runs_into_the_next_paragraph():
    text = (
        '"If you are told to leave, please leave now," the commissioner said. '
        '"Do not wait until the water is at your door.\n\n'
        '"Our crews cannot get to everyone at once."\n\n'
        "More than 2,000 homes were without power."
    )
    claims = extract(text, "en")
    assert [c.content.text for c in claims] == [
        "If you are told to leave, please leave now",
        'Do not wait until the water is at your door.\n\n"Our crews cannot get to everyone at once',
        "More than 2,000 homes were without power",
    ]
    assert claims[1].source.text == "the commissioner" and claims[1].quote == "direct"


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The minister is understood to have told colleagues that she will not stand again.",
            "The minister",
        ),
        ("The coach is said to have told players that he would resign.", "The coach"),
    ],
)
def test_en_a_raised_subject_speaks_and_the_claim_is_hedged(text, source):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source, "hedged": True})
    plain = text.replace(" is understood to have told", " told").replace(
        " is said to have told", " told"
    )
    assert next(c for c in extract(plain, "en") if c.source is not None).hedged is False


def test_en_a_colon_after_the_verb_opens_the_quotation_after_an_asked_clause():
    claims = extract('Asked whether he would resign, the mayor said: "Absolutely not."', "en")
    assert [(c.content.text, c.source.text, c.quote) for c in claims] == [
        ("Absolutely not", "the mayor", "direct")
    ]


def test_en_an_acronym_before_report_keeps_the_report_in_the_source():
    claim = find_claim(
        "According to a PTI report, the minister had resigned on Tuesday.",
        "en",
        "the minister had resigned",
    )
    check_fields(
        claim,
        {
            "source": "a PTI report",
            "kind": "document",
            "content": "the minister had resigned on Tuesday",
        },
    )


def test_en_speaking_to_an_outlet_opening_the_sentence_is_the_channel():
    claim = find_claim(
        'Speaking to the ABC, Mr Albanese said the deal was "a good outcome".', "en", "the deal was"
    )
    check_fields(claim, {"source": "Mr Albanese", "channel": "the ABC"})
    claim = find_claim(
        "The mayor, speaking to the BBC on Monday, said the bridge was safe.",
        "en",
        "the bridge was safe",
    )
    check_fields(claim, {"source": "The mayor"})


def test_en_a_given_name_tells_he_from_she():
    text = (
        "Ms Whitby told the inquiry that the beds were never delivered. "
        "Premier Michael Dunstan rejected the claim on Monday.\n\n"
        '"We asked for them three times and never got them," she said.'
    )
    check_fields(find_claim(text, "en", "We asked for them"), {"source": "Ms Whitby"})
    text = text.replace("Ms Whitby", "Mr Whitby").replace("she said", "he said")
    check_fields(find_claim(text, "en", "We asked for them"), {"source": "Premier Michael Dunstan"})


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The opposition claimed there had been irregularities in three districts, a charge the commission rejected.",
            "there had been irregularities in three districts",
        ),
        ("The mayor said the bridge was safe, a claim engineers dispute.", "the bridge was safe"),
    ],
)
def test_en_an_apposition_naming_what_others_dispute_ends_the_claim(text, content):
    claims = extract(text, "en")
    assert [c.content.text for c in claims] == [content]
    assert claims[0].source_kind in ("organization", "role")


def test_en_a_long_place_of_saying_before_that_is_skipped():
    text = "The company said in a filing with the Securities and Exchange Commission that it would close two plants."
    check_fields(find_claim(text, "en", "it would close"), {"content": "it would close two plants"})


def test_en_a_data_tool_is_a_document():
    text = "Traders now see a 60% chance of a hike in December, according to the exchange's FedWatch tool."
    check_fields(find_claim(text, "en", "Traders now see"), {"kind": "document"})


@pytest.mark.parametrize(
    "text, hint, channel",
    [
        (
            "Ms Tran told 3AW radio the school had been warned twice.",
            "the school had been warned",
            "3AW radio",
        ),
        (
            "Writing in The Guardian, the former minister argued that the policy had failed.",
            "the policy had failed",
            "The Guardian",
        ),
        (
            "In an op-ed for the Washington Post, the senator wrote that the bill would fail.",
            "the bill would fail",
            "the Washington Post",
        ),
    ],
)
def test_en_an_outlet_written_in_or_told_on_air_is_the_channel(text, hint, channel):
    check_fields(find_claim(text, "en", hint), {"channel": channel})


def test_en_a_statement_on_a_day_names_no_channel():
    claim = find_claim(
        "In a statement on Monday, the company said profits had doubled.", "en", "profits"
    )
    check_fields(claim, {"source": "the company", "channel": None})


def test_en_demanded_that_is_a_cue_and_the_noun_demands_is_not():
    check_fields(
        find_claim(
            "The union demanded that the government publish all documents.",
            "en",
            "the government publish",
        ),
        {"source": "The union", "cue": "demanded"},
    )
    assert [c.source for c in extract("The demands of the union were rejected.", "en")] == [None]


@pytest.mark.parametrize(
    "text, source",
    [
        ("The figures show inflation fell to 3.2%.", "The figures"),
        ("The figures, released on Wednesday, show inflation fell to 3.2%.", "The figures"),
        ("The officials say the bridge is safe.", "The officials"),
    ],
)
def test_en_a_plural_source_noun_then_a_present_verb_of_saying(text, source):
    claim = next(c for c in extract(text, "en") if c.source is not None)
    check_fields(claim, {"source": source})


def test_en_the_latest_estimate_is_still_a_noun():
    assert [c.source for c in extract("The latest estimate put the cost at $3 million.", "en")] == [
        None
    ]


def test_en_a_resumed_quotation_keeps_the_hedged_frame_of_its_cue():
    text = (
        '"We are close," the minister is understood to have told colleagues, "but not there yet."'
    )
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text, c.hedged) for c in claims] == [
        ("We are close", "the minister", True),
        ("but not there yet", "the minister", True),
    ]
