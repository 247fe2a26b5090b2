# ruff: noqa: E501 -- the tables hold whole example sentences
"""English attribution constructions, one row per construction (sentences written for these tests)."""

import pytest

from claims.extraction import extract

from .conftest import check_fields, find_claim

EN = [
    pytest.param(
        "Mayor Ellen Park said the bridge would reopen in June.",
        "the bridge would reopen",
        {
            "source": "Mayor Ellen Park",
            "cue": "said",
            "kind": "person",
            "quote": "indirect",
            "hedged": False,
            "name": "Ellen Park",
        },
        id="x-said-y",
    ),
    pytest.param(
        "The bridge will reopen in June, city officials said on Tuesday.",
        "The bridge will reopen in June",
        {"source": "city officials", "cue": "said", "kind": "anonymous"},
        id="y-x-said",
    ),
    pytest.param(
        '"The storm is only part of the story," said Nora Whitfield, a grain trader at Lakeport Commodities, in a note to clients.',
        "The storm is only part of the story",
        {
            "source": "Nora Whitfield",
            "cue": "said",
            "kind": "person",
            "quote": "direct",
            "name": "Nora Whitfield",
        },
        id="quote-said-x-apposition-then-more",
    ),
    pytest.param(
        '"It came off his knee, and I just thought, keep going," Okoro said afterward, still wearing his boots in the tunnel.',
        "It came off his knee",
        {"source": "Okoro", "cue": "said", "quote": "direct", "channel": None},
        id="quote-x-said-then-long-adjunct",
    ),
    pytest.param(
        "Local landlords, for their part, argued the new rules punish small owners.",
        "the new rules punish small owners",
        {"source": "Local landlords", "cue": "argued"},
        id="x-parenthetical-argued-y",
    ),
    pytest.param(
        "The tenants, however, insisted the rent had doubled.",
        "the rent had doubled",
        {"source": "The tenants", "cue": "insisted"},
        id="x-however-insisted-y",
    ),
    pytest.param(
        '"The fans come say thank you after every game, win or lose," the captain said.',
        "The fans come say thank you after every game, win or lose",
        {"source": "the captain", "cue": "said", "channel": None},
        id="quote-opening-with-come-is-no-italian-channel",
    ),
    pytest.param(
        "The deputy mayor, Lena Hartigan, said that fares rise in May.",
        "fares rise in May",
        {"source": "The deputy mayor, Lena Hartigan", "cue": "said", "kind": "person"},
        id="role-name-said-that-short-y",
    ),
    pytest.param(
        "The deputy mayor, Lena Hartigan, told reporters that fares rise in May.",
        "fares rise in May",
        {"source": "The deputy mayor, Lena Hartigan", "cue": "told", "kind": "person"},
        id="role-name-told-reporters-that-y",
    ),
    pytest.param(
        '"Nobody asked the tenants," said one resident of the east wing who has lived there since 1998, speaking before the vote.',
        "Nobody asked the tenants",
        {"source": "one resident of the east wing", "cue": "said", "quote": "direct"},
        id="quote-said-x-relative-clause-then-more",
    ),
    pytest.param(
        "“We will not raise fares this year,” the transit authority said in a statement.",
        "We will not raise fares this year",
        {
            "source": "the transit authority",
            "cue": "said",
            "quote": "direct",
            "kind": "organization",
        },
        id="quote-x-said",
    ),
    pytest.param(
        '"The numbers do not add up," said Senator Maria Lopez.',
        "The numbers do not add up",
        {
            "source": "Senator Maria Lopez",
            "cue": "said",
            "quote": "direct",
            "kind": "person",
            "name": "Maria Lopez",
        },
        id="quote-said-x",
    ),
    pytest.param(
        "According to the health ministry, 40 patients remain in intensive care.",
        "40 patients remain",
        {"source": "the health ministry", "cue": "According to", "kind": "organization"},
        id="according-to-x-y",
    ),
    pytest.param(
        "Unemployment fell to 4.1 percent in March, according to the Labor Department.",
        "Unemployment fell",
        {"source": "the Labor Department", "cue": "according to", "kind": "organization"},
        id="y-according-to-x",
    ),
    pytest.param(
        "Two people familiar with the talks told Reuters that a deal could be signed next week.",
        "a deal could be signed",
        {
            "source": "Two people familiar with the talks",
            "cue": "told",
            "channel": "Reuters",
            "kind": "anonymous",
        },
        id="x-told-outlet-that-y",
    ),
    pytest.param(
        "The minister told parliament that taxes would not rise.",
        "taxes would not rise",
        {"source": "The minister", "cue": "told", "channel": None, "kind": "role"},
        id="addressee-is-not-source-or-channel",
    ),
    pytest.param(
        "A deal could be signed next week, two diplomats told the BBC.",
        "A deal could be signed",
        {"source": "two diplomats", "cue": "told", "channel": "the BBC", "kind": "anonymous"},
        id="y-x-told-outlet",
    ),
    pytest.param(
        "The New York Times reported that the company had hired outside lawyers.",
        "the company had hired",
        {"source": "The New York Times", "cue": "reported", "kind": "media"},
        id="media-source",
    ),
    pytest.param(
        "The report found that emissions rose by 3 percent.",
        "emissions rose",
        {"source": "The report", "cue": "found", "kind": "document"},
        id="document-found",
    ),
    pytest.param(
        "A spokesperson for the ministry said the flights would resume on Monday.",
        "the flights would resume",
        {"source": "A spokesperson for the ministry", "kind": "role", "cue": "said"},
        id="unnamed-role",
    ),
    pytest.param(
        "Per Reuters, the two companies signed the merger agreement on Friday.",
        "the two companies signed",
        {"source": "Reuters", "cue": "Per", "kind": "media"},
        id="per-as-according-to",
    ),
    pytest.param(
        "The suspect allegedly stole three cars before the arrest.",
        "The suspect allegedly stole",
        {"source": None, "kind": "author", "hedged": True, "quote": "none"},
        id="allegedly-is-a-hedge",
    ),
    pytest.param(
        "The company reportedly plans to cut 2,000 jobs, analysts said.",
        "The company reportedly plans",
        {"source": "analysts", "hedged": True, "kind": "anonymous"},
        id="reportedly-is-a-hedge",
    ),
    pytest.param(
        "The governor added that the state would cover half of the costs.",
        "the state would cover",
        {"source": "The governor", "cue": "added", "kind": "role"},
        id="added-that",
    ),
    pytest.param(
        "In an interview with CNN, the senator said the bill had enough votes.",
        "the bill had enough votes",
        {"source": "the senator", "channel": "CNN", "cue": "said"},
        id="channel-interview",
    ),
    pytest.param(
        "The senator, who chairs the committee, said the bill would pass.",
        "the bill would pass",
        {"source": "The senator", "cue": "said"},
        id="subject-with-apposition",
    ),
    pytest.param(
        "The bill would pass, said John Smith, a spokesman for the agency.",
        "The bill would pass",
        {"source": "John Smith", "cue": "said", "kind": "person"},
        id="inverted-said-with-apposition",
    ),
    pytest.param(
        "The minister confirmed to The Guardian that the plan was dropped.",
        "the plan was dropped",
        {"source": "The minister", "channel": "The Guardian", "cue": "confirmed"},
        id="confirmed-to-outlet",
    ),
    pytest.param(
        "The company said in a statement that it would appeal.",
        "it would appeal",
        {"source": "The company", "cue": "said", "content": "it would appeal"},
        id="adverbial-before-that",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), EN)
