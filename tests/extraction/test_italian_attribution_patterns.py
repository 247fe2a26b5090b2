# ruff: noqa: E501 -- the tables hold whole example sentences
"""Everyday attribution patterns of Italian news copy: a cue set off by dashes inside a
quotation, and the other mechanisms added with them. Sentences written for these tests."""

import pytest

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


PER_JUDGES = [
    pytest.param(
        "Per gli inquirenti, la rapina era stata pianificata da settimane.",
        "la rapina era stata pianificata",
        {"source": "gli inquirenti", "cue": "Per", "kind": "anonymous"},
        id="investigators-comma",
    ),
    pytest.param(
        "Per la Procura di Bari, l'incendio del capannone sarebbe doloso.",
        "l'incendio del capannone",
        {"source": "la Procura di Bari", "cue": "Per", "kind": "organization", "hedged": True},
        id="prosecutors-of-a-city",
    ),
    pytest.param(
        "Per l'accusa, l'imputato ha mentito sul suo alibi.",
        "l'imputato ha mentito",
        {"source": "l'accusa", "cue": "Per"},
        id="prosecution",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), PER_JUDGES)
def test_it_reads_an_opening_per_before_investigators_or_a_court_as_according_to(
    text, hint, expected
):
    check_fields(find_claim(text, "it", hint), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Per le famiglie con figli, il bonus vale duecento euro al mese.",
        "Per il momento, la galleria resta chiusa al traffico.",
        "Per il tribunale di Milano è stato un anno difficile.",
        "Per l'accusa di omicidio rischia l'ergastolo.",
        "Per la polizia locale sono in arrivo nuove assunzioni.",
    ],
)
def test_it_reads_per_before_a_beneficiary_as_no_attribution(text):
    assert all(c.source is None for c in extract(text, "it"))


def test_it_ends_a_source_after_a_marker_at_an_elided_article():
    text = "Secondo la Questura l'auto rubata era già stata segnalata."
    check_fields(
        find_claim(text, "it", "l'auto rubata"),
        {"source": "la Questura", "content": "l'auto rubata era già stata segnalata"},
    )


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        pytest.param(
            "Scrive il giudice nella sentenza che l'appalto fu truccato.",
            "l'appalto fu truccato",
            {"source": "il giudice", "cue": "Scrive", "content": "l'appalto fu truccato"},
            id="document-between-source-and-che",
        ),
        pytest.param(
            "Precisa la società in una nota che gli stipendi saranno pagati venerdì.",
            "gli stipendi saranno pagati",
            {"source": "la società", "cue": "Precisa", "kind": "organization"},
            id="medium-between-source-and-che",
        ),
        pytest.param(
            "Aggiunge il rettore in conferenza stampa: «Le lezioni tornano in presenza».",
            "Le lezioni tornano",
            {"source": "il rettore", "cue": "Aggiunge", "quote": "direct"},
            id="occasion-between-source-and-colon",
        ),
    ],
)
def test_it_reads_an_opening_inverted_verb_past_a_place_or_medium_after_its_source(
    text, hint, expected
):
    check_fields(find_claim(text, "it", hint), expected)


CLEFTS = [
    pytest.param(
        "Le iscrizioni sono cresciute del 12 per cento. A renderlo noto è l'ateneo in un comunicato.",
        "Le iscrizioni sono cresciute",
        {"source": "l'ateneo", "cue": "A renderlo"},
        id="verb-with-tail-points-back",
    ),
    pytest.param(
        "A lanciare l'allarme è il Wwf: metà delle zone umide è a rischio.",
        "metà delle zone umide",
        {"source": "il Wwf", "content": "metà delle zone umide è a rischio"},
        id="no-pronoun-before-colon",
    ),
    pytest.param(
        "Il teatro ha chiuso la stagione in attivo. A spiegarlo è la direttrice Sara Moro: «Abbiamo venduto tutti gli abbonamenti».",
        "Abbiamo venduto",
        {"source": "la direttrice Sara Moro", "quote": "direct"},
        id="pronoun-then-colon-reads-forward",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), CLEFTS)
