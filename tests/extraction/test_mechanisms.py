"""General attribution mechanisms, one table per mechanism (sentences written for these tests).

Each row is text -> the fields expected of the claim holding ``hint``. A mechanism is
driven by lexicon data (a verb's frame, a marker list), so a row in one language stands
for every verb or marker of the same frame.
"""

import pytest

from claims.extraction import extract

from .conftest import check_fields, find_claim

# Speech acts whose object is the claim: the verb's frame says a noun phrase may be it.
OBJECT_FRAMES = [
    (
        "en",
        "Councillor Rhea Ostrow confirmed the sale of the old depot.",
        "the sale of the old depot",
        {"source": "Councillor Rhea Ostrow", "cue": "confirmed", "kind": "person"},
    ),
    (
        "en",
        "The utility announced a rise in water tariffs for next spring.",
        "a rise in water tariffs",
        {"source": "The utility", "cue": "announced"},
    ),
    (
        "en",
        "Mayor Ilse Varga promised a new tram line by 2030.",
        "a new tram line by 2030",
        {"source": "Mayor Ilse Varga", "cue": "promised"},
    ),
    (
        "en",
        "The rector denied any plan to close the faculty.",
        "any plan to close the faculty",
        {"source": "The rector", "cue": "denied"},
    ),
    (
        "en",
        "Surveyed growers cited lower yields and dearer fertiliser.",
        "lower yields and dearer fertiliser",
        {"source": "Surveyed growers", "cue": "cited", "kind": "anonymous"},
    ),
    (
        "en",
        "The county engineer attributed the collapse to decades of deferred repairs.",
        "the collapse to decades of deferred repairs",
        {"source": "The county engineer", "cue": "attributed"},
    ),
    (
        "en",
        "A hydrology study estimated the loss at 30 percent of the lake's volume.",
        "the loss at 30 percent",
        {"source": "A hydrology study", "cue": "estimated", "kind": "document"},
    ),
    (
        "en",
        "Shopkeepers pointed to a drop in tourist numbers since the spring.",
        "a drop in tourist numbers",
        {"source": "Shopkeepers", "cue": "pointed to", "kind": "anonymous"},
    ),
    (
        "it",
        "L'assessora Bruna Leoni ha smentito le voci di un rimpasto in giunta.",
        "le voci di un rimpasto",
        {"source": "L'assessora Bruna Leoni", "cue": "ha smentito", "kind": "person"},
    ),
    (
        "it",
        "Il consorzio ha annunciato la chiusura dello stabilimento di Lodi.",
        "la chiusura dello stabilimento",
        {"source": "Il consorzio", "cue": "ha annunciato"},
    ),
    (
        "it",
        "Il rettore Aldo Fumagalli ha promesso di riaprire l'aula magna entro marzo.",
        "riaprire l'aula magna",
        {"source": "Il rettore Aldo Fumagalli", "cue": "ha promesso"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "hint", "expected"), OBJECT_FRAMES)
def test_a_speech_act_whose_object_is_the_claim(lang, text, hint, expected):
    check_fields(find_claim(text, lang, hint), expected)


# Relays: the party an outlet cites is the source; the outlet is the channel.
RELAYS = [
    (
        "en",
        "The ferry service will end in May, the Harbour Gazette reported, citing two port "
        "officials.",
        "The ferry service will end in May",
        {"source": "two port officials", "channel": "the Harbour Gazette", "kind": "anonymous"},
    ),
    (
        "en",
        "The ferry service will end in May, the Harbour Gazette reported on Friday, citing "
        "two port officials.",
        "The ferry service will end in May",
        {"source": "two port officials", "channel": "the Harbour Gazette"},
    ),
    (
        "en",
        "The Harbour Gazette reported, citing two port officials, that the ferry service "
        "would end in May.",
        "the ferry service would end in May",
        {"source": "two port officials", "channel": "The Harbour Gazette"},
    ),
    (
        "en",
        "The Ledger quoted a harbour pilot as saying the channel had silted up.",
        "the channel had silted up",
        {"source": "a harbour pilot", "channel": "The Ledger", "kind": "role"},
    ),
    (
        "en",
        "A harbour pilot was quoted by the Ledger as saying the channel had silted up.",
        "the channel had silted up",
        {"source": "A harbour pilot", "channel": "the Ledger", "cue": "saying"},
    ),
    (
        "en",
        "A harbour pilot has been cited by local radio as saying the channel had silted up.",
        "the channel had silted up",
        {"source": "A harbour pilot", "channel": "local radio"},
    ),
    # "citing X" set off by commas before the verb: X speaks, the subject relays
    (
        "en",
        "Citing three port officials, the Harbour Gazette reported that dredging would stop.",
        "dredging would stop",
        {"source": "three port officials", "channel": "the Harbour Gazette", "kind": "anonymous"},
    ),
    (
        "en",
        "The Harbour Gazette, citing a customs memo, said that 40 containers were held.",
        "40 containers were held",
        {"source": "a customs memo", "channel": "The Harbour Gazette", "kind": "document"},
    ),
    # a document and the outlet that saw it (`document_relays`)
    (
        "en",
        "An email seen by the Harbour Gazette says the pier was never inspected.",
        "the pier was never inspected",
        {"source": "An email", "channel": "the Harbour Gazette", "kind": "document"},
    ),
    (
        "en",
        "According to minutes obtained by the Ledger, the board knew of the leak.",
        "the board knew of the leak",
        {"source": "minutes", "channel": "the Ledger", "kind": "document"},
    ),
    # an outlet after "told the": the channel, a body told is not
    (
        "en",
        "The pier will reopen in June, the harbourmaster told the Gazette on Friday.",
        "The pier will reopen in June",
        {"source": "the harbourmaster", "channel": "the Gazette"},
    ),
    # an according-to marker after a claim already attributed: the one who passed it on
    (
        "en",
        "The skipper said the nets were cut on purpose, according to the Harbour Gazette.",
        "the nets were cut on purpose",
        {"source": "The skipper", "channel": "the Harbour Gazette", "cue": "said"},
    ),
    (
        "en",
        "Two crew members told the news agency that the nets were cut on purpose.",
        "the nets were cut on purpose",
        {"source": "Two crew members", "channel": "the news agency", "kind": "anonymous"},
    ),
    (
        "en",
        "The harbourmaster told the Senate that the pier would reopen in June.",
        "the pier would reopen",
        {"source": "The harbourmaster", "channel": None},
    ),
]


@pytest.mark.parametrize(("lang", "text", "hint", "expected"), RELAYS)
def test_a_relayed_claim_names_its_source_and_the_channel(lang, text, hint, expected):
    check_fields(find_claim(text, lang, hint), expected)


def test_a_reason_cited_before_the_verb_leaves_the_subject_the_source():
    claim = find_claim(
        "The operator, citing a fall in bookings, said the ferry would stop in May.",
        "en",
        "the ferry would stop",
    )
    check_fields(claim, {"source": "The operator", "channel": None, "cue": "said"})


def test_a_reason_cited_is_not_a_source():
    claims = extract(
        "The ferry service will end in May, the operator said, citing a fall in bookings.", "en"
    )
    claim = next(c for c in claims if "ferry" in c.content.text)
    check_fields(claim, {"source": "the operator", "channel": None})
    assert len([c for c in claims if c.source is not None]) == 1


# An opening Italian "per" reads "according to" before an outlet, or a person with a role.
OPENING_PER = [
    (
        "Per La Gazzetta di Parma la giunta avrebbe già scelto il nuovo direttore.",
        "la giunta avrebbe già scelto",
        {"source": "La Gazzetta di Parma", "cue": "Per", "kind": "media"},
    ),
    (
        "Per il Corriere della Sera il bando sarebbe stato rinviato.",
        "il bando sarebbe stato rinviato",
        {"source": "il Corriere della Sera", "kind": "media", "hedged": True},
    ),
    (
        "Per Ettore Bassi, presidente della Coldiretti locale, la grandine ha distrutto metà "
        "del raccolto.",
        "la grandine ha distrutto",
        {"source": "Ettore Bassi", "cue": "Per", "kind": "person"},
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), OPENING_PER)
def test_an_opening_per_before_a_voice_is_an_according_marker(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Per Natale i negozi del centro resteranno aperti fino a mezzanotte.",
        "Per Ettore Bassi, l'estate è stata la più difficile da vent'anni.",
        "Per questo la giunta ha stanziato tre milioni per le scuole.",
    ],
)
def test_per_before_a_date_a_bare_name_or_a_pronoun_is_not_a_source(text):
    assert all(c.source is None for c in extract(text, "it"))