def test_en_attributes_each_construction(text, hint, expected):
    check_fields(find_claim(text, "en", hint), expected)


def test_en_resolves_a_pronoun_to_the_person_named_before():
    text = "Mayor Ellen Park visited the site on Monday. She said the bridge would reopen in June."
    check_fields(
        find_claim(text, "en", "the bridge would reopen"),
        {"source": "Mayor Ellen Park", "cue": "said"},
    )


def test_en_resolves_they_to_the_last_plural_source():
    text = (
        "Prosecutors filed new charges against the two executives on Monday. "
        "“The evidence shows a pattern of fraud,” they wrote."
    )
    check_fields(
        find_claim(text, "en", "pattern of fraud"), {"source": "Prosecutors", "quote": "direct"}
    )


def test_en_keeps_a_multi_sentence_quotation_in_one_claim():
    text = '"We are ready. The money is there. Now we need the permits," the mayor said.'
    claim = find_claim(text, "en", "The money is there")
    assert claim.content.text == "We are ready. The money is there. Now we need the permits"
    check_fields(claim, {"source": "the mayor", "quote": "direct"})


def test_en_attributes_both_halves_of_an_interrupted_quotation():
    text = "“We are ready,” the governor said, “and the funds are there.”"
    for hint in ("We are ready", "the funds are there"):
        check_fields(
            find_claim(text, "en", hint),
            {"source": "the governor", "quote": "direct", "cue": "said"},
        )


def test_en_gives_a_following_quotation_to_the_last_speaker():
    text = 'Senator Maria Lopez said the vote was close. "We will try again in May."'
    check_fields(
        find_claim(text, "en", "We will try again"),
        {"source": "Senator Maria Lopez", "quote": "direct"},
    )


def test_en_does_not_read_per_as_attribution_before_a_unit():
    claim = find_claim("The company paid dividends of $2 per share last year.", "en", "dividends")
    check_fields(claim, {"source": None, "kind": "author"})


def test_en_does_not_split_on_abbreviations():
    text = "Sen. John Reed and Dr. Ana Ortiz met U.S. officials at 9 a.m. on Monday in Washington."
    claims = extract(text, "en")
    assert len(claims) == 1


def test_en_leaves_the_dateline_out():
    text = "LONDON (Reuters) - The central bank raised interest rates by half a point on Thursday."
    claims = extract(text, "en")
    assert [c.content.text for c in claims] == [
        "The central bank raised interest rates by half a point on Thursday"
    ]