def test_it_reads_a_cleft_a_dirlo_e_x(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_a_cleft_without_a_pronoun_or_a_colon_as_no_cue():
    claims = extract("A vincere è stata la squadra di casa, davanti a tremila spettatori.", "it")
    assert all(c.source is None for c in claims)


def test_it_reads_lo_as_the_complement_of_a_verb_that_needs_one():
    text = "Il traghetto ripartirà domani. Lo ha comunicato la compagnia di navigazione."
    check_fields(
        find_claim(text, "it", "Il traghetto ripartirà"),
        {"source": "la compagnia di navigazione", "cue": "ha comunicato"},
    )


def test_it_keeps_a_clause_whole_around_an_inserted_cue_before_a_negation():
    text = "La giunta, riferiscono fonti del Comune, non intende ritirare la delibera."
    check_fields(
        find_claim(text, "it", "ritirare la delibera"),
        {
            "source": "fonti del Comune",
            "kind": "anonymous",
            "content": "La giunta, riferiscono fonti del Comune, non intende ritirare la delibera",
        },
    )


@pytest.mark.parametrize(
    "text",
    [
        "Le liste d'attesa si sono allungate: lo denuncia il Tribunale del malato.",
        "Le liste d'attesa si sono allungate: è quanto denuncia il Tribunale del malato.",
        "Le liste d'attesa si sono allungate – lo ha denunciato il Tribunale del malato.",
    ],
)
def test_it_gives_the_clause_before_a_colon_and_lo_to_the_source_after_the_verb(text):
    check_fields(
        find_claim(text, "it", "Le liste d'attesa"),
        {
            "source": "il Tribunale del malato",
            "content": "Le liste d'attesa si sono allungate",
        },
    )


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        pytest.param(
            "La virologa Elena Fabbri ha presentato lo studio. Secondo lei, il picco è passato.",
            "il picco è passato",
            "Elena Fabbri",
            id="secondo-lei",
        ),
        pytest.param(
            "La virologa Elena Fabbri ha presentato lo studio. A suo avviso, il picco è passato.",
            "il picco è passato",
            "Elena Fabbri",
            id="a-suo-avviso",
        ),
        pytest.param(
            "I residenti hanno protestato davanti al porto. Il fermo, a loro dire, è ingiusto.",
            "è ingiusto",
            "I residenti",
            id="a-loro-dire-inside-the-clause",
        ),
    ],
)
def test_it_gives_a_marker_with_a_pronoun_or_possessive_to_the_speaker_named_before(
    text, hint, source
):
    claim = find_claim(text, "it", hint)
    assert claim.source is not None and source in claim.source.text