# A present-tense form that is also a plural noun ("promises", "indicates") is the verb
# after a subject when its frame's complement follows: an addressee then "that", or a
# clause without "that".
HOMOGRAPH_VERBS = [
    (
        "The council's memo promises tenants that the boiler will be replaced.",
        "the boiler will be replaced",
        {"source": "The council's memo", "cue": "promises", "kind": "document"},
    ),
    (
        "The audit indicates the museum has lost money for six years.",
        "the museum has lost money",
        {"source": "The audit", "cue": "indicates", "kind": "document"},
    ),
    (
        "The coach warns fans that tickets will sell out.",
        "tickets will sell out",
        {"source": "The coach", "cue": "warns"},
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), HOMOGRAPH_VERBS)
def test_a_verb_spelt_like_a_plural_noun_reads_as_the_verb_before_its_complement(
    text, hint, expected
):
    check_fields(find_claim(text, "en", hint), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Government estimates will be published on Monday.",
        "The company's promises were not kept last year.",
        "Official reports of the flood reached the capital late.",
    ],
)
def test_the_same_words_as_nouns_make_no_attribution(text):
    assert all(c.source is None for c in extract(text, "en"))


# Subjects: a fronted gerund or participle clause is not part of the source, and a name
# whose given name no list holds is a person's when its apposition gives a person's role.
SUBJECTS = [
    (
        "en",
        "Speaking to the press on Friday, Transport Secretary Dale Ormsby said the bridge "
        "would reopen in April.",
        "the bridge would reopen",
        {"source": "Transport Secretary Dale Ormsby", "kind": "person"},
    ),
    (
        "en",
        "Asked about the fares, the operator said prices would stay the same.",
        "prices would stay the same",
        {"source": "the operator"},
    ),
    (
        "it",
        "Intervenendo in consiglio comunale, l'assessore Pino Rinaldi ha detto che il cantiere "
        "chiuderà a maggio.",
        "il cantiere chiuderà a maggio",
        {"source": "l'assessore Pino Rinaldi", "kind": "person"},
    ),
    (
        "en",
        "Thorne Ballard, the league's treasurer, said the accounts were balanced.",
        "the accounts were balanced",
        {"kind": "person", "name": "Thorne Ballard"},
    ),
    (
        "en",
        "Northgate Mills, the valley's largest employer, said the plant would close.",
        "the plant would close",
        {"kind": "organization"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "hint", "expected"), SUBJECTS)
def test_the_subject_is_the_noun_phrase_that_speaks(lang, text, hint, expected):
    check_fields(find_claim(text, lang, hint), expected)


# The addressee slot also holds the person told to do something: "warned X to ...".
@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        (
            "The fire chief warned hikers to stay off the ridge until Sunday.",
            "hikers to stay off the ridge",
            {"source": "The fire chief", "cue": "warned"},
        ),
        (
            "The growers' association urged the ministry to release the drought fund.",
            "the ministry to release the drought fund",
            {"source": "The growers' association", "cue": "urged"},
        ),
    ],
)
def test_an_addressee_and_an_infinitive_complete_the_frame(text, hint, expected):
    check_fields(find_claim(text, "en", hint), expected)