def test_en_resolves_it_to_the_subject_of_the_same_sentence():
    text = "The company will cut about 5,000 jobs worldwide, it said on Wednesday, after a weak quarter."
    claim = find_claim(text, "en", "will cut about 5,000 jobs")
    check_fields(claim, {"source": "The company", "cue": "said", "kind": "organization"})


def test_en_finds_the_person_inside_a_long_title():
    text = '"These are difficult decisions," Chief Executive Officer Laura Chen wrote in a memo to staff.'
    claim = find_claim(text, "en", "difficult decisions")
    check_fields(
        claim,
        {"source": "Chief Executive Officer Laura Chen", "name": "Laura Chen", "kind": "person"},
    )


def test_en_skips_an_apposition_after_an_according_to_source():
    text = "According to Eversource, the largest utility in the region, most customers will have power by Friday."
    claim = find_claim(text, "en", "most customers")
    check_fields(
        claim, {"source": "Eversource", "content": "most customers will have power by Friday"}
    )


def test_en_reads_an_inverted_source_with_a_lowercase_apposition():
    text = '"We see no reason to move yet," said Paul Grant, chief economist at Harbor Capital.'
    check_fields(
        find_claim(text, "en", "no reason to move"), {"source": "Paul Grant", "kind": "person"}
    )


def test_en_takes_data_that_showed_as_a_document_source():
    text = "The economy grew by 0.3% in the third quarter, official data showed on Friday."
    check_fields(
        find_claim(text, "en", "The economy grew"), {"source": "official data", "cue": "showed"}
    )


def test_en_reads_the_platform_after_a_trailing_cue_as_channel():
    text = "The attack damaged a substation near Lviv, Governor Maksym Kozytskyi wrote on Telegram."
    check_fields(
        find_claim(text, "en", "The attack damaged"),
        {"source": "Governor Maksym Kozytskyi", "channel": "Telegram", "cue": "wrote"},
    )


def test_en_keeps_claimed_without_evidence_as_an_attribution():
    text = "The ministry claimed without evidence that its forces had destroyed a depot."
    check_fields(
        find_claim(text, "en", "its forces had destroyed"),
        {"source": "The ministry", "cue": "claimed"},
    )


def test_en_makes_the_citing_outlet_the_channel():
    text = "The New York Times reported, citing three officials, that the talks had collapsed."
    check_fields(
        find_claim(text, "en", "the talks had collapsed"),
        {
            "source": "three officials",
            "channel": "The New York Times",
            "kind": "anonymous",
            "content": "the talks had collapsed",
        },
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He did not say when the plan would take effect.", "en"),
        ("Il ministro non ha confermato che il piano sia pronto.", "it"),
    ],
)
def test_it_attributes_nothing_to_a_negated_verb_of_saying(text, lang):
    claims = extract(text, lang)
    assert [c.source for c in claims] == [None]


def test_en_drops_a_participial_apposition_from_the_subject():
    text = "The minister, speaking at a news conference, said the plan was on track."
    check_fields(find_claim(text, "en", "the plan was on track"), {"source": "The minister"})


def test_en_gives_each_source_of_a_contrast_its_own_claim():
    text = "The union said membership rose 5%, while the company said the figure was flat."
    check_fields(
        find_claim(text, "en", "membership rose"),
        {"source": "The union", "content": "membership rose 5%"},
    )
    check_fields(find_claim(text, "en", "the figure was flat"), {"source": "the company"})


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The company said it would have to raise prices next year.", False),
        ("Investigators believe the suspect would have fled abroad, officials said.", True),
        ("The minister is said to have resigned on Friday.", True),
    ],
)
def test_en_hedges_only_unconfirmed_statements(text, hedged):
    claims = extract(text, "en")
    assert claims and claims[0].hedged is hedged


def test_en_attributes_nothing_to_a_negative_subject():
    text = "No one at the utility confirmed that the outage was caused by the storm."
    assert [c.source for c in extract(text, "en")] == [None]


def test_en_takes_the_medium_of_an_interview_as_the_channel():
    claim = find_claim(
        "Dana Whitcombe said in an interview with WKVL that the plant would reopen.", "en", "reopen"
    )
    check_fields(claim, {"source": "Dana Whitcombe", "channel": "WKVL", "cue": "said"})


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("The mayor denied the allegations.", "the allegations", "The mayor"),
        ("The company rejected the union's figures.", "the union's figures", "The company"),
    ],
)
def test_en_makes_the_object_of_a_denial_the_claim(text, content, source):
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        (content, source)
    ]


def test_en_gives_a_coordinated_verb_the_subject_of_the_first():
    text = (
        "Rep. Lena Okafor called the audit “overdue” and said the agency had ignored "
        "three earlier warnings."
    )
    claims = extract(text, "en")
    assert [c.source.text for c in claims] == ["Rep. Lena Okafor", "Rep. Lena Okafor"]
    assert claims[1].content.text.startswith("the agency had ignored")