def test_it_drops_a_possessive_marker_that_repeats_the_sentences_cue():
    text = "Si tratta, a suo dire, di un errore dei tecnici, ha detto il sindaco Gino Valli."
    claims = [c for c in extract(text, "it") if c.source is not None]
    assert len(claims) == 1
    check_fields(claims[0], {"source": "il sindaco Gino Valli", "cue": "ha detto"})


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "Una passeggera racconta che il treno è rimasto fermo due ore.",
            "il treno è rimasto fermo",
        ),
        ("Un vicino di casa ha raccontato di aver sentito urla.", "aver sentito urla"),
        ("Un commerciante della zona spiega che le vetrine sono state sfondate.", "le vetrine"),
    ],
)
def test_it_reads_an_unnamed_witness_as_an_anonymous_source(text, hint):
    check_fields(find_claim(text, "it", hint), {"kind": "anonymous"})


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        pytest.param(
            "«Il servizio riprenderà a gennaio»: così l'assessora ai trasporti Nadia Conte.",
            "Il servizio riprenderà",
            {"source": "l'assessora ai trasporti Nadia Conte", "cue": "così", "quote": "direct"},
            id="quotation-colon",
        ),
        pytest.param(
            "Il servizio riprenderà a gennaio, così la Provincia.",
            "Il servizio riprenderà",
            {"source": "la Provincia", "cue": "così", "quote": "indirect"},
            id="clause-comma",
        ),
    ],
)
def test_it_gives_a_clause_ended_by_cosi_x_to_x(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_cosi_before_a_plain_noun_as_no_attribution():
    claims = extract("La squadra ha perso in casa, così il campionato si riapre.", "it")
    assert all(c.source is None for c in claims)


@pytest.mark.parametrize(
    ("text", "hint", "cue"),
    [
        (
            "La Corte d'appello ha stabilito che il contratto era nullo.",
            "il contratto era nullo",
            "ha stabilito",
        ),
        (
            "I carabinieri hanno accertato che il conducente era ubriaco.",
            "il conducente era ubriaco",
            "hanno accertato",
        ),
        (
            "Il ministro ha lasciato intendere che le accise scenderanno.",
            "le accise scenderanno",
            "ha lasciato intendere",
        ),
        (
            "La portavoce ha fatto capire che l'incontro è saltato.",
            "l'incontro è saltato",
            "ha fatto capire",
        ),
        (
            "Il testimone ha messo a verbale che l'auto era rossa.",
            "l'auto era rossa",
            "ha messo a verbale",
        ),
    ],
)
def test_it_reads_more_verbs_of_saying_and_finding_before_their_clause(text, hint, cue):
    claim = find_claim(text, "it", hint)
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.source is not None


@pytest.mark.parametrize(
    "text",
    [
        "Il tribunale ha stabilito un risarcimento di diecimila euro.",
        "Gli agenti hanno accertato l'identità del conducente.",
    ],
)
def test_it_reads_a_verb_that_needs_its_clause_as_no_cue_with_a_plain_object(text):
    assert all(c.cue is None for c in extract(text, "it"))


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        pytest.param(
            "Contattata dal Tirreno, la dirigente scolastica ha confermato che la palestra è inagibile.",
            "la palestra è inagibile",
            {"source": "la dirigente scolastica", "channel": "Tirreno"},
            id="fronted-contacted-by-outlet",
        ),
        pytest.param(
            "Raggiunto al telefono, il parroco ha spiegato che la festa è rinviata.",
            "la festa è rinviata",
            {"source": "il parroco", "channel": None},
            id="fronted-participle-clause-not-in-source",
        ),
    ],
)
def test_it_reads_a_fronted_participle_clause_before_the_subject(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_an_addressee_after_a_dashed_cue_as_no_source():
    text = (
        "La sindaca Ilaria Testa è arrivata alle dieci. "
        "«Il quartiere è isolato – ha detto ai cronisti –. Serve un ponte provvisorio»."
    )
    claim = find_claim(text, "it", "Il quartiere è isolato")
    assert claim.source is not None and "Ilaria Testa" in claim.source.text


def test_it_gives_the_quotation_before_si_legge_to_the_document_after_it():
    text = "«I controlli erano regolari», si legge nella relazione."
    check_fields(
        find_claim(text, "it", "I controlli"),
        {
            "content": "I controlli erano regolari",
            "source": "relazione",
            "kind": "document",
            "quote": "direct",
        },
    )


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Secondo quanto appreso dall'Adnkronos, la gara sarà annullata.",
            "la gara sarà annullata",
            "Adnkronos",
        ),
        (
            "Da quanto ricostruito dai vigili, il camion ha sbandato sul ghiaccio.",
            "il camion ha sbandato",
            "vigili",
        ),
        (
            "La giunta, stando a quanto trapela dal Comune, è divisa sul bilancio.",
            "è divisa sul bilancio",
            "Comune",
        ),
    ],
)
def test_it_reads_quanto_with_a_participle_or_a_leak_and_its_agent(text, hint, source):
    check_fields(find_claim(text, "it", hint), {"source": source})


def test_it_does_not_take_a_place_after_di_for_a_surname_that_speaks():
    text = (
        "Rapina di Chiavari, fermati due giovani\n\n"
        "Il pm di Chiavari ha chiesto la convalida. "
        "Nella richiesta il magistrato scrive che i due hanno agito insieme."
    )
    claim = find_claim(text, "it", "i due hanno agito")
    check_fields(claim, {"source": "il magistrato", "kind": "role"})


def test_it_reads_an_unnamed_man_or_woman_who_speaks_as_anonymous():
    text = "«Ho visto il fumo dalla finestra», racconta una donna che abita al terzo piano."
    check_fields(find_claim(text, "it", "Ho visto il fumo"), {"kind": "anonymous"})


