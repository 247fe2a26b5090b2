# ruff: noqa: E501 -- the tables hold whole example sentences
"""Common newsroom constructions beyond the basic tables: appositive relatives, titles and
names after an inverted verb, straight single quotes, "come riporta X" / "X reported",
addressee versus channel. Sentences written for these tests."""

import pytest

from claims.extraction import extract

from .conftest import check_fields, find_claim

IT = [
    # ---- appositive relatives between the source and its verb
    pytest.param(
        "Rossi, che guida il sindacato, ha detto all'Ansa che lo sciopero continuerà.",
        "lo sciopero continuerà",
        {
            "source": "Rossi",
            "channel": "Ansa",
            "cue": "ha detto",
            "content": "lo sciopero continuerà",
        },
        id="relative-apposition-channel",
    ),
    pytest.param(
        "La Regione, che gestisce i fondi europei, ha spiegato che i bandi usciranno a marzo.",
        "i bandi usciranno",
        {"source": "La Regione", "kind": "organization", "content": "i bandi usciranno a marzo"},
        id="relative-apposition-organization",
    ),
    pytest.param(
        "Il sindaco Paolo Neri, che è al secondo mandato, ha annunciato che non si ricandiderà.",
        "non si ricandiderà",
        {
            "source": "Il sindaco Paolo Neri",
            "kind": "person",
            "cue": "ha annunciato",
            "content": "non si ricandiderà",
        },
        id="relative-apposition-person",
    ),
    pytest.param(
        "L'azienda, i cui conti sono in rosso da anni, ha fatto sapere che chiuderà lo stabilimento.",
        "chiuderà lo stabilimento",
        {"source": "L'azienda", "cue": "ha fatto sapere", "content": "chiuderà lo stabilimento"},
        id="relative-apposition-i-cui",
    ),
    pytest.param(
        "La professoressa Marta Gallo, la quale insegna a Padova, sostiene che i dati siano incompleti.",
        "i dati siano incompleti",
        {"source": "La professoressa Marta Gallo", "kind": "person", "cue": "sostiene"},
        id="relative-apposition-la-quale",
    ),
    # ---- titles and names after an inverted verb; the addressee is not the source
    pytest.param(
        "«Non ci sono fondi», ha spiegato l'assessore al bilancio Laura Verdi ai giornalisti.",
        "Non ci sono fondi",
        {
            "source": "l'assessore al bilancio Laura Verdi",
            "kind": "person",
            "quote": "direct",
            "channel": None,
            "name": "Laura Verdi",
        },
        id="role-portfolio-name-then-addressee",
    ),
    pytest.param(
        "«I lavori finiranno in estate», ha assicurato il presidente della Provincia Marco Bianchi ai cronisti.",
        "I lavori finiranno",
        {
            "source": "il presidente della Provincia Marco Bianchi",
            "kind": "person",
            "quote": "direct",
            "channel": None,
        },
        id="role-of-body-name-then-addressee",
    ),
    pytest.param(
        "«Serve più personale», ha detto l'assessora alle politiche sociali Giulia Ferri alla Rai.",
        "Serve più personale",
        {
            "source": "l'assessora alle politiche sociali Giulia Ferri",
            "kind": "person",
            "channel": "Rai",
        },
        id="role-portfolio-name-then-channel",
    ),
    pytest.param(
        "La scuola riaprirà lunedì, ha annunciato la dirigente scolastica Anna Conti.",
        "La scuola riaprirà",
        {"source": "la dirigente scolastica Anna Conti", "kind": "person", "quote": "indirect"},
        id="role-adjective-name-inverted",
    ),
    pytest.param(
        "«Il piano è pronto», ha dichiarato ai microfoni del Tg1 il ministro della Salute Carlo Riva.",
        "Il piano è pronto",
        {"source": "il ministro della Salute Carlo Riva", "kind": "person"},
        id="addressee-phrase-before-inverted-source",
    ),
    # ---- straight single quotes are quotation marks; apostrophes are not
    pytest.param(
        "'Non faremo passi indietro', ha detto il ministro Luca Sarti.",
        "Non faremo passi indietro",
        {
            "source": "il ministro Luca Sarti",
            "quote": "direct",
            "content": "Non faremo passi indietro",
        },
        id="straight-single-quote-first",
    ),
    pytest.param(
        "Il sindaco ha detto: 'Non c'è alcun rischio per la salute'.",
        "alcun rischio",
        {
            "source": "Il sindaco",
            "quote": "direct",
            "content": "Non c'è alcun rischio per la salute",
        },
        id="straight-single-quote-after-colon",
    ),
    pytest.param(
        "L'assessore ha detto che l'ospedale riaprirà a settembre.",
        "l'ospedale riaprirà",
        {
            "source": "L'assessore",
            "quote": "indirect",
            "content": "l'ospedale riaprirà a settembre",
        },
        id="apostrophes-are-not-quotes",
    ),
    # ---- "come riporta X": the outlet is the source alone, the channel beside a source
    pytest.param(
        "La polizia avrebbe arrestato tre persone, come riporta il Corriere della Sera.",
        "La polizia avrebbe arrestato",
        {
            "source": "il Corriere della Sera",
            "kind": "media",
            "cue": "come riporta",
            "hedged": True,
            "channel": None,
            "content": "La polizia avrebbe arrestato tre persone",
        },
        id="y-come-riporta-medium",
    ),
    pytest.param(
        "Il vertice è stato rinviato a lunedì, come riferisce l'agenzia Adnkronos.",
        "Il vertice è stato rinviato",
        {
            "source": "l'agenzia Adnkronos",
            "kind": "media",
            "cue": "come riferisce",
            "content": "Il vertice è stato rinviato a lunedì",
        },
        id="y-come-riferisce-agency",
    ),
    pytest.param(
        "Come scrive la Repubblica, il governo prepara un decreto sulle pensioni.",
        "il governo prepara",
        {
            "source": "la Repubblica",
            "kind": "media",
            "cue": "Come scrive",
            "content": "il governo prepara un decreto sulle pensioni",
        },
        id="come-scrive-medium-y",
    ),
    pytest.param(
        "Il ministro, come riporta l'Ansa, ha detto che i fondi arriveranno entro marzo.",
        "i fondi arriveranno",
        {
            "source": "Il ministro",
            "channel": "l'Ansa",
            "cue": "ha detto",
            "content": "i fondi arriveranno entro marzo",
        },
        id="x-come-riporta-channel-ha-detto",
    ),
    pytest.param(
        "Il Corriere della Sera ha scritto che il decreto sarà approvato venerdì.",
        "il decreto sarà approvato",
        {"source": "Il Corriere della Sera", "kind": "media", "cue": "ha scritto"},
        id="medium-ha-scritto-che",
    ),
    # ---- "ha detto a X": an outlet is the channel, people spoken to are not
    pytest.param(
        "Il ministro ha detto ai giornalisti che la riforma passerà.",
        "la riforma passerà",
        {"source": "Il ministro", "channel": None, "content": "la riforma passerà"},
        id="ha-detto-ai-giornalisti-che",
    ),
    pytest.param(
        "Il ministro ha detto al Corriere della Sera che la riforma passerà.",
        "la riforma passerà",
        {
            "source": "Il ministro",
            "channel": "Corriere della Sera",
            "content": "la riforma passerà",
        },
        id="ha-detto-al-giornale-che",
    ),
    pytest.param(
        "L'indagine è stata chiusa, come già riportato dal Corriere della Sera.",
        "L'indagine è stata chiusa",
        {
            "source": "Corriere della Sera",
            "kind": "media",
            "cue": "come già riportato",
            "content": "L'indagine è stata chiusa",
        },
        id="y-come-gia-riportato-da-medium",
    ),
    pytest.param(
        "Il governo avrebbe già pronto il decreto, come riferiscono fonti di Palazzo Chigi.",
        "il decreto",
        {"source": "fonti di Palazzo Chigi", "kind": "anonymous", "hedged": True, "channel": None},
        id="y-come-riferiscono-fonti",
    ),
    pytest.param(
        "La ministra, come ha riferito l'agenzia Reuters, ha confermato che l'accordo è vicino.",
        "l'accordo è vicino",
        {"source": "La ministra", "channel": "l'agenzia Reuters", "cue": "ha confermato"},
        id="x-come-ha-riferito-channel-verb",
    ),
    pytest.param(
        "Luca Bianchi, il cui mandato scade a dicembre, ha annunciato che non si ricandiderà.",
        "non si ricandiderà",
        {"source": "Luca Bianchi", "kind": "person", "content": "non si ricandiderà"},
        id="relative-apposition-il-cui",
    ),
    pytest.param(
        "«Il ponte sarà pronto a giugno», ha spiegato all'Ansa il direttore dei lavori Franco Gatti.",
        "Il ponte sarà pronto",
        {"source": "il direttore dei lavori Franco Gatti", "channel": "Ansa", "kind": "person"},
        id="channel-then-role-of-body-name",
    ),
    pytest.param(
        "Il sig. Rossi ha detto che il ponte è chiuso.",
        "il ponte è chiuso",
        {"source": "Il sig. Rossi", "kind": "person", "name": "Rossi"},
        id="honorific-surname-is-a-person",
    ),
    pytest.param(
        "Il ministro ha detto a Giorgia Meloni che non si dimetterà.",
        "non si dimetterà",
        {"source": "Il ministro", "kind": "role", "channel": None},
        id="addressee-person-is-neither-source-nor-channel",
    ),
    pytest.param(
        "«Abbiamo fatto il possibile», ha detto il sindaco a Repubblica.",
        "Abbiamo fatto il possibile",
        {"source": "il sindaco", "channel": "Repubblica", "quote": "direct"},
        id="inverted-source-then-outlet-channel",
    ),
    pytest.param(
        "Il Messaggero riferisce che il vertice è saltato.",
        "il vertice è saltato",
        {"source": "Il Messaggero", "kind": "media", "cue": "riferisce"},
        id="outlet-name-with-article-riferisce",
    ),
    pytest.param(
        "Il ponte resterà chiuso fino a maggio, ha dichiarato in una nota il portavoce della Prefettura Marco Russo.",
        "Il ponte resterà chiuso",
        {
            "source": "il portavoce della Prefettura Marco Russo",
            "kind": "person",
            "content": "Il ponte resterà chiuso fino a maggio",
        },
        id="inverted-source-after-in-una-nota",
    ),
    pytest.param(
        "Secondo Mario Draghi, che ha parlato a Bruxelles, l'Europa deve investire di più.",
        "l'Europa deve investire",
        {"source": "Mario Draghi", "cue": "Secondo", "content": "l'Europa deve investire di più"},
        id="secondo-x-relative-apposition-y",
    ),
    pytest.param(
        "«La misura è inutile», ha commentato il leader della Lega, che ha annunciato una raccolta firme.",
        "La misura è inutile",
        {"source": "il leader della Lega", "quote": "direct", "content": "La misura è inutile"},
        id="inverted-source-then-its-relative-clause",
    ),
    pytest.param(
        "«I fondi ci sono», ha detto alla Camera il ministro Luca Bianchi.",
        "I fondi ci sono",
        {"source": "il ministro Luca Bianchi", "kind": "person", "channel": None},
        id="named-addressee-before-inverted-source",
    ),
    pytest.param(
        "«I fondi ci sono», ha detto a Bruxelles Luca Bianchi.",
        "I fondi ci sono",
        {"source": "Luca Bianchi", "kind": "person", "channel": None},
        id="place-before-inverted-name",
    ),
    pytest.param(
        "Il ministro ha detto alla Camera che i fondi ci sono.",
        "i fondi ci sono",
        {"source": "Il ministro", "channel": None},
        id="ha-detto-alla-camera-is-no-channel",
    ),
    pytest.param(
        "I carabinieri, intervenuti sul posto, hanno riferito che l'uomo era già fuggito.",
        "l'uomo era già fuggito",
        {"source": "I carabinieri", "cue": "hanno riferito"},
        id="participial-apposition-uti",
    ),
    pytest.param(
        "«Siamo al lavoro», ha assicurato ai giornalisti l'assessore regionale alla sanità Luigi Riva.",
        "Siamo al lavoro",
        {
            "source": "l'assessore regionale alla sanità Luigi Riva",
            "kind": "person",
            "channel": None,
        },
        id="role-adjective-portfolio-name",
    ),
    pytest.param(
        "«Siamo al lavoro», ha assicurato il ministro oggi ai giornalisti.",
        "Siamo al lavoro",
        {"source": "il ministro", "channel": None},
        id="time-word-ends-inverted-source",
    ),
    pytest.param(
        "Il ministro avrebbe detto ai suoi collaboratori che lascerà l'incarico a fine mese, scrive il Corriere.",
        "lascerà l'incarico",
        {"source": "Il ministro", "channel": "il Corriere", "cue": "avrebbe detto", "hedged": True},
        id="x-ha-detto-y-scrive-outlet-is-channel",
    ),
    pytest.param(
        "Il ministro ha detto, come sempre, che i conti sono in ordine.",
        "i conti sono in ordine",
        {"source": "Il ministro", "content": "i conti sono in ordine"},
        id="parenthetical-before-che",
    ),
    pytest.param(
        "Il governo ha approvato il decreto, come ha spiegato il ministro Luca Bianchi.",
        "Il governo ha approvato",
        {"source": "il ministro Luca Bianchi", "kind": "person", "cue": "come ha spiegato"},
        id="y-come-ha-spiegato-person",
    ),
]