def test_en_reads_citing_a_reason_as_the_subject_s_claim_not_a_source():
    # the reason a body gives is its claim (as "pointing to" is), never a source of its own
    text = "The retailer cut its sales forecast, citing a mild winter that left stores with unsold coats."
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        ("The retailer cut its sales forecast", None),
        ("a mild winter that left stores with unsold coats", "The retailer"),
    ]
    relayed = find_claim(
        "The Ledger reported, citing two council members, that the vote would be delayed.",
        "en",
        "the vote would be delayed",
    )
    check_fields(relayed, {"source": "two council members", "channel": "The Ledger"})


def test_en_keeps_a_verb_after_told_addressee_inside_the_reported_clause():
    claim = find_claim(
        "The envoy, Ruth Okonjo, told reporters the accord showed that talks can work.",
        "en",
        "the accord showed",
    )
    check_fields(
        claim,
        {
            "source": "The envoy, Ruth Okonjo",
            "cue": "told",
            "content": "the accord showed that talks can work",
        },
    )


def test_en_reads_a_noun_like_estimate_after_a_noun_as_no_cue():
    text = "The cost, about $800,000 a year, is part of the savings estimate, the mayor said."
    claim = extract(text, "en")[0]
    assert claim.source.text == "the mayor"


def test_en_gives_a_who_clause_to_its_antecedent():
    claims = extract(
        "The budget was praised by Anna Price, a city councilor, who later said the plan would save money.",
        "en",
    )
    assert claims[-1].source.text == "Anna Price, a city councilor"
    assert claims[-1].content.text == "the plan would save money"
    assert claims[0].source is None  # the clause the relative hangs on is the article's own


def test_en_keeps_a_subject_whose_apposition_holds_a_who_clause():
    claim = find_claim(
        "Omar Reyes, a former aide to Sen. Ruth Kalen who now runs the state port authority, "
        "said in a statement that cargo volumes had recovered.",
        "en",
        "cargo volumes had recovered",
    )
    check_fields(claim, {"source": "Omar Reyes", "cue": "said"})


def test_en_reads_added_with_a_plain_object_as_no_cue():
    claim = find_claim(
        "A spokesperson for Lakeport Foods, a snack maker in Ohio, said the company had added 40 workers.",
        "en",
        "40 workers",
    )
    check_fields(
        claim,
        {
            "source": "A spokesperson for Lakeport Foods, a snack maker in Ohio",
            "cue": "said",
            "content": "the company had added 40 workers",
        },
    )


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        (
            "Freight rates will rise again, Jane Doe, chief economist at Westbank, said.",
            "Jane Doe, chief economist at Westbank",
            "person",
        ),
        (
            "Freight rates will rise again, the bank's chief economist, Jane Doe, said.",
            "the bank's chief economist, Jane Doe",
            "person",
        ),
    ],
)
def test_en_reads_a_name_and_role_pair_before_said(text, source, kind):
    claim = extract(text, "en")[0]
    assert (claim.content.text, claim.source.text, claim.source_kind) == (
        "Freight rates will rise again",
        source,
        kind,
    )


def test_en_needs_a_capital_for_an_outlet_named_by_a_common_word():
    # "Economist", "Times", "Open" are outlets only when written as names.
    claim = extract("The bank's chief economist said growth would slow.", "en")[0]
    assert claim.source_kind == "role"
    claim = extract("The Economist said growth would slow.", "en")[0]
    assert claim.source_kind == "media"


def test_en_drops_a_cue_inside_a_who_clause_that_a_main_verb_follows():
    text = (
        "A former clerk, who spoke to Reuters on condition of anonymity, said the files "
        'had been shredded "within a week, maybe less."'
    )
    claims = extract(text, "en")
    assert [(c.source.text, c.cue.text) for c in claims] == [("A former clerk", "said")]
    assert claims[0].content.text.startswith("the files had been shredded")


def test_en_reads_one_of_them_as_an_unnamed_source():
    text = "Workers were anxious. One of them said the shifts would be cut."
    assert extract(text, "en")[-1].source_kind == "anonymous"


def test_en_gives_a_gerund_the_subject_of_its_clause():
    claim = find_claim(
        "The defence lawyers have filed a motion, arguing that the search was illegal.",
        "en",
        "the search was illegal",
    )
    check_fields(claim, {"source": "The defence lawyers", "cue": "arguing"})


def test_en_reads_cautioned_against_as_a_claim():
    claim = find_claim(
        "Economists cautioned against reading too much into a single month.", "en", "against"
    )
    check_fields(
        claim,
        {
            "source": "Economists",
            "cue": "cautioned",
            "content": "against reading too much into a single month",
        },
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The union sued the carmaker in March, accusing it of hiring temporary staff instead of recalling laid-off workers.",
            "it of hiring temporary staff instead of recalling laid-off workers",
        ),
        (
            "The retailer cut its outlook for the year, saying demand had weakened in Europe.",
            "demand had weakened in Europe",
        ),
    ],
)
def test_en_gives_a_gerund_after_the_main_clause_its_subject(text, content):
    claims = extract(text, "en")
    assert claims[0].source is None  # the main clause: the article's own statement
    assert claims[1].content.text == content
    assert claims[1].source.text in ("The union", "The retailer")