def test_it_resolves_il_legale_to_the_lawyer_named_before():
    text = (
        "L'avvocata dell'indagato, Serena Pozzi, ha chiesto i domiciliari. "
        "«Non c'è alcun rischio di fuga», ha detto il legale."
    )
    check_fields(
        find_claim(text, "it", "rischio di fuga"), {"kind": "person", "name": "Serena Pozzi"}
    )


def test_it_reads_a_place_after_an_inverted_verb_as_no_source():
    text = (
        "La ministra Carla Vitale ha firmato il decreto. "
        "«È una svolta per le famiglie», ha scritto su Instagram."
    )
    claim = find_claim(text, "it", "È una svolta")
    assert claim.source is not None and "Carla Vitale" in claim.source.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "La rettrice Anna Galli alla Stampa: «Le tasse universitarie non aumenteranno».",
            {"source": "La rettrice Anna Galli", "channel": "Stampa", "quote": "direct"},
            id="speaker-to-outlet",
        ),
        pytest.param(
            "Il consorzio, da parte sua, si difende: «Abbiamo rispettato ogni norma».",
            {"source": "Il consorzio", "quote": "direct"},
            id="speaker-adverbial-reflexive-verb",
        ),
    ],
)
def test_it_reads_a_speaker_label_before_a_colon_and_quotation(text, expected):
    claim = find_claim(text, "it", text.split("«")[1][:12])
    check_fields(claim, expected)


def test_it_never_takes_the_impersonal_si_for_a_source():
    text = (
        "L'Arpa ha pubblicato il bollettino. Si precisa inoltre che l'ozono resta sotto la soglia."
    )
    check_fields(
        find_claim(text, "it", "l'ozono resta"),
        {"source": "L'Arpa", "content": "l'ozono resta sotto la soglia"},
    )


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (
            "In un'intervista rilasciata al Messaggero, la sindaca ha detto che il bilancio è sano.",
            "Messaggero",
        ),
        (
            "In un editoriale pubblicato sul Foglio, il giurista sostiene che la norma è incostituzionale.",
            "Foglio",
        ),
    ],
)
def test_it_reads_the_outlet_of_an_interview_given_or_published_as_channel(text, channel):
    claim = find_claim(text, "it", "è")
    assert claim.channel is not None and claim.channel.text == channel


def test_it_gives_a_possessive_account_to_the_speaker_named_before():
    text = (
        "Il comandante dei vigili ha riferito che la strada era ghiacciata. "
        "Secondo la sua ricostruzione, l'auto ha sbandato in curva."
    )
    claim = find_claim(text, "it", "l'auto ha sbandato")
    check_fields(claim, {"source": "Il comandante dei vigili", "cue": "Secondo"})


def test_it_reads_the_object_after_a_sentence_opening_verb_as_its_claim():
    text = (
        "La rettrice Marta Cerri ha parlato agli studenti. "
        "Infine ha annunciato tre nuove borse di studio."
    )
    claim = find_claim(text, "it", "borse di studio")
    check_fields(claim, {"content": "tre nuove borse di studio", "cue": "ha annunciato"})
    assert claim.source is not None and "Marta Cerri" in claim.source.text


@pytest.mark.parametrize(
    "text",
    [
        "Il portiere ha riportato una lussazione alla spalla.",
        "La banca ha riportato perdite per tre milioni nel trimestre.",
        "La guardia di finanza ha denunciato due persone per frode fiscale.",
        "I vigili hanno denunciato un automobilista per guida pericolosa.",
    ],
)
def test_it_reads_riportare_and_denunciare_with_an_event_object_as_no_cue(text):
    assert all(c.cue is None for c in extract(text, "it"))


def test_it_still_reads_denunciare_with_a_claim_as_a_cue():
    claim = find_claim("Il comitato denuncia il degrado del parco giochi.", "it", "il degrado")
    check_fields(claim, {"source": "Il comitato", "cue": "denuncia"})


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Secca la smentita di Palazzo Chigi: «Nessuna crisi di governo».", "Palazzo Chigi"),
        ("Dura la presa di posizione della Cisl: «Così si colpiscono i pensionati».", "Cisl"),
        ("La versione della difesa: «Il nostro assistito era altrove».", "difesa"),
    ],
)
def test_it_reads_more_speech_nouns_before_a_colon_and_quotation(text, source):
    claim = find_claim(text, "it", text.split("«")[1][:10])
    check_fields(claim, {"source": source, "quote": "direct"})