def test_without_an_addressee_the_infinitive_is_no_claim_of_a_warning():
    claims = extract("The fire chief warned against hiking to the ridge.", "en")
    assert [c.source.text for c in claims if c.source] == ["The fire chief"]
    assert all("warned to" not in c.content.text for c in claims)


# Content first: the quotation opens the sentence and what follows names its source,
# through a verb after a colon or through a speech noun.
CONTENT_FIRST = [
    (
        "it",
        "«Il depuratore funziona di nuovo»: ha detto l'ingegnera Marta Bellini.",
        "Il depuratore funziona di nuovo",
        {"source": "l'ingegnera Marta Bellini", "quote": "direct"},
    ),
    (
        "it",
        "«Un passo indietro per tutta la valle»: è il commento del presidente della Pro Loco, "
        "Guido Sarti.",
        "Un passo indietro",
        {"cue": "commento", "kind": "person", "quote": "direct"},
    ),
    (
        "en",
        '"It is a fair deal for both towns": that was the verdict of the arbiter, Jo Kerr.',
        "It is a fair deal",
        {"cue": "verdict", "kind": "person"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "hint", "expected"), CONTENT_FIRST)
def test_a_quotation_first_takes_the_source_named_after_it(lang, text, hint, expected):
    check_fields(find_claim(text, lang, hint), expected)


def test_a_quoted_title_before_a_colon_has_no_source():
    claims = extract("«Il commento della domenica»: questo il nome della nuova rubrica.", "it")
    assert all(c.source is None for c in claims)


# Precision: a rejection or denial whose object is a procedural act is an event.
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The tribunal rejected the appeal of the two dockers."),
        ("en", "The board denied the request for a second hearing."),
        ("it", "La Corte d'appello ha respinto il ricorso del Comune."),
        ("it", "Il consiglio ha respinto la mozione della minoranza."),
    ],
)
def test_rejecting_an_appeal_or_a_request_is_an_event_not_a_statement(lang, text):
    assert all(c.source is None for c in extract(text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "hint", "source"),
    [
        (
            "en",
            "The dockers' union denied the allegations of vote rigging.",
            "the allegations",
            "The dockers' union",
        ),
        ("it", "Il Comune ha respinto le accuse della minoranza.", "le accuse", "Il Comune"),
    ],
)
def test_denying_an_accusation_still_attributes_it(lang, text, hint, source):
    check_fields(find_claim(text, lang, hint), {"source": source})