def test_en_takes_an_approximate_share_as_the_subject():
    claim = find_claim(
        "About 40% of the 300 shops surveyed said sales had fallen.", "en", "sales had fallen"
    )
    check_fields(claim, {"source": "About 40% of the 300 shops surveyed", "cue": "said"})


def test_en_resolves_he_to_a_single_unnamed_speaker():
    text = (
        "Mayor Ann Cole said the vote was fair. One of the drivers, who asked not to be named, said the "
        'depot was closing. "We have nowhere else to go," he said.'
    )
    assert extract(text, "en")[-1].source.text == "One of the drivers"


def test_en_reads_a_possessive_inside_a_modifier_and_a_noun_in_ing():
    claim = find_claim(
        "People familiar with the club's thinking said the coach would stay.", "en", "coach"
    )
    check_fields(
        claim,
        {"source": "People familiar with the club's thinking", "cue": "said", "kind": "anonymous"},
    )


# Verbs of naming (`predicative` in en.json): what the source calls its object is the claim.
PREDICATIVES = [
    pytest.param(
        "Councillor Ines Varro called the parking levy a tax on nurses.",
        "a tax on nurses",
        {
            "source": "Councillor Ines Varro",
            "cue": "called",
            "content": "the parking levy a tax on nurses",
            "quote": "indirect",
        },
        id="called-object-a-noun",
    ),
    pytest.param(
        "The dockers' union called it an insult to every crane driver.",
        "an insult",
        {"source": "The dockers' union", "content": "an insult to every crane driver"},
        id="called-pronoun-a-noun",
    ),
    pytest.param(
        "The harbourmaster described the new berth as unsafe for tankers.",
        "unsafe for tankers",
        {
            "source": "The harbourmaster",
            "cue": "described",
            "content": "the new berth as unsafe for tankers",
        },
        id="described-as",
    ),
    pytest.param(
        "Senator Olu Brandt labelled the inquiry “a witch hunt” on Thursday.",
        "a witch hunt",
        {"source": "Senator Olu Brandt", "cue": "labelled", "quote": "mixed"},
        id="labelled-quoted-predicative-stops-at-the-adjunct",
    ),
    pytest.param(
        "Farmers' groups branded the levy daylight robbery.",
        "daylight robbery",
        {"source": "Farmers' groups", "cue": "branded"},
        id="branded-unmarked",
    ),
    pytest.param(
        "Prices slipped after a blog posted a rumour that the chief executive, Vera Lind, later dismissed as baseless.",
        "baseless",
        {"source": "the chief executive, Vera Lind", "cue": "dismissed", "content": "baseless"},
        id="object-moved-before-the-subject",
    ),
    pytest.param(
        "The port signed a lease with Kesto, which its director Alma Reyes described as a lifeline.",
        "a lifeline",
        {"source": "its director Alma Reyes", "content": "a lifeline"},
        id="which-relative-object",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), PREDICATIVES)
def test_en_reads_what_a_source_calls_something_as_its_claim(text, hint, expected):
    check_fields(find_claim(text, "en", hint), expected)


def test_en_predicative_keeps_the_rest_of_the_sentence_for_the_author():
    claims = extract(
        "Shares fell 3 percent after a broker issued a note that the chairman called a smear.",
        "en",
    )
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        ("Shares fell 3 percent after a broker issued a note", None),
        ("a smear", "the chairman"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called for calm after the flood.",
        "Neighbours called the fire brigade at 3 a.m.",
        "The premier called a snap election for March.",
        "The club called it off after a week of rain.",
        "The coach called him on Monday.",
        "The judge dismissed the case on Friday.",
        "The firm did not call the figures a loss.",
    ],
)
def test_en_call_in_its_other_senses_attributes_nothing(text):
    assert [c.source for c in extract(text, "en")] == [None]


def test_en_predicative_inside_a_reported_clause_stays_in_it():
    claims = extract(
        "Aides said the tally was close, although they described it as “within the margin” of error.",
        "en",
    )
    assert [c.cue.text for c in claims] == ["said"]
    assert "within the margin" in claims[0].content.text


# Content first, the source after it, pointing back: "That is what X said."
def test_en_that_is_what_x_said_gives_the_sentence_before_to_x():
    claims = extract(
        "The levy will double in April. That is what the treasurer, Ivo Marsh, told the Courier on Friday.",
        "en",
    )
    assert len(claims) == 1
    check_fields(
        claims[0],
        {
            "content": "The levy will double in April",
            "source": "the treasurer, Ivo Marsh",
            "channel": "the Courier",
            "cue": "told",
        },
    )


def test_en_that_is_according_to_x_gives_the_sentence_before_to_x():
    claims = extract("Ridership fell by a third. That's according to the transit authority.", "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        ("Ridership fell by a third", "the transit authority")
    ]