def test_it_reads_the_object_of_a_denial_noun_as_no_speaker():
    text = "Il club ha diffuso una secca smentita della notizia: «Nessun incontro con il tecnico»."
    claim = find_claim(text, "it", "Nessun incontro")
    assert claim.source is None or claim.source.text != "notizia"


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        pytest.param(
            "L'allarme arriva dall'Anci: metà dei comuni non riesce a pagare i fornitori.",
            "metà dei comuni",
            {"source": "Anci", "quote": "indirect"},
            id="arriva-da-colon",
        ),
        pytest.param(
            "La replica è arrivata dal sottosegretario: «Nessun taglio».",
            "Nessun taglio",
            {"source": "sottosegretario", "quote": "direct"},
            id="e-arrivata-da-quotation",
        ),
        pytest.param(
            "A lanciare l'allarme è Legambiente, secondo cui il lago si è ridotto di un terzo.",
            "il lago si è ridotto",
            {"source": "Legambiente", "cue": "secondo cui"},
            id="cleft-then-secondo-cui",
        ),
    ],
)
def test_it_gives_a_statement_that_arrives_from_x_to_x(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_something_arriving_from_a_place_as_no_attribution():
    claims = extract("La perturbazione arriva da ovest: domani temporali in Liguria.", "it")
    assert all(c.source is None for c in claims)


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Si legge nelle motivazioni che l'imputato non poteva sapere.",
            "l'imputato non poteva",
            "motivazioni",
        ),
        (
            "Si legge nell'informativa che il gruppo aveva basi in tre città.",
            "il gruppo aveva basi",
            "informativa",
        ),
    ],
)
def test_it_finds_the_document_after_si_legge_with_a_fused_preposition(text, hint, source):
    check_fields(
        find_claim(text, "it", hint), {"source": source, "kind": "document", "cue": "Si legge"}
    )


def test_it_gives_the_sentence_before_e_quanto_emerge_da_to_the_document():
    text = "L'appalto era stato assegnato senza gara. È quanto emerge dagli atti della Procura."
    check_fields(
        find_claim(text, "it", "L'appalto era stato assegnato"),
        {"source": "atti della Procura", "cue": "emerge"},
    )


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Intervenendo a Radio24, la ministra ha detto che il bonus sarà confermato.", "Radio24"),
        ("Ai microfoni del Tg3, il prefetto ha spiegato che l'allerta è finita.", "Tg3"),
    ],
)
def test_it_reads_an_outlet_in_a_fronted_phrase_as_the_channel(text, channel):
    claim = extract(text, "it")[0]
    assert claim.channel is not None and channel in claim.channel.text


def test_it_reads_a_fronted_phrase_without_an_outlet_as_no_channel():
    text = "A margine del convegno, la ministra ha detto che il bonus sarà confermato."
    assert extract(text, "it")[0].channel is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Il nuovo governo ha giurato al Quirinale, ha riferito la Rai.",
            "Il nuovo governo ha giurato al Quirinale",
        ),
        ("L'uomo ha confessato, ha riferito la polizia.", "L'uomo ha confessato"),
    ],
)
def test_it_reads_swearing_in_and_confessing_as_events_reported_by_the_cue_after(text, content):
    claim = find_claim(text, "it", content)
    assert claim.content.text == content and claim.source is not None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "La presidente dell'ordine è netta: «Mancano mille infermieri».",
            "La presidente dell'ordine",
        ),
        (
            "Il questore Dario Landi non ha dubbi: «È stata una rapina pianificata».",
            "Il questore Dario Landi",
        ),
        ("La replica del sindaco non si è fatta attendere: «Accuse infondate».", "sindaco"),
    ],
)
def test_it_reads_a_verdict_on_the_speaker_before_a_colon_and_quotation(text, source):
    claim = find_claim(text, "it", text.split("«")[1][:8])
    check_fields(claim, {"source": source, "quote": "direct"})


def test_it_reads_a_verdict_on_a_thing_before_a_quotation_as_no_speaker():
    claims = extract("La situazione è grave: «Mancano i medici».", "it")
    assert all(c.source is None for c in claims)