# Names in quotation marks are names: the marks set off an outlet's or a body's name.
QUOTED_NAMES = [
    (
        "it",
        "Secondo «Il Piccolo», il cantiere avrebbe già superato il budget.",
        "il cantiere avrebbe già superato",
        {"source": "Il Piccolo", "cue": "Secondo", "quote": "indirect"},
    ),
    (
        "it",
        "Come scrive 'Famiglia Cristiana', la parrocchia avrebbe venduto il campo.",
        "la parrocchia avrebbe venduto",
        {"source": "Famiglia Cristiana", "quote": "indirect"},
    ),
    (
        "en",
        "The coach told 'The Ledger' that he would step down in May.",
        "he would step down in May",
        {"source": "The coach", "channel": "The Ledger", "quote": "indirect"},
    ),
    (
        "en",
        'According to "The Courier", the mill will close.',
        "the mill will close",
        {"source": "The Courier", "cue": "According to"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "hint", "expected"), QUOTED_NAMES)
def test_a_name_in_quotation_marks_is_a_name_not_a_quotation(lang, text, hint, expected):
    check_fields(find_claim(text, lang, hint), expected)


def test_a_one_word_quotation_after_a_colon_stays_a_quotation():
    check_fields(
        find_claim("La sindaca ha risposto: «Mai».", "it", "Mai"),
        {"source": "La sindaca", "quote": "direct"},
    )


# Hedging only where the article hedges.
HEDGES = [
    ("it", "Il Comune avrebbe dovuto riaprire la piscina a giugno.", "piscina", False),
    ("it", "Se la diga cedesse, la valle resterebbe isolata per giorni.", "valle", False),
    ("it", "Il sindaco ha detto: «Sarebbe un errore chiudere il reparto».", "errore", False),
    (
        "it",
        "Il Comune avrebbe venduto l'ex caserma a una cordata di imprenditori.",
        "caserma",
        True,
    ),
    ("it", "Stando a indiscrezioni, la giunta ha già scelto il nuovo direttore.", "giunta", True),
    ("it", "Pare che la giunta abbia già scelto il nuovo direttore.", "giunta", True),
    ("it", "Se fosse vero, sarebbe il terzo rinvio del cantiere.", "terzo rinvio", True),
    ("en", "The council apparently sold the depot in March.", "depot", True),
    ("en", "If the dam failed, the valley would be cut off.", "valley", False),
]


@pytest.mark.parametrize(("lang", "text", "hint", "hedged"), HEDGES)
def test_a_claim_is_hedged_only_where_the_article_hedges_it(lang, text, hint, hedged):
    assert find_claim(text, lang, hint).hedged is hedged


# Coordinated verbs share the subject: the second verb's source stops before the first verb.
@pytest.mark.parametrize(
    ("lang", "text", "hint", "source"),
    [
        (
            "it",
            "L'assessora Bruna Leoni ha criticato il piano e ha promesso di rivederlo a maggio.",
            "rivederlo a maggio",
            "L'assessora Bruna Leoni",
        ),
        (
            "en",
            "The dean has criticised the plan and has promised that fees will fall.",
            "fees will fall",
            "The dean",
        ),
    ],
)
def test_a_coordinated_verb_keeps_the_first_verb_s_subject(lang, text, hint, source):
    check_fields(find_claim(text, lang, hint), {"source": source})


def test_a_coordinated_subject_stays_whole():
    claim = find_claim(
        "La sindaca Lia Conti e la giunta hanno promesso di riaprire il teatro.", "it", "teatro"
    )
    assert claim.source.text == "La sindaca Lia Conti e la giunta"