def test_en_that_is_opening_a_claim_of_its_own_is_not_pointing_back():
    claims = extract("The levy will double. That is the plan, the treasurer said.", "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        ("The levy will double", None),
        ("That is the plan", "the treasurer"),
    ]


# Scope: an attribution reaches the end of its clause; the reporter's "but ..." is the author's.
SCOPE = [
    pytest.param(
        "According to the transit authority, ridership fell by a third, but fares rose again in May.",
        [("ridership fell by a third", "the transit authority"), ("fares rose again in May", None)],
        id="according-to-then-but",
    ),
    pytest.param(
        "Ridership fell by a third, according to the transit authority, but fares rose again in May.",
        [("Ridership fell by a third", "the transit authority"), ("fares rose again in May", None)],
        id="y-according-to-then-but",
    ),
    pytest.param(
        "Ridership fell by a third, according to Noor Haddad, a planner at the transit authority.",
        [("Ridership fell by a third", "Noor Haddad")],
        id="y-according-to-name-apposition",
    ),
    pytest.param(
        "The line lost money again and, according to the transit authority, its worst year since 1990.",
        [
            ("The line lost money again", None),
            ("its worst year since 1990", "the transit authority"),
        ],
        id="conjunct-according-to",
    ),
    pytest.param(
        "The depot will close in June, officials said, though no buyer has been found.",
        [("The depot will close in June", "officials"), ("no buyer has been found", None)],
        id="y-x-said-though-z",
    ),
    pytest.param(
        '"The depot will close," the manager said, when asked about the staff.',
        [("The depot will close", "the manager")],
        id="y-x-said-when-asked-is-no-claim",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCOPE)
def test_en_an_attribution_ends_with_its_clause(text, expected):
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == expected


def test_en_an_interview_with_the_masthead_names_the_channel():
    claim = find_claim(
        "In an interview with the Lakeside Courier, the mayor said the depot would close.",
        "en",
        "the depot would close",
    )
    check_fields(claim, {"source": "the mayor", "channel": "the Lakeside Courier"})


@pytest.mark.parametrize(
    ("text", "hint", "kind"),
    [
        ("Club statisticians said the goal was his 50th.", "the goal", "anonymous"),
        ("Union members said the strike would go on.", "the strike", "anonymous"),
        ("The union said the strike would go on.", "the strike", "organization"),
    ],
)
def test_en_unnamed_people_of_a_body_are_anonymous(text, hint, kind):
    check_fields(find_claim(text, "en", hint), {"kind": kind})


# A reported clause with no "that" and no auxiliary: a subject and a regular past tense.
BARE_PAST_CLAUSES = [
    pytest.param(
        "The audit shows the agency billed the city twice.",
        "the agency billed the city twice",
        {"source": "The audit", "cue": "shows", "kind": "document"},
        id="document-shows-past-clause",
    ),
    pytest.param(
        "The council first denied the claim, before saying the contractor walked off the site.",
        "the contractor walked off the site",
        {"source": "The council", "cue": "saying"},
        id="before-saying-past-clause",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), BARE_PAST_CLAUSES)
def test_en_a_past_tense_after_a_subject_opens_a_reported_clause(text, hint, expected):
    check_fields(find_claim(text, "en", hint), expected)


def test_en_a_claim_before_a_second_cue_drops_its_linking_word():
    claims = extract(
        "Officials said they had no record of the permit, before saying the owner forged it.",
        "en",
    )
    assert claims[0].content.text == "they had no record of the permit"


@pytest.mark.parametrize(
    "text",
    [
        "The report showed the increased costs of the program.",
        "The team had read its own obituary and decided to ignore it.",
        "Early reports of the fire reached the newsroom at noon.",
    ],
)
def test_en_a_participle_or_a_second_verb_is_no_reported_clause(text):
    assert [c.source for c in extract(text, "en")] == [None]


def test_en_a_document_that_said_speaks_for_itself_inside_a_dispute():
    claims = extract(
        "The governor disputed a memo by a budget analyst that said the fund was empty.", "en"
    )
    assert [(c.content.text, c.source.text, c.cue.text, c.source_kind) for c in claims] == [
        ("a memo by a budget analyst", "The governor", "disputed", "role"),
        ("the fund was empty", "a memo by a budget analyst", "said", "document"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a verb form after an article and a participle or superlative is the noun
        "The analyst behind the disputed report did not return calls.",
        "The newest estimate puts the repair bill at $9 million.",
        # a clause-final verb whose object was moved before its subject: nobody speaks
        "Exports fell by 12 percent, a figure the ministry disputes.",
        "Exports fell by 12 percent, a number Halden Steel denies.",
        # a plural noun spelt like the verb
        "She studies border disputes at a university in Oslo.",
    ],
)
def test_en_words_that_look_like_cues_but_attribute_nothing(text):
    assert [c.source for c in extract(text, "en")] == [None]


# The reporter's own asides, and pronouns that must not point at the reporter.
def test_en_the_reporter_speaking_in_the_first_person_is_the_author():
    claims = extract("We reported in May that the quarry had lost its licence.", "en")
    assert [(c.content.text, c.source, c.cue, c.source_kind) for c in claims] == [
        ("the quarry had lost its licence", None, None, "author")
    ]


def test_en_a_first_person_speaker_inside_a_quotation_stays_the_speaker():
    claims = extract('"We reported the leak in May," the foreman said.', "en")
    check_fields(claims[0], {"source": "the foreman", "quote": "direct"})


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "I asked the port manager about the pier. He said it would reopen in June.",
            "it would reopen",
            "the port manager",
        ),
        (
            "I reached Noor Haddad by phone on Sunday. She said the pier would reopen in June.",
            "the pier would reopen",
            "Noor Haddad",
        ),
        (
            "Ivo Marsh, 61, who has fished the bay for decades, said the catch had halved.",
            "the catch had halved",
            "Ivo Marsh",
        ),
    ],
)
def test_en_a_pronoun_takes_the_nearest_person_named_not_the_reporter(text, hint, source):
    claim = find_claim(text, "en", hint)
    assert claim.source is not None and source in claim.source.text