def test_it_leaves_a_fronted_verdict_out_of_a_speaker_label():
    claim = find_claim(
        "Durissima la consigliera Elsa Neri: «Una scelta vergognosa».", "it", "Una scelta"
    )
    check_fields(claim, {"source": "la consigliera Elsa Neri", "kind": "person"})


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "È stata la preside a spiegare che le lezioni riprenderanno lunedì.",
            "le lezioni riprenderanno",
            "la preside",
        ),
        (
            "Sono stati i vigili del fuoco a riferire: il tetto è crollato alle tre.",
            "il tetto è crollato",
            "i vigili del fuoco",
        ),
        (
            "Il tetto è crollato alle tre. È stato il comandante dei vigili a confermarlo.",
            "Il tetto è crollato",
            "il comandante dei vigili",
        ),
    ],
)
def test_it_reads_a_cleft_e_stato_x_a_dire(text, hint, source):
    check_fields(find_claim(text, "it", hint), {"source": source})


def test_it_reads_a_cleft_with_a_verb_of_doing_as_no_attribution():
    claims = extract("Sono stati i carabinieri a ritrovare la refurtiva.", "it")
    assert all(c.source is None for c in claims)


def test_it_keeps_a_clause_whole_around_a_marker_aside_before_a_verb_that_needs_a_clause():
    text = "La sindaca, secondo fonti del Comune, avrebbe chiesto alla Regione un incontro urgente."
    claim = find_claim(text, "it", "un incontro urgente")
    check_fields(
        claim,
        {
            "content": "La sindaca, secondo fonti del Comune, avrebbe chiesto alla Regione un incontro urgente",
            "source": "fonti del Comune",
            "hedged": True,
        },
    )


def test_it_keeps_a_relative_clause_whole_around_an_inserted_cue_and_a_quotation():
    text = "È un rischio che, ha sottolineato la virologa, «non possiamo più ignorare»."
    claims = extract(text, "it")
    assert len(claims) == 1
    check_fields(claims[0], {"source": "la virologa", "quote": "mixed"})


def test_it_gives_an_inserted_plural_cue_the_plural_source_that_opened_its_sentence():
    text = (
        "Il Comune ha pubblicato i conti. "
        "Ambienti della maggioranza minimizzano: il buco, spiegano, sarà coperto entro l'anno."
    )
    claim = find_claim(text, "it", "il buco")
    check_fields(
        claim,
        {
            "source": "Ambienti della maggioranza",
            "content": "il buco, spiegano, sarà coperto entro l'anno",
        },
    )


def test_it_never_gives_an_inserted_cue_the_subject_of_its_own_content():
    text = "I sindacati hanno incontrato il prefetto. I lavoratori, spiegano, sono esasperati."
    claim = find_claim(text, "it", "sono esasperati")
    assert claim.source is not None and claim.source.text == "I sindacati"


@pytest.mark.parametrize(
    "text",
    [
        "La frana sembrerebbe causata da una perdita dell'acquedotto.",
        "Pare sia stata una perdita dell'acquedotto a causare la frana.",
        "Il condizionale è d'obbligo: la frana sarebbe stata causata da una perdita.",
    ],
)
def test_it_hedges_appearance_and_pare_sia(text):
    assert any(c.hedged for c in extract(text, "it"))


def test_it_gives_a_quotation_after_a_bare_speech_noun_to_the_speaker_going_on():
    text = (
        "La ministra Lucia Sarti ha presentato il piano casa. "
        "Quindi la promessa: «Nessuna famiglia resterà senza alloggio»."
    )
    claim = find_claim(text, "it", "Nessuna famiglia")
    assert claim.source is not None and "Lucia Sarti" in claim.source.text
    assert claim.quote == "direct"


def test_it_makes_an_outlet_before_a_speaking_subject_the_channel():
    text = "Secondo il Guardian, fonti del governo britannico sostengono che il vertice è saltato."
    claims = [c for c in extract(text, "it") if c.source is not None]
    assert len(claims) == 1
    check_fields(
        claims[0],
        {
            "source": "fonti del governo britannico",
            "channel": "il Guardian",
            "kind": "anonymous",
            "content": "il vertice è saltato",
        },
    )