EN = [
    # ---- appositive relatives between the source and its verb
    pytest.param(
        "John Smith was re-elected on Monday. Smith, who leads the union, told the BBC that the strike would continue.",
        "the strike would continue",
        {
            "source": "Smith",
            "kind": "person",
            "channel": "the BBC",
            "cue": "told",
            "content": "the strike would continue",
        },
        id="relative-apposition-told-outlet",
    ),
    pytest.param(
        "The company, which employs 4,000 people, said it would close two plants.",
        "it would close two plants",
        {"source": "The company", "cue": "said", "content": "it would close two plants"},
        id="relative-apposition-which",
    ),
    pytest.param(
        "Maria Lopez, who chairs the committee, said the vote would be delayed.",
        "the vote would be delayed",
        {"source": "Maria Lopez", "kind": "person", "content": "the vote would be delayed"},
        id="relative-apposition-who-no-that",
    ),
    pytest.param(
        "The agency, whose budget was cut last year, said it would hire 200 inspectors.",
        "it would hire 200 inspectors",
        {"source": "The agency", "content": "it would hire 200 inspectors"},
        id="relative-apposition-whose",
    ),
    # ---- titles and names; the addressee is not the source
    pytest.param(
        "The budget is balanced, Finance Minister Paul Grant told reporters on Monday.",
        "The budget is balanced",
        {"source": "Finance Minister Paul Grant", "kind": "person", "channel": None, "cue": "told"},
        id="y-title-name-told-reporters",
    ),
    pytest.param(
        "The minister told reporters the reform would pass.",
        "the reform would pass",
        {"source": "The minister", "channel": None, "content": "the reform would pass"},
        id="told-reporters-no-that",
    ),
    pytest.param(
        "The minister told CNN that the reform would pass.",
        "the reform would pass",
        {"source": "The minister", "channel": "CNN", "content": "the reform would pass"},
        id="told-outlet-that",
    ),
    # ---- straight single quotes are quotation marks; apostrophes are not
    pytest.param(
        "'We will not back down,' the minister told Reuters on Tuesday.",
        "We will not back down",
        {
            "source": "the minister",
            "quote": "direct",
            "channel": "Reuters",
            "content": "We will not back down",
        },
        id="straight-single-quote-told-outlet",
    ),
    pytest.param(
        "'We don't have the money,' said Mayor Ellen Park.",
        "have the money",
        {"source": "Mayor Ellen Park", "quote": "direct", "content": "We don't have the money"},
        id="straight-single-quote-with-apostrophe",
    ),
    pytest.param(
        "'It is the workers' money,' union leader Tom Hale said.",
        "workers",
        {
            "source": "union leader Tom Hale",
            "quote": "direct",
            "content": "It is the workers' money",
        },
        id="straight-single-quote-with-plural-possessive",
    ),
    pytest.param(
        "The minister said: 'We will not back down.'",
        "We will not back down",
        {"source": "The minister", "quote": "direct", "cue": "said"},
        id="straight-single-quote-after-colon",
    ),
    pytest.param(
        "The minister's aide said the talks would resume in May.",
        "the talks would resume",
        {"source": "The minister's aide", "quote": "indirect"},
        id="possessive-is-not-a-quote",
    ),
    # ---- outlets reporting: the source alone, the channel beside another source
    pytest.param(
        "The talks collapsed on Friday, as reported by the Financial Times.",
        "The talks collapsed",
        {
            "source": "the Financial Times",
            "kind": "media",
            "cue": "as reported",
            "content": "The talks collapsed on Friday",
        },
        id="y-as-reported-by-medium",
    ),
    pytest.param(
        "As the BBC reported, the vote was postponed until March.",
        "the vote was postponed",
        {"source": "the BBC", "kind": "media", "content": "the vote was postponed until March"},
        id="as-medium-reported-y",
    ),
    pytest.param(
        "The Guardian reported that the minister would resign.",
        "the minister would resign",
        {"source": "The Guardian", "kind": "media", "cue": "reported"},
        id="medium-reported-that",
    ),
    pytest.param(
        "The minister will resign next week, the Financial Times reported.",
        "The minister will resign",
        {"source": "the Financial Times", "kind": "media", "cue": "reported"},
        id="y-medium-reported",
    ),
    pytest.param(
        "The New York Times wrote that the deal was close.",
        "the deal was close",
        {"source": "The New York Times", "kind": "media", "cue": "wrote"},
        id="medium-wrote-that",
    ),
    pytest.param(
        "The governor, as reported by the Associated Press, said the curfew would be lifted.",
        "the curfew would be lifted",
        {"source": "The governor", "channel": "the Associated Press", "cue": "said"},
        id="x-as-reported-by-channel-said",
    ),
    pytest.param(
        "The suspect was arrested in Texas, as first reported by CNN.",
        "The suspect was arrested",
        {
            "source": "CNN",
            "kind": "media",
            "cue": "as first reported",
            "content": "The suspect was arrested in Texas",
        },
        id="y-as-first-reported-by-medium",
    ),
    pytest.param(
        "The company will cut 2,000 jobs, Bloomberg reported on Monday.",
        "The company will cut",
        {"source": "Bloomberg", "kind": "media", "cue": "reported"},
        id="y-medium-reported-on-day",
    ),
    pytest.param(
        "Mr. Brown, whose company makes solar panels, told CNBC the tariffs would hurt sales.",
        "the tariffs would hurt sales",
        {
            "source": "Mr. Brown",
            "kind": "person",
            "channel": "CNBC",
            "content": "the tariffs would hurt sales",
        },
        id="honorific-relative-apposition-told-outlet-no-that",
    ),
    pytest.param(
        "The ministry, which oversees the railways, said in a statement that trains would run normally.",
        "trains would run normally",
        {"source": "The ministry", "content": "trains would run normally"},
        id="relative-apposition-said-in-a-statement",
    ),
    pytest.param(
        "'This is a disaster for farmers,' said Agriculture Secretary Tom Vilsack.",
        "a disaster for farmers",
        {
            "source": "Agriculture Secretary Tom Vilsack",
            "kind": "person",
            "quote": "direct",
            "content": "This is a disaster for farmers",
        },
        id="straight-single-quote-said-title-name",
    ),
    pytest.param(
        "The minister told John Smith that she would not resign.",
        "she would not resign",
        {"source": "The minister", "kind": "role", "channel": None},
        id="told-person-is-not-a-channel",
    ),
    pytest.param(
        "The economy is recovering, the minister told Parliament.",
        "The economy is recovering",
        {"source": "the minister", "channel": None, "cue": "told"},
        id="told-a-body-is-not-a-channel",
    ),
    pytest.param(
        "Reuters reported the talks had stalled.",
        "the talks had stalled",
        {
            "source": "Reuters",
            "kind": "media",
            "cue": "reported",
            "content": "the talks had stalled",
        },
        id="medium-reported-clause-without-that",
    ),
    pytest.param(
        "Officials said a bridge that collapsed was unsafe.",
        "collapsed",
        {"source": "Officials", "content": "a bridge that collapsed was unsafe"},
        id="said-object-with-relative-is-one-content",
    ),
    pytest.param(
        "The bridge will stay closed until May, the city's transportation commissioner, Ana Ruiz, said in a statement.",
        "The bridge will stay closed",
        {
            "source": "the city's transportation commissioner, Ana Ruiz",
            "kind": "person",
            "content": "The bridge will stay closed until May",
        },
        id="y-role-comma-name-said-in-a-statement",
    ),
    pytest.param(
        "According to Jane Doe, who chairs the panel, the vote will be held in June.",
        "the vote will be held",
        {"source": "Jane Doe", "content": "the vote will be held in June"},
        id="according-to-x-relative-apposition-y",
    ),
    pytest.param(
        '"We are satisfied," said Julia Kent, who has led the cooperative for ten years.',
        "We are satisfied",
        {
            "source": "Julia Kent",
            "kind": "person",
            "quote": "direct",
            "content": "We are satisfied",
        },
        id="quote-said-name-then-its-relative-clause",
    ),
    pytest.param(
        "The company, as Bloomberg first reported, is cutting 500 jobs.",
        "cutting 500 jobs",
        {"source": "Bloomberg", "kind": "media", "cue": "reported"},
        id="x-as-medium-first-reported-y",
    ),
    pytest.param(
        "The plan, the newspaper wrote, would cost two billion dollars.",
        "would cost",
        {
            "source": "the newspaper",
            "kind": "media",
            "content": "The plan, the newspaper wrote, would cost two billion dollars",
        },
        id="interrupted-clause-medium-wrote",
    ),
    pytest.param(
        '"We will appeal," said the company\'s lawyer, Tom Reed.',
        "We will appeal",
        {
            "source": "the company's lawyer, Tom Reed",
            "kind": "person",
            "quote": "direct",
            "name": "Tom Reed",
        },
        id="quote-said-role-comma-name",
    ),
    pytest.param(
        "The report, which was released on Monday, says emissions rose by 4%.",
        "emissions rose",
        {"source": "The report", "kind": "document", "content": "emissions rose by 4%"},
        id="document-relative-apposition-says",
    ),
    pytest.param(
        "The deal is done, two people familiar with the matter told The Washington Post.",
        "The deal is done",
        {
            "source": "two people familiar with the matter",
            "kind": "anonymous",
            "channel": "The Washington Post",
        },
        id="outlet-name-ending-in-a-verb-form",
    ),
    pytest.param(
        "The Washington Post reported that the deal was done.",
        "the deal was done",
        {"source": "The Washington Post", "kind": "media"},
        id="outlet-name-beats-document-head",
    ),
    pytest.param(
        "The strike will continue, said union president Maria Lopez, who spoke outside the plant.",
        "The strike will continue",
        {
            "source": "union president Maria Lopez",
            "kind": "person",
            "content": "The strike will continue",
        },
        id="modal-verb-is-no-cue-then-inverted-title-name-relative",
    ),
    pytest.param(
        "Officials, speaking on condition of anonymity, said the talks had collapsed.",
        "the talks had collapsed",
        {"source": "Officials", "kind": "anonymous"},
        id="participial-apposition-after-one-word-subject",
    ),
    pytest.param(
        "The minister would later say that the plan was fine.",
        "the plan was fine",
        {"source": "The minister", "cue": "say"},
        id="modal-stays-out-of-the-subject",
    ),
    pytest.param(
        "Police said the man was arrested, the BBC reported.",
        "the man was arrested",
        {"source": "Police", "channel": "the BBC", "cue": "said"},
        id="x-said-y-outlet-reported-is-channel",
    ),
    pytest.param(
        "The minister said, as usual, that the accounts were fine.",
        "the accounts were fine",
        {"source": "The minister", "content": "the accounts were fine"},
        id="parenthetical-before-that",
    ),
    pytest.param(
        "The bill passed, as the senator had predicted.",
        "The bill passed",
        {"source": "the senator", "cue": "had predicted"},
        id="y-as-x-had-predicted",
    ),
    pytest.param(
        "The bill, as Reuters reported on Monday, passed narrowly.",
        "passed narrowly",
        {"source": "Reuters", "kind": "media", "cue": "reported"},
        id="x-as-medium-reported-on-day-y",
    ),
    pytest.param(
        "Smith, who leads the union, told the BBC that the strike would continue.",
        "the strike would continue",
        {
            "source": "Smith",
            "kind": "person",
            "channel": "the BBC",
            "content": "the strike would continue",
        },
        id="bare-surname-with-who-is-a-person",
    ),
    pytest.param(
        "Apple, which makes the iPhone, said sales rose.",
        "sales rose",
        {"source": "Apple", "kind": "organization"},
        id="name-with-which-stays-an-organization",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), IT)