# A gerund with no comma before it hangs on the noun right before it: that noun speaks.
@pytest.mark.parametrize(
    ("text", "content", "source", "author_part"),
    [
        (
            "The tenants' lawyer filed a complaint accusing the landlord of cutting the heat.",
            "the landlord of cutting the heat",
            "a complaint",
            "The tenants' lawyer filed a complaint",
        ),
        (
            "The ferry operator put out a notice saying the crossing would close.",
            "the crossing would close",
            "a notice",
            "The ferry operator put out a notice",
        ),
    ],
)
def test_en_a_gerund_after_a_noun_gives_the_claim_to_that_noun(text, content, source, author_part):
    claims = extract(text, "en")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        (author_part, None),
        (content, source),
    ]


def test_en_a_gerund_after_a_comma_keeps_the_clause_subject():
    claim = find_claim(
        "The ferry operator filed a notice, saying the crossing would close.",
        "en",
        "the crossing would close",
    )
    check_fields(claim, {"source": "The ferry operator"})


# A verb form after an article and a modifier is the head noun of the source.
@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "The interim report found that the dam had been poorly maintained.",
            "the dam had been poorly maintained",
            "The interim report",
        ),
        (
            "A Council of Europe report said the dam had been poorly maintained.",
            "the dam had been poorly maintained",
            "A Council of Europe report",
        ),
        (
            "An OECD study said the dam had been poorly maintained.",
            "the dam had been poorly maintained",
            "An OECD study",
        ),
        (
            "The dam had been poorly maintained, according to an interim report released by the water board.",
            "The dam had been poorly maintained",
            "an interim report released by the water board",
        ),
    ],
)
def test_en_a_report_with_a_modifier_is_a_noun_not_a_verb(text, hint, source):
    check_fields(find_claim(text, "en", hint), {"source": source, "kind": "document"})


# Quoted words with no cue go on quoting the source of the sentence just before.
def test_en_a_partial_quotation_without_a_cue_keeps_the_source_before_it():
    text = (
        '"The outbreak is growing," the health board\'s statement read.\n\n'
        'More details will be released "as soon as they are confirmed."'
    )
    claims = extract(text, "en")
    assert [(c.source.text if c.source else None, c.quote) for c in claims] == [
        ("the health board's statement", "direct"),
        ("the health board's statement", "mixed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no source before it: the reporter's words, quoting someone unnamed
        'The ferry will run "as long as the weather holds."',
        # a slogan in capitals is no one's words, even after a quoted source
        'The mayor said the pier would stay open.\n\nMarchers chanted "Hands Off Our Pier" until dusk.',
    ],
)
def test_en_a_partial_quotation_with_no_source_before_it_stays_the_author_s(text):
    claims = extract(text, "en")
    assert claims[-1].source is None


def test_en_a_quoted_predicative_ends_with_its_quotation():
    claim = find_claim(
        'The plan, which residents call "a gift to the developers," passed on Tuesday.',
        "en",
        "a gift",
    )
    check_fields(
        claim, {"content": "a gift to the developers", "source": "residents", "quote": "direct"}
    )


@pytest.mark.parametrize(
    "text",
    [
        "The magistrate denied bail to both brothers.",
        "The assembly rejected the zoning bill by 30 votes to 12.",
        "The shareholders rejected the takeover bid from Norvik.",
    ],
)
def test_en_rejecting_or_denying_an_act_is_an_event(text):
    assert [c.source for c in extract(text, "en")] == [None]


def test_en_rejecting_claims_about_a_bill_is_still_a_statement():
    claim = find_claim(
        "The minister rejected claims that the zoning bill was rushed.", "en", "rushed"
    )
    check_fields(claim, {"source": "The minister", "cue": "rejected"})