def test_it_gives_what_an_outlet_reports_citing_sources_in_a_relative_to_those_sources():
    text = "Le truppe hanno lasciato la città. Lo riferisce l'agenzia Anadolu, che cita fonti militari."
    check_fields(
        find_claim(text, "it", "Le truppe"),
        {"source": "fonti militari", "channel": "l'agenzia Anadolu", "kind": "anonymous"},
    )


def test_it_keeps_a_quotation_interrupted_by_si_legge_whole():
    text = "Il sindacato ha proclamato lo sciopero: «I turni sono disumani – si legge nella nota –, serve personale»."
    check_fields(
        find_claim(text, "it", "I turni sono disumani"),
        {
            "content": "I turni sono disumani – si legge nella nota –, serve personale",
            "source": "nota",
            "quote": "direct",
        },
    )


def test_it_keeps_the_subject_before_an_inserted_unnamed_leak():
    text = "Il fermato, secondo quanto si apprende, avrebbe già precedenti per furto."
    check_fields(
        find_claim(text, "it", "avrebbe già precedenti"),
        {
            "content": "Il fermato, secondo quanto si apprende, avrebbe già precedenti per furto",
            "source": None,
        },
    )


def test_it_reads_an_unnamed_colleague_as_anonymous():
    claim = find_claim(
        "«Siamo allo stremo», racconta una collega della vittima.", "it", "Siamo allo stremo"
    )
    check_fields(claim, {"kind": "anonymous"})


@pytest.mark.parametrize(
    "text",
    [
        "(ANSA) - BARI, 4 GIU - Il porto resterà chiuso fino a domenica per il maltempo.",
        "(AGI) - Bari, 4 giu. - Il porto resterà chiuso fino a domenica per il maltempo.",
        "(ANSA) - Il porto resterà chiuso fino a domenica per il maltempo.",
    ],
)
def test_it_leaves_an_agency_dateline_out_of_the_first_claim(text):
    assert extract(text, "it")[0].content.text.startswith("Il porto resterà chiuso")


def test_it_reads_a_passive_cue_with_its_agent_before_che():
    claim = find_claim(
        "È stato confermato dalla Prefettura che le scuole resteranno chiuse.", "it", "le scuole"
    )
    check_fields(
        claim,
        {"source": "Prefettura", "content": "le scuole resteranno chiuse", "kind": "organization"},
    )


def test_it_splits_a_quotation_where_a_sentence_ends_at_the_dashed_cue():
    text = "«Il ponte è sicuro – ha spiegato l'ingegnera Carla Dini –. Riaprirà lunedì»."
    first = find_claim(text, "it", "Il ponte è sicuro")
    second = find_claim(text, "it", "Riaprirà lunedì")
    assert first is not second
    for claim in (first, second):
        check_fields(claim, {"source": "l'ingegnera Carla Dini", "quote": "direct"})


def test_it_resolves_a_dropped_subject_to_the_name_after_secondo_not_the_marker():
    text = (
        "Secondo Lanza, le notti tropicali sono triplicate. "
        "«Il dato più grave – aggiunge – riguarda le città costiere»."
    )
    claim = find_claim(text, "it", "Il dato più grave")
    assert claim.source is not None and claim.source.text == "Lanza"


def test_it_keeps_a_long_subject_after_an_inserted_cue_in_the_claim():
    text = (
        "Nei reparti, riferiscono i sindacati, i turni di notte senza medico sono ormai la regola."
    )
    check_fields(
        find_claim(text, "it", "turni di notte"),
        {"content": text[:-1], "source": "i sindacati"},
    )


def test_it_keeps_a_short_subject_before_a_dashed_cue_inside_the_quotation():
    text = "«I cantieri – ha detto l'assessora Rita Bassi – chiuderanno entro l'estate»."
    claim = find_claim(text, "it", "I cantieri")
    check_fields(claim, {"source": "l'assessora Rita Bassi", "quote": "direct"})
    assert claim.content.text.endswith("chiuderanno entro l'estate")


def test_it_finds_the_antecedent_of_secondo_cui_after_a_verbless_verdict():
    text = "Di tutt'altro avviso la segretaria della Cgil, secondo cui la riforma taglia i salari."
    check_fields(
        find_claim(text, "it", "la riforma taglia"),
        {"source": "la segretaria della Cgil", "cue": "secondo cui"},
    )