def test_it_attributes_newsroom_constructions(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


@pytest.mark.parametrize(("text", "hint", "expected"), EN)
def test_en_attributes_newsroom_constructions(text, hint, expected):
    check_fields(find_claim(text, "en", hint), expected)


def test_it_keeps_the_sentence_before_come_riporta_x_as_its_content():
    claims = extract(
        "La polizia avrebbe arrestato tre persone, come riporta il Corriere della Sera.", "it"
    )
    assert len(claims) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The company reported a loss that was bigger than expected.", "en"),
        ("The company reported record profits in 2023.", "en"),
        ("As prices rose, sales fell across the region.", "en"),
        ("The union sued the company, as they had promised.", "en"),
        ("La nave 'Stella Maris' è arrivata in porto alle otto.", "it"),
    ],
)
def test_it_attributes_nothing_without_a_reporting_construction(text, lang):
    assert [c.source for c in extract(text, lang)] == [None]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("'We will win,' she said.", ["We will win,"]),
        (
            "He said: 'I don't know what the minister's plan is.'",
            ["I don't know what the minister's plan is."],
        ),
        ("'It is the workers' money,' he said.", ["It is the workers' money,"]),
        ("the 'boss' and the 'workers' plans' were", ["boss", "workers' plans"]),
        ("L'assessore dell'Anci e' arrivato.", []),
        ("rock'n'roll and the '90s", []),
    ],
)
def test_it_pairs_straight_single_quotes_but_not_apostrophes(text, quoted):
    from claims.extraction.quotes import find_quote_pairs

    assert [text[p[1] : p[2]] for p in find_quote_pairs(text)] == quoted


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il ministro ha detto che lascerà l'incarico a fine mese, riferisce l'Ansa.", "it"),
        ("Police said the man was arrested, the BBC reported.", "en"),
    ],
)
def test_it_makes_an_outlet_closing_the_sentence_the_channel_not_a_second_claim(text, lang):
    assert len(extract(text, lang)) == 1