# Content first, then a speaker whose verb is followed by a long adjunct or preceded by a
# relative clause: the clause before the speaker is the content.
CONTENT_THEN_SPEAKER = [
    pytest.param(
        "The pier will stay shut, a port official said on condition of anonymity because he was not cleared to speak.",
        "The pier will stay shut",
        {"source": "a port official", "cue": "said"},
        id="long-adjunct-after-said",
    ),
    pytest.param(
        "The pier will stay shut, one engineer, who asked not to be named, told the Ledger.",
        "The pier will stay shut",
        {"source": "one engineer", "cue": "told", "channel": "the Ledger"},
        id="speaker-with-relative-then-told",
    ),
    pytest.param(
        "The pier will stay shut, Ivo Marsh, who chairs the harbour board, said on Friday.",
        "The pier will stay shut",
        {"source": "Ivo Marsh", "cue": "said"},
        id="name-with-relative-then-said",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), CONTENT_THEN_SPEAKER)
def test_en_content_before_a_speaker_after_a_comma(text, hint, expected):
    claim = find_claim(text, "en", hint)
    assert claim.content.text == hint
    check_fields(claim, expected)


def test_en_a_speaker_in_apposition_before_a_long_adjunct():
    claim = find_claim(
        "The pier will stay shut, the harbour board's chair, Ivo Marsh, wrote in a letter to members of the rowing club.",
        "en",
        "The pier will stay shut",
    )
    assert claim.content.text == "The pier will stay shut"
    assert "Ivo Marsh" in claim.source.text


def test_en_an_interrupted_clause_ends_at_the_reporter_s_though():
    claims = extract(
        "The pier, the board said, will stay shut, though the ferry will keep running.", "en"
    )
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        ("The pier, the board said, will stay shut", "the board"),
        ("the ferry will keep running", None),
    ]


def test_en_a_role_for_a_named_body_is_a_role_not_the_body_s_name():
    # The capitalised name after "a spokesperson for" is the body the role serves, never
    # the person who holds it; nor does "the spokesperson" later resolve to that body.
    text = (
        "Nadia Brook runs the depot. A spokesperson for Quill Harbor Freight said the depot had hired 20 drivers. "
        "The spokesperson said the trucks were new."
    )
    check_fields(
        find_claim(text, "en", "the depot had hired 20 drivers"),
        {"source": "A spokesperson for Quill Harbor Freight", "kind": "role"},
    )
    check_fields(find_claim(text, "en", "the trucks were new"), {"kind": "role"})


def test_en_a_name_used_as_a_modifier_leaves_the_role_noun_the_head():
    claim = find_claim(
        "A Bureau of Fisheries official said the quota would be cut.",
        "en",
        "the quota would be cut",
    )
    check_fields(claim, {"source": "A Bureau of Fisheries official", "kind": "role"})


@pytest.mark.parametrize(
    ("text", "hint", "kind"),
    [
        (
            "Only 9% of the bakeries polled said they would raise prices.",
            "they would raise prices",
            "anonymous",
        ),
        (
            "A narrow majority said the ferry should run at night.",
            "the ferry should run at night",
            "anonymous",
        ),
        (
            "Tenant unions argued the rents were rising too fast.",
            "the rents were rising too fast",
            "organization",
        ),
        (
            "Soil results released by the county showed the lead levels had doubled.",
            "the lead levels had doubled",
            "document",
        ),
    ],
    ids=["a-share-of-respondents", "a-majority", "plural-bodies", "results-as-document"],
)
def test_en_the_head_noun_decides_the_kind(text, hint, kind):
    check_fields(find_claim(text, "en", hint), {"kind": kind})


def test_en_a_role_set_beside_a_name_is_that_person_later():
    text = (
        "Maria Prell, the depot's manager, joined the call. The manager said the trucks were late."
    )
    check_fields(
        find_claim(text, "en", "the trucks were late"), {"kind": "person", "name": "Maria Prell"}
    )


def test_en_a_role_two_people_hold_stays_a_role():
    text = (
        "Maria Prell, the depot's manager, met Anna Colt, the yard's manager. "
        "Snow closed the road for two days. The manager said the trucks were late."
    )
    check_fields(find_claim(text, "en", "the trucks were late"), {"kind": "role"})


@pytest.mark.parametrize(
    ("second", "hint"),
    [
        ("The roof leaks, said Quenby.", "The roof leaks"),
        ("According to Quenby, the roof leaks.", "the roof leaks"),
    ],
    ids=["said-surname", "according-to-surname"],
)
def test_en_a_lone_surname_after_the_full_name_is_that_person(second, hint):
    text = "Torvald Quenby opened the meeting on Monday. " + second
    check_fields(find_claim(text, "en", hint), {"kind": "person", "name": "Torvald Quenby"})


def test_en_a_trailing_gerund_whose_object_is_the_claim():
    claim = find_claim(
        "At least four mid-sized bakeries have cut their outlooks since May, pointing to weak demand and higher rents.",
        "en",
        "weak demand and higher rents",
    )
    check_fields(
        claim,
        {
            "source": "At least four mid-sized bakeries",
            "cue": "pointing to",
            "kind": "anonymous",
            "content": "weak demand and higher rents",
        },
    )