@pytest.mark.parametrize(
    ("text", "hint", "cue"),
    [
        (
            "Il cassiere ha confessato di aver sottratto i soldi.",
            "aver sottratto i soldi",
            "ha confessato",
        ),
        (
            "L'imputato ha giurato di non aver mai visto la vittima.",
            "non aver mai visto",
            "ha giurato",
        ),
    ],
)
def test_it_reads_confessing_and_swearing_before_their_clause_as_cues(text, hint, cue):
    claim = find_claim(text, "it", hint)
    assert claim.cue is not None and claim.cue.text == cue


def test_it_reads_a_clause_final_verb_that_needs_its_clause_after_a_marker_aside_as_no_cue():
    text = "Il fermato, secondo la polizia, ha confessato."
    claims = extract(text, "it")
    assert len(claims) == 1
    check_fields(
        claims[0], {"content": "Il fermato, secondo la polizia, ha confessato", "cue": "secondo"}
    )


def test_it_reads_a_gerund_with_a_fused_pronoun_before_a_quoted_verdict():
    text = "La Farnesina ha condannato il raid, definendolo «una violazione del diritto internazionale»."
    check_fields(
        find_claim(text, "it", "una violazione"),
        {"source": "La Farnesina", "cue": "definendolo", "quote": "direct"},
    )


def test_it_splits_at_a_sentence_end_after_a_dashed_cue_with_an_addressee():
    text = (
        "Il sindaco Elio Papi è arrivato alle nove. "
        "«Nessuno si è fatto male – ha detto ai cronisti –. Riapriremo la scuola a settembre»."
    )
    first = find_claim(text, "it", "Nessuno si è fatto male")
    second = find_claim(text, "it", "Riapriremo la scuola")
    assert first is not second
    assert "Elio Papi" in first.source.text and "Elio Papi" in second.source.text


def test_it_reads_calculations_as_a_document():
    claim = find_claim(
        "Secondo i calcoli dell'Adiconsum, la bolletta salirà di 90 euro.", "it", "la bolletta"
    )
    assert claim.source_kind in ("document", "organization")


def test_it_gives_a_survey_published_by_an_outlet_the_outlet_as_channel():
    text = (
        "Secondo un sondaggio Swg pubblicato ieri dal Messaggero, il 40% degli elettori è indeciso."
    )
    check_fields(
        find_claim(text, "it", "elettori"),
        {"source": "un sondaggio Swg", "channel": "Messaggero", "kind": "document"},
    )


def test_it_keeps_a_report_published_by_its_author_whole():
    text = "Secondo il rapporto pubblicato dall'Istat, la povertà assoluta è in aumento."
    claim = find_claim(text, "it", "la povertà")
    assert claim.channel is None and "Istat" in claim.source.text


def test_it_keeps_the_words_before_a_dashed_cue_that_closes_the_quotation():
    text = "«Le scuole resteranno chiuse fino a lunedì – ha spiegato il prefetto –.»"
    claim = find_claim(text, "it", "Le scuole resteranno chiuse")
    check_fields(claim, {"source": "il prefetto", "quote": "direct"})


def test_it_reads_per_lui_and_its_comma_as_according_to_the_speaker_before():
    text = "Il rettore Guido Santi ha parlato agli studenti. Per lui, la riforma è un errore."
    claim = find_claim(text, "it", "la riforma è un errore")
    assert claim.source is not None and "Guido Santi" in claim.source.text


def test_it_reads_per_lui_before_a_verb_as_for_him():
    text = "Il rettore Guido Santi ha parlato agli studenti. Per lui, è stata una giornata lunga."
    claim = find_claim(text, "it", "giornata lunga")
    assert claim.source is None


@pytest.mark.parametrize(
    "text",
    [
        "Nella lettera inviata alla stampa, la regista ha spiegato che il film uscirà a maggio.",
        "In un video pubblicato sul profilo Instagram della squadra, il capitano ha detto che resterà.",
    ],
)
def test_it_reads_the_press_at_large_or_a_social_page_as_no_channel(text):
    assert all(c.channel is None for c in extract(text, "it"))
