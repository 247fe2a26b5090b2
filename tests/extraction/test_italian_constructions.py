# ruff: noqa: E501 -- the tables hold whole example sentences
"""Italian attribution constructions, one row per construction (sentences written for these tests)."""

import pytest

from claims.extraction import extract

from .conftest import check_fields, find_claim

IT = [
    pytest.param(
        "Il sindaco di Ravenna, Paolo Ferretti, ha detto che la metropolitana aprirà a giugno.",
        "la metropolitana aprirà a giugno",
        {
            "source": "Il sindaco di Ravenna, Paolo Ferretti",
            "cue": "ha detto",
            "kind": "person",
            "quote": "indirect",
            "hedged": False,
            "name": "Paolo Ferretti",
            "channel": None,
        },
        id="x-ha-detto-che-y",
    ),
    pytest.param(
        "La metropolitana aprirà a giugno, ha detto il sindaco Paolo Ferretti.",
        "La metropolitana aprirà a giugno",
        {
            "source": "il sindaco Paolo Ferretti",
            "cue": "ha detto",
            "kind": "person",
            "quote": "indirect",
        },
        id="y-ha-detto-x",
    ),
    pytest.param(
        "L'assessora Giulia Fabbri ha voluto precisare che il bando resta aperto fino a maggio.",
        "il bando resta aperto fino a maggio",
        {
            "source": "L'assessora Giulia Fabbri",
            "cue": "ha voluto precisare",
            "kind": "person",
            "quote": "indirect",
            "hedged": False,
        },
        id="x-ha-voluto-precisare-che-y",
    ),
    pytest.param(
        "La vicesindaca, Lena Borsari, ha spiegato ai giornalisti che le tariffe aumentano a maggio.",
        "le tariffe aumentano a maggio",
        {"source": "La vicesindaca, Lena Borsari", "cue": "ha spiegato", "kind": "person"},
        id="role-name-ha-spiegato-ai-giornalisti-che-y",
    ),
    pytest.param(
        "Secondo il direttore del consorzio, ing. Bruno Aimar, la diga ha retto senza danni.",
        "la diga ha retto senza danni",
        {
            "source": "il direttore del consorzio, ing. Bruno Aimar",
            "cue": "Secondo",
            "kind": "person",
            "name": "Bruno Aimar",
        },
        id="secondo-role-titled-name-y",
    ),
    pytest.param(
        "Stando agli atti depositati in cancelleria, l'indagine sarebbe partita da un esposto anonimo.",
        "l'indagine sarebbe partita da un esposto anonimo",
        {
            "source": "atti depositati in cancelleria",
            "cue": "Stando agli",
            "kind": "document",
            "hedged": True,
        },
        id="stando-agli-x-y",
    ),
    pytest.param(
        "Il direttore del museo, dott. Ivo Sandri, ha definito la scoperta «eccezionale».",
        "la scoperta «eccezionale»",
        {
            "source": "Il direttore del museo, dott. Ivo Sandri",
            "cue": "ha definito",
            "kind": "person",
        },
        id="role-titled-name-ha-definito-x-y",
    ),
    pytest.param(
        "«Il ponte resta chiuso», ha tagliato corto la sindaca Alba Ferri.",
        "Il ponte resta chiuso",
        {"source": "la sindaca Alba Ferri", "cue": "ha tagliato corto"},
        id="y-ha-tagliato-corto-x",
    ),
    pytest.param(
        "Per una famiglia di quattro persone l'aumento sarà di 20 euro l'anno, ha calcolato l'ufficio tributi.",
        "Per una famiglia di quattro persone l'aumento sarà di 20 euro l'anno",
        {"source": "l'ufficio tributi", "cue": "ha calcolato"},
        id="y-ha-calcolato-x",
    ),
    pytest.param(
        "Di parere opposto la vicesindaca Lea Marchi, che in un'intervista alla Gazzetta di Ponente ha accusato la Regione di «ritardi inaccettabili».",
        "la Regione di «ritardi inaccettabili»",
        {
            "source": "la vicesindaca Lea Marchi",
            "cue": "ha accusato",
            "channel": "Gazzetta di Ponente",
        },
        id="x-che-in-un-intervista-al-y-ha-accusato",
    ),
    pytest.param(
        "Il difensore ha detto ai cronisti, all'uscita dal tribunale, che il suo assistito è innocente.",
        "il suo assistito è innocente",
        {"source": "Il difensore", "cue": "ha detto", "content": "il suo assistito è innocente"},
        id="x-ha-detto-ai-cronisti-aside-che-y",
    ),
    pytest.param(
        "La proposta, a detta dell'assessore, sarà discussa a giugno.",
        "La proposta, a detta dell'assessore, sarà discussa a giugno",
        {"source": "assessore", "cue": "a detta dell"},
        id="y-a-detta-dell-x-z",
    ),
    pytest.param(
        "A parere dei geologi, il versante resta instabile.",
        "il versante resta instabile",
        {"source": "geologi", "cue": "A parere dei", "kind": "anonymous"},
        id="a-parere-dei-x-y",
    ),
    pytest.param(
        "La nefrologa Anna Bellotto, primaria a Rovigo, ha osservato in un'intervista al Resto di Ponente che il campione era piccolo.",
        "il campione era piccolo",
        {
            "source": "La nefrologa Anna Bellotto, primaria a Rovigo",
            "cue": "ha osservato",
            "channel": "Resto di Ponente",
            "kind": "person",
        },
        id="x-apposition-ha-detto-in-un-intervista-al-y-che",
    ),
    pytest.param(
        "La vicesindaca, Carla Bonomi, eletta dopo le dimissioni del sindaco, ha spiegato che il Comune chiederà i danni.",
        "il Comune chiederà i danni",
        {
            "source": "La vicesindaca, Carla Bonomi, eletta dopo le dimissioni del sindaco",
            "cue": "ha spiegato",
            "kind": "person",
        },
        id="x-participle-apposition-ha-spiegato-che",
    ),
    pytest.param(
        "Il parroco, don Elia Ferri, ha detto all'Ansa di non saperne nulla.",
        "non saperne nulla",
        {"source": "Il parroco, don Elia Ferri", "cue": "ha detto", "channel": "Ansa"},
        id="x-ha-detto-all-outlet-di-infinitive",
    ),
    pytest.param(
        "«Non ci saranno rincari», ha assicurato la ministra Elena Sarti.",
        "Non ci saranno rincari",
        {
            "source": "la ministra Elena Sarti",
            "cue": "ha assicurato",
            "kind": "person",
            "quote": "direct",
            "content": "Non ci saranno rincari",
        },
        id="quote-then-attribution",
    ),
    pytest.param(
        "Dura la replica dell'assessore Marco Bellini: «I dati del rapporto sono sbagliati».",
        "I dati del rapporto sono sbagliati",
        {
            "source": "assessore Marco Bellini",
            "cue": "replica",
            "kind": "person",
            "quote": "direct",
        },
        id="speaker-colon-quote",
    ),
    pytest.param(
        "Il presidente dell'Anci, Carlo Neri: «Servono subito altri fondi per i comuni».",
        "Servono subito altri fondi",
        {
            "source": "Il presidente dell'Anci, Carlo Neri",
            "kind": "person",
            "quote": "direct",
            "cue": None,
        },
        id="name-colon-quote",
    ),
    pytest.param(
        "Secondo l'Istat, l'inflazione è scesa all'1,2% a ottobre.",
        "l'inflazione è scesa",
        {
            "source": "l'Istat",
            "cue": "Secondo",
            "kind": "organization",
            "quote": "indirect",
            "hedged": False,
        },
        id="secondo-x-y",
    ),
    pytest.param(
        "L'inflazione è scesa all'1,2% a ottobre, secondo l'Istat.",
        "L'inflazione è scesa",
        {"source": "l'Istat", "cue": "secondo", "kind": "organization"},
        id="y-secondo-x",
    ),
    pytest.param(
        "Fonti della procura riferiscono che l'indagato avrebbe confessato.",
        "l'indagato avrebbe confessato",
        {
            "source": "Fonti della procura",
            "cue": "riferiscono",
            "kind": "anonymous",
            "hedged": True,
        },
        id="fonti-riferiscono-che",
    ),
    pytest.param(
        "L'accordo sarebbe stato firmato ieri sera – a quanto si apprende da fonti sindacali – dopo dodici "
        "ore di trattativa.",
        "L'accordo sarebbe stato firmato",
        {
            "source": "fonti sindacali",
            "cue": "a quanto si apprende da",
            "kind": "anonymous",
            "hedged": True,
        },
        id="a-quanto-si-apprende-da",
    ),
    pytest.param(
        "Stando ai dati della Protezione civile, i dispersi sono ancora quattro.",
        "i dispersi sono ancora quattro",
        {"source": "dati della Protezione civile", "cue": "Stando ai", "kind": "organization"},
        id="stando-a",
    ),
    pytest.param(
        "A detta dei residenti, l'acqua è arrivata in pochi minuti.",
        "l'acqua è arrivata",
        {"source": "residenti", "cue": "A detta dei", "kind": "anonymous"},
        id="a-detta-di",
    ),
    pytest.param(
        "Il ministro Sarti ha detto all'Ansa che il decreto arriverà lunedì.",
        "il decreto arriverà lunedì",
        {"source": "Il ministro Sarti", "cue": "ha detto", "channel": "Ansa", "kind": "person"},
        id="channel-after-cue",
    ),
    pytest.param(
        "In un'intervista al Corriere della Sera, il ministro Sarti ha spiegato che il decreto è pronto.",
        "il decreto è pronto",
        {"source": "il ministro Sarti", "channel": "Corriere della Sera", "cue": "ha spiegato"},
        id="channel-interview",
    ),
    pytest.param(
        "Come riporta il Corriere della Sera, la società ha chiuso il bilancio in perdita.",
        "la società ha chiuso il bilancio",
        {"source": "il Corriere della Sera", "kind": "media", "cue": "Come riporta"},
        id="come-riporta-media-source",
    ),
    pytest.param(
        "Come riporta l'Ansa, il sindaco Ferretti ha spiegato che il ponte riaprirà a marzo.",
        "il ponte riaprirà a marzo",
        {"source": "il sindaco Ferretti", "channel": "l'Ansa", "cue": "ha spiegato"},
        id="come-riporta-channel",
    ),
    pytest.param(
        "La Farnesina fa sapere che i connazionali sono tutti rientrati.",
        "i connazionali sono tutti rientrati",
        {"source": "La Farnesina", "cue": "fa sapere", "kind": "organization"},
        id="fa-sapere",
    ),
    pytest.param(
        "Il generale disse che le truppe sarebbero rientrate entro l'estate.",
        "le truppe sarebbero rientrate",
        {"source": "Il generale", "cue": "disse", "hedged": False, "kind": "role"},
        id="passato-remoto-future-in-past-is-not-a-hedge",
    ),
    pytest.param(
        "Il testimone raccontava che l'auto procedeva a forte velocità.",
        "l'auto procedeva",
        {"source": "Il testimone", "cue": "raccontava", "kind": "anonymous"},
        id="imperfetto",
    ),
    pytest.param(
        "Il ministro avrebbe detto ai collaboratori che il piano è saltato.",
        "il piano è saltato",
        {"cue": "avrebbe detto", "hedged": True, "channel": None},
        id="conditional-cue-is-a-hedge",
    ),
    pytest.param(
        "Secondo gli investigatori, il presunto autore della rapina è fuggito in Svizzera.",
        "il presunto autore",
        {"source": "gli investigatori", "kind": "anonymous", "hedged": True},
        id="presunto-is-a-hedge",
    ),
    pytest.param(
        "La Procura ha smentito le indiscrezioni e ha precisato che nessun avviso è stato notificato.",
        "nessun avviso è stato notificato",
        {"source": "La Procura", "cue": "ha precisato", "kind": "organization"},
        id="coordinated-cues-share-the-subject",
    ),
    pytest.param(
        "Lo ha riferito all'Adnkronos una fonte della Farnesina, spiegando che i contatti proseguono.",
        "i contatti proseguono",
        {"source": "una fonte della Farnesina", "cue": "spiegando", "kind": "anonymous"},
        id="gerund-inherits-source",
    ),
    pytest.param(
        "Il Comune di Parma, secondo cui i lavori costeranno 3 milioni, non ha ancora firmato.",
        "i lavori costeranno 3 milioni",
        {"source": "Il Comune di Parma", "cue": "secondo cui", "kind": "organization"},
        id="secondo-cui",
    ),
    pytest.param(
        "I lavori – ha precisato l'assessore Bellini – partiranno a settembre.",
        "partiranno a settembre",
        {"source": "l'assessore Bellini", "cue": "ha precisato"},
        id="dash-interruption",
    ),
    pytest.param(
        "Secondo la Banca d'Italia il debito pubblico avrebbe superato i 3.000 miliardi.",
        "il debito pubblico avrebbe superato",
        {"source": "la Banca d'Italia", "cue": "Secondo", "hedged": True, "kind": "organization"},
        id="secondo-without-comma",
    ),
    pytest.param(
        "Il ponte sullo Stretto sarebbe lungo 3,3 chilometri, secondo il progetto definitivo.",
        "Il ponte sullo Stretto",
        {"source": "il progetto definitivo", "kind": "document", "hedged": True},
        id="document-source",
    ),
    pytest.param(
        "Il ministro ha affermato in una nota che i fondi sono stati stanziati.",
        "i fondi sono stati stanziati",
        {"source": "Il ministro", "cue": "ha affermato", "content": "i fondi sono stati stanziati"},
        id="adverbial-before-che",
    ),
    pytest.param(
        "Ha spiegato il sindaco: «I lavori finiranno entro l'estate».",
        "I lavori finiranno",
        {"source": "il sindaco", "cue": "Ha spiegato", "quote": "direct"},
        id="inverted-cue-then-colon",
    ),
    pytest.param(
        "Come ha spiegato il ministro Sarti, il decreto arriverà lunedì.",
        "il decreto arriverà lunedì",
        {"source": "il ministro Sarti", "cue": "Come ha spiegato"},
        id="come-ha-spiegato-x",
    ),
    pytest.param(
        "Il Codacons denuncia che i prezzi sono aumentati del 20%.",
        "i prezzi sono aumentati",
        {
            "source": "Il Codacons",
            "cue": "denuncia",
            "kind": "organization",
            "content": "i prezzi sono aumentati del 20%",
        },
        id="present-tense-cue",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), IT)
def test_it_attributes_each_construction(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_keeps_a_multi_sentence_quotation_in_one_claim():
    text = "Il ministro Sarti ha dichiarato: «Abbiamo chiuso l'accordo. Le risorse ci sono. Ora tocca ai comuni»."
    claim = find_claim(text, "it", "Le risorse ci sono")
    assert claim.content.text == "Abbiamo chiuso l'accordo. Le risorse ci sono. Ora tocca ai comuni"
    check_fields(claim, {"source": "Il ministro Sarti", "quote": "direct", "cue": "ha dichiarato"})


def test_it_attributes_both_halves_of_an_interrupted_quotation():
    text = "«Il piano è pronto», ha spiegato il presidente della Regione Luca Moretti, «e partirà in primavera»."
    first = find_claim(text, "it", "Il piano è pronto")
    second = find_claim(text, "it", "partirà in primavera")
    for claim in (first, second):
        check_fields(
            claim,
            {
                "source": "il presidente della Regione Luca Moretti",
                "quote": "direct",
                "kind": "person",
                "name": "Luca Moretti",
            },
        )


def test_it_resolves_a_dropped_subject_to_the_person_named_before():
    text = "Il governatore Luca Moretti è arrivato a Roma in mattinata. Ha spiegato che il piano sarà pronto domani."
    claim = find_claim(text, "it", "il piano sarà pronto")
    check_fields(claim, {"source": "Luca Moretti", "cue": "Ha spiegato", "kind": "person"})


def test_it_gives_a_following_quotation_to_the_last_speaker():
    text = (
        "Il sindaco Paolo Ferretti ha detto: «Il cantiere chiuderà entro l'estate». "
        "«Non ci saranno altri ritardi»."
    )
    claim = find_claim(text, "it", "Non ci saranno altri ritardi")
    check_fields(claim, {"source": "Il sindaco Paolo Ferretti", "quote": "direct", "cue": None})


def test_it_applies_lo_riferisce_to_the_sentence_before():
    text = "Il vertice è stato rinviato a settembre. Lo riferisce l'agenzia Ansa, citando fonti di governo."
    claim = find_claim(text, "it", "Il vertice è stato rinviato")
    check_fields(
        claim, {"source": "fonti di governo", "channel": "l'agenzia Ansa", "kind": "anonymous"}
    )
    assert all("Lo riferisce" not in c.content.text for c in [claim])


def test_it_resolves_a_role_to_the_person_the_article_names():
    text = (
        "Il presidente francese Emmanuel Macron è arrivato a Roma. "
        "Il presidente francese ha detto che l'intesa sull'energia è vicina."
    )
    claim = find_claim(text, "it", "l'intesa sull'energia è vicina")
    check_fields(
        claim, {"source": "Il presidente francese", "kind": "person", "name": "Emmanuel Macron"}
    )


def test_it_keeps_an_unnamed_role_as_a_role():
    text = "Il portavoce della Regione ha spiegato che le scuole riapriranno lunedì."
    claim = find_claim(text, "it", "le scuole riapriranno")
    check_fields(
        claim,
        {"source": "Il portavoce della Regione", "kind": "role", "name": "portavoce della Regione"},
    )


def test_it_does_not_read_per_as_according_to():
    claim = find_claim(
        "Per il ministro Sarti è stata una settimana di incontri a Bruxelles.", "it", "settimana"
    )
    check_fields(claim, {"source": None, "kind": "author", "quote": "none"})


def test_it_makes_the_articles_own_statements_author_claims():
    claim = find_claim("Il ponte sullo Stretto è lungo 3,3 chilometri.", "it", "Il ponte")
    check_fields(
        claim,
        {
            "source": None,
            "cue": None,
            "channel": None,
            "kind": "author",
            "quote": "none",
            "hedged": False,
            "name": None,
        },
    )


def test_it_marks_se_confermato_as_hedged():
    claim = find_claim(
        "Se confermato, il dato segnerebbe un record per la regione.", "it", "il dato"
    )
    assert claim.hedged


def test_it_leaves_datelines_and_headings_out_of_claims():
    text = (
        "Il piano casa del governo\n\nMILANO – Il traffico in città è aumentato del 10% nel 2024."
    )
    claims = __import__("claims.extraction", fromlist=["extract"]).extract(text, "it")
    assert [c.content.text for c in claims] == ["Il traffico in città è aumentato del 10% nel 2024"]


def test_it_gives_a_cleft_attribution_to_the_sentence_before():
    text = "I consumi sono calati del 2%. Ad annunciarlo è stato il ministro Sarti."
    claim = find_claim(text, "it", "I consumi sono calati")
    check_fields(claim, {"source": "il ministro Sarti", "cue": "Ad annunciarlo"})


def test_it_keeps_a_comma_interrupted_sentence_whole():
    text = "I primi risultati, ha spiegato il direttore dell'agenzia, saranno disponibili entro domani."
    claim = find_claim(text, "it", "saranno disponibili")
    check_fields(
        claim,
        {
            "source": "il direttore dell'agenzia",
            "cue": "ha spiegato",
            "content": "I primi risultati, ha spiegato il direttore dell'agenzia, saranno disponibili "
            "entro domani",
        },
    )


def test_it_reads_di_plus_infinitive_as_reported_content():
    text = "Il titolare del deposito, sentito dai carabinieri, avrebbe dichiarato di non aver ricevuto minacce."
    claim = find_claim(text, "it", "non aver ricevuto minacce")
    check_fields(
        claim, {"source": "Il titolare del deposito", "cue": "avrebbe dichiarato", "hedged": True}
    )


def test_it_leaves_an_unnamed_leak_in_the_articles_voice():
    claim = find_claim(
        "Stando a quanto trapela, gli inquirenti non escludono il dolo.", "it", "gli inquirenti"
    )
    check_fields(claim, {"source": None, "kind": "author"})


def test_it_includes_a_name_in_apposition_after_an_inverted_source():
    text = "«Abbiamo lavorato tutta la notte», ha raccontato il comandante, Giuseppe Esposito, ai cronisti."
    claim = find_claim(text, "it", "Abbiamo lavorato")
    check_fields(
        claim,
        {
            "source": "il comandante, Giuseppe Esposito",
            "kind": "person",
            "name": "Giuseppe Esposito",
        },
    )


def test_it_reads_per_before_a_quotation_as_according_to():
    text = "Per la segretaria del partito, Anna Ferri, «è una manovra senza coraggio»."
    claim = find_claim(text, "it", "manovra senza coraggio")
    check_fields(
        claim,
        {
            "source": "la segretaria del partito, Anna Ferri",
            "cue": "Per",
            "kind": "person",
            "quote": "direct",
            "name": "Anna Ferri",
        },
    )


def test_it_links_a_surname_to_the_person_a_role_introduced():
    text = (
        "Lo ha detto il ministro dell'Ambiente, Gualtiero Brambilla, a margine del vertice. "
        "«Le centrali chiuderanno entro il 2030», ha spiegato Brambilla."
    )
    claim = find_claim(text, "it", "Le centrali chiuderanno")
    check_fields(claim, {"source": "Brambilla", "kind": "person", "name": "Gualtiero Brambilla"})


def test_it_keeps_verbs_of_the_reported_clause_out_of_the_cues():
    text = "Il ministro ha poi aggiunto che il taglio delle accise sarà confermato anche nel 2026."
    claims = __import__("claims.extraction", fromlist=["extract"]).extract(text, "it")
    assert len(claims) == 1
    check_fields(
        claims[0],
        {
            "cue": "ha poi aggiunto",
            "content": "il taglio delle accise sarà confermato anche nel 2026",
        },
    )


def test_it_keeps_decimal_numbers_whole():
    text = "Secondo l'Istat, il Pil crescerà dello 0,7% nel 2025."
    check_fields(
        find_claim(text, "it", "il Pil"), {"content": "il Pil crescerà dello 0,7% nel 2025"}
    )


def test_it_keeps_a_role_portfolio_and_reads_a_social_network_as_channel():
    text = (
        "«Abbiamo sentito troppe promesse», ha scritto su Facebook il comitato Pendolari Lombardi. "
        "Lo ha annunciato l'assessore ai Trasporti, Franco Lucente, in conferenza stampa."
    )
    check_fields(
        find_claim(text, "it", "troppe promesse"),
        {"source": "il comitato Pendolari Lombardi", "channel": "Facebook", "kind": "organization"},
    )
    check_fields(find_claim(text, "it", "troppe promesse"), {"cue": "ha scritto"})


def test_it_reads_a_document_owned_by_an_organisation():
    text = "Secondo una stima di Legambiente, servirebbero almeno 300 milioni per la flotta."
    check_fields(
        find_claim(text, "it", "servirebbero"),
        {"source": "una stima di Legambiente", "kind": "organization", "hedged": True},
    )


def test_it_follows_a_quotation_over_several_paragraphs():
    text = (
        "Il ministro Sarti ha detto ai giornalisti: «Abbiamo chiuso l'accordo con le regioni. "
        "Le risorse arriveranno entro marzo.\n\n"
        "«Non ci saranno altri rinvii. I cantieri partiranno in estate».\n\n"
        "La conferenza è durata due ore."
    )
    first = find_claim(text, "it", "Le risorse arriveranno")
    check_fields(
        first,
        {
            "source": "Il ministro Sarti",
            "quote": "direct",
            "cue": "ha detto",
            "content": "Abbiamo chiuso l'accordo con le regioni. Le risorse arriveranno entro marzo",
        },
    )
    second = find_claim(text, "it", "I cantieri partiranno")
    check_fields(second, {"source": "Il ministro Sarti", "quote": "direct"})


def test_it_reads_cosi_x_as_the_attribution_of_the_sentence_before():
    text = (
        "«Il governo non cadrà». Così il ministro dell'Interno, Marco Valli, a margine del vertice."
    )
    claims = __import__("claims.extraction", fromlist=["extract"]).extract(text, "it")
    assert [c.content.text for c in claims] == ["Il governo non cadrà"]
    check_fields(
        claims[0],
        {
            "source": "il ministro dell'Interno, Marco Valli",
            "cue": "Così",
            "quote": "direct",
            "name": "Marco Valli",
        },
    )


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        pytest.param(
            "Secondo la ricostruzione degli inquirenti, i due avrebbero minacciato il titolare.",
            "i due avrebbero minacciato",
            {"source": "la ricostruzione degli inquirenti", "kind": "anonymous", "hedged": True},
            id="document-of-anonymous-sources",
        ),
        pytest.param(
            "Fanno sapere dalla Questura che la refurtiva è stata recuperata.",
            "la refurtiva è stata recuperata",
            {"source": "Questura", "cue": "Fanno sapere", "kind": "organization"},
            id="fanno-sapere-da",
        ),
        pytest.param(
            "«Un intervento rapidissimo», spiega a Repubblica il questore Vincenzo Ciarambino.",
            "Un intervento rapidissimo",
            {
                "source": "il questore Vincenzo Ciarambino",
                "channel": "Repubblica",
                "kind": "person",
            },
            id="channel-before-inverted-source",
        ),
        pytest.param(
            "Nel comunicato della polizia si legge che uno dei due arrestati era già noto.",
            "uno dei due arrestati",
            {"source": "comunicato della polizia", "cue": "si legge", "kind": "organization"},
            id="si-legge-in-a-document",
        ),
        pytest.param(
            "I vicini dicono che la gioielleria era già stata presa di mira.",
            "la gioielleria era già stata presa di mira",
            {"source": "I vicini", "cue": "dicono", "kind": "anonymous"},
            id="anonymous-plural-present",
        ),
    ],
)
def test_it_attributes_crime_news_constructions(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_does_not_give_a_role_to_someone_the_article_gave_another_role():
    text = "Il sindaco Mario Rossi ha incontrato il prefetto. Il prefetto ha detto che la situazione è sotto controllo."
    check_fields(find_claim(text, "it", "la situazione"), {"source": "Il prefetto", "kind": "role"})


def test_it_gives_each_source_of_a_contrast_its_own_claim():
    text = "Secondo la Cgil, gli iscritti sono aumentati del 5%, mentre la Cisl sostiene che il dato è stabile."
    check_fields(
        find_claim(text, "it", "iscritti"),
        {"source": "la Cgil", "content": "gli iscritti sono aumentati del 5%"},
    )
    check_fields(
        find_claim(text, "it", "il dato è stabile"), {"source": "la Cisl", "cue": "sostiene"}
    )


@pytest.mark.parametrize(
    "text",
    [
        "«Non ci sono margini», ha detto ai giornalisti il ministro dell'Economia.",
        "«Non ci sono margini», ha detto a margine dell'incontro il ministro dell'Economia.",
    ],
)
def test_it_skips_the_addressee_before_an_inverted_source(text):
    check_fields(
        find_claim(text, "it", "margini"), {"source": "il ministro dell'Economia", "channel": None}
    )


def test_it_reads_commentare_with_a_plain_object_as_no_attribution():
    text = "Il questore Dario Lenzi ha commentato l'arresto con poche parole, e la procura ha aperto un fascicolo."
    claims = extract(text, "it")
    assert [c.source_kind for c in claims] == ["author"]
    quoted = find_claim(
        "«È un passo avanti», ha commentato il questore Dario Lenzi.", "it", "passo"
    )
    check_fields(quoted, {"source": "il questore Dario Lenzi", "cue": "ha commentato"})


def test_it_attributes_nothing_to_a_negative_subject():
    text = "Nessuno dei due consiglieri ha voluto commentare la lite, avvenuta dopo la seduta."
    assert [c.source for c in extract(text, "it")] == [None]


def test_it_keeps_a_subject_with_a_participle_apposition_as_the_subject():
    text = "La difesa dell'imputato, rappresentata dall'avv. Lia Conte, ha respinto ogni addebito."
    claims = extract(text, "it")
    assert [c.content.text for c in claims] == ["ogni addebito"]
    assert claims[0].source.text.startswith("La difesa dell'imputato")


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Il sindaco Luca Neri ha negato le accuse.", "le accuse", "Il sindaco Luca Neri"),
        ("La Regione ha smentito la notizia.", "la notizia", "La Regione"),
        ("Il consorzio ha respinto ogni addebito.", "ogni addebito", "Il consorzio"),
        (
            "Il ministero respinge le accuse dei sindacati che chiedono le dimissioni.",
            "le accuse dei sindacati che chiedono le dimissioni",
            "Il ministero",
        ),
    ],
)
def test_it_makes_the_object_of_a_denial_the_claim(text, content, source):
    claims = extract(text, "it")
    assert [(c.content.text, c.source.text if c.source else None) for c in claims] == [
        (content, source)
    ]


def test_it_gives_si_apprende_to_the_outlet_just_cited_but_never_to_a_speaker():
    after_outlet = (
        "Secondo il Giornale di Brenta, la fabbrica chiuderà a giugno. "
        "Si apprende inoltre che i dipendenti sarebbero già stati avvisati."
    )
    claims = extract(after_outlet, "it")
    assert claims[-1].source is not None and claims[-1].source.text == "il Giornale di Brenta"
    after_speaker = (
        "Il sindaco Paolo Neri ha detto che il ponte riaprirà a maggio. "
        "Si apprende inoltre che la Regione avrebbe stanziato due milioni."
    )
    claims = extract(after_speaker, "it")
    assert claims[-1].source is None and claims[-1].source_kind == "author"
    assert claims[-1].hedged


def test_it_gives_si_precisa_to_the_last_source():
    text = (
        "Secondo una nota della Provincia, i lavori sono finiti. "
        "«La strada riapre domani», si precisa."
    )
    claims = extract(text, "it")
    assert claims[-1].source is not None and "Provincia" in claims[-1].source.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Il relatore ha spiegato che il testo arriverà in aula a marzo.", "role"),
        ("Il giudice ha spiegato che la sentenza arriverà a marzo.", "role"),
        ("I relatori hanno spiegato che il testo arriverà in aula a marzo.", "anonymous"),
    ],
)
def test_it_tells_a_singular_noun_in_e_from_a_plural(text, kind):
    assert extract(text, "it")[0].source_kind == kind


def test_it_reads_a_verb_form_after_an_article_as_the_noun_it_also_is():
    text = "La stima provvisoria dei danni, elaborata dai tecnici del Comune, supera i 60 milioni."
    assert [c.source for c in extract(text, "it")] == [None]
    quoted = find_claim(
        "Il legale ha detto che gli atti su cui si fonda l'accusa «sono stati letti male».",
        "it",
        "sono stati letti male",
    )
    check_fields(quoted, {"source": "Il legale", "cue": "ha detto"})


def test_it_leaves_a_clitic_out_of_the_subject():
    claim = find_claim("Il ministro la definisce «una svolta».", "it", "una svolta")
    check_fields(claim, {"source": "Il ministro", "cue": "definisce"})


def test_it_reads_a_role_after_a_name_as_an_apposition_of_the_subject():
    claim = find_claim(
        "La sen. Ada Lenzi, componente della commissione Sanità, ha annunciato un'interrogazione al ministro.",
        "it",
        "interrogazione",
    )
    check_fields(
        claim,
        {"source": "La sen. Ada Lenzi, componente della commissione Sanità", "kind": "person"},
    )


def test_it_gives_a_gerund_the_subject_of_its_clause():
    claim = find_claim(
        "I legali hanno presentato ricorso, sostenendo che la gara era irregolare.",
        "it",
        "la gara era irregolare",
    )
    check_fields(claim, {"source": "I legali", "cue": "sostenendo"})


def test_it_keeps_verbs_inside_a_reported_clause_out_of_the_cues():
    text = (
        "Il consorzio avverte che i terreni sono saturi e che una frana è già stata "
        "rilevata dai sensori installati in primavera."
    )
    claims = extract(text, "it")
    assert [c.source.text for c in claims] == ["Il consorzio"]
    text = (
        "Fonti sindacali riferiscono che il prefetto convocherà le parti per evitare lo "
        "sciopero che i sindacati di base hanno già annunciato per fine mese."
    )
    assert [c.source.text for c in extract(text, "it")] == ["Fonti sindacali"]


def test_it_splits_a_second_verb_with_an_addressee_and_di():
    claims = extract(
        "La sindaca Ada Neri ha detto che il paese ha retto e ha chiesto alla Regione di "
        "dichiarare lo stato di calamità.",
        "it",
    )
    assert [c.cue.text for c in claims] == ["ha detto", "ha chiesto"]
    assert claims[1].content.text == "alla Regione di dichiarare lo stato di calamità"


def test_it_leaves_what_follows_a_colon_after_a_mid_sentence_marker_to_the_article():
    claims = extract(
        "Una cifra che, a detta dei sindaci, sarebbe insufficiente: la stima dei danni "
        "elaborata dai tecnici supera già i 60 milioni.",
        "it",
    )
    assert [(c.source.text if c.source else None) for c in claims] == ["sindaci", None]
    assert claims[0].content.text.endswith("sarebbe insufficiente")
    assert claims[1].content.text.startswith("la stima dei danni")  # reading order


def test_it_gives_a_marker_inside_a_relative_clause_only_that_clause():
    claims = extract(
        "Alla fermata una cinquantina di persone aspettava un autobus che, secondo il "
        "tabellone, sarebbe dovuto passare venti minuti prima.",
        "it",
    )
    assert [(c.source.text if c.source else None) for c in claims] == [None, "il tabellone"]
    assert claims[1].content.text == "sarebbe dovuto passare venti minuti prima"


def test_it_attributes_nothing_to_a_negated_passive():
    text = "La notizia, trapelata in mattinata, non è stata commentata dall'ateneo."
    assert [c.source for c in extract(text, "it")] == [None]


# Issue 12: the mechanisms below are general Italian newsroom constructions; each row is a
# sentence written for these tests.
QUOTED_OUTLETS = [
    (
        "La squadra, come scrive la «Gazzetta dello Sport», ha sospeso il terzino.",
        "ha sospeso il terzino",
        {"source": "la «Gazzetta dello Sport", "cue": "come scrive", "kind": "media"},
    ),
    (
        "Il piano, come rivela il 'Corriere dello Sport', prevede due acquisti.",
        "prevede due acquisti",
        {"source": "il 'Corriere dello Sport", "quote": "indirect"},
    ),
    (
        "Secondo il «Sole 24 Ore», la manovra vale trenta miliardi.",
        "la manovra vale trenta miliardi",
        {"source": "il «Sole 24 Ore", "kind": "media", "quote": "indirect"},
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), QUOTED_OUTLETS)
def test_it_reads_an_outlet_in_quotation_marks_as_a_name(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_in_base_a_as_a_source_only_opening_a_clause():
    claim = find_claim(
        "In base ai dati della Camera di commercio, le imprese attive sono calate del 2%.",
        "it",
        "le imprese attive",
    )
    check_fields(claim, {"source": "dati della Camera di commercio", "cue": "In base ai"})
    text = "I posti vengono assegnati in base all'ordine di arrivo delle domande."
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "kind"),
    [
        (
            "Uno dei suoi agenti, Kouadio Traoré, smentisce: «Non ha mai chiesto la cessione». "
            "Traoré afferma che il giocatore è tranquillo.",
            "Non ha mai chiesto",
            "person",
        ),
        (
            "Ieri sera Ximena Oyarzún è salita sul palco del Lido. "
            "Oyarzún ha detto che il film l'ha commossa.",
            "il film",
            "person",
        ),
        # A club shortened to its last word keeps its article: a body, not a person.
        (
            "L'Atletico Vellani ha chiuso il mercato. Il Vellani ha detto che l'offerta è arrivata ieri.",
            "l'offerta",
            "organization",
        ),
    ],
)
def test_it_knows_a_person_by_a_surname_that_speaks_alone(text, hint, kind):
    assert find_claim(text, "it", hint).source_kind == kind


PREDICATIVES = [
    (
        "Le voci di un rimpasto, giudicate «fantasiose» dal vicesindaco, circolano da giorni.",
        "fantasiose",
        {"source": "vicesindaco", "cue": "giudicate", "quote": "direct"},
    ),
    (
        "Indiscrezioni bollate dalla portavoce Ada Ferri come «pura invenzione».",
        "pura invenzione",
        {"source": "portavoce Ada Ferri", "cue": "bollate", "kind": "person"},
    ),
    (
        "Le indiscrezioni sono state bollate dall'assessora come «pura invenzione».",
        "pura invenzione",
        {"source": "assessora", "cue": "sono state bollate", "quote": "direct"},
    ),
    (
        "Il piano, definito «un azzardo» dai revisori dei conti, passa al voto.",
        "un azzardo",
        {"source": "revisori dei conti", "cue": "definito", "kind": "anonymous"},
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), PREDICATIVES)
def test_it_gives_a_quoted_verdict_after_a_participle_to_its_agent(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_a_participle_without_a_quoted_verdict_as_no_cue():
    text = "Il progetto giudicato migliore dalla giuria sarà costruito nel 2026."
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "hedged"),
    [
        # A simple conditional after a past verb of saying keeps the reporter's distance.
        (
            "Il consigliere ha detto che si tratterebbe di un errore del software.",
            "si tratterebbe",
            True,
        ),
        # The conditional perfect after it is the future in the past.
        (
            "Il consigliere ha detto che il cantiere sarebbe partito a marzo.",
            "il cantiere",
            False,
        ),
        # "andrebbe" + participle is an obligation, not a hedge.
        ("Il cardiologo ha aggiunto che il ticket andrebbe ridotto.", "il ticket", False),
        # The consequence of a hypothesis is no hedge.
        (
            "La garante ha detto che chiunque lo negasse farebbe un torto alle vittime.",
            "chiunque",
            False,
        ),
    ],
)
def test_it_hedges_a_conditional_only_where_it_marks_distance(text, hint, hedged):
    assert find_claim(text, "it", hint).hedged is hedged


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Dal bilancio della Asl emerge che i ricoveri sono calati.",
            "i ricoveri sono calati",
            "bilancio della Asl",
        ),
        (
            "Risulta dai verbali della seduta che il voto era segreto.",
            "il voto era segreto",
            "verbali della seduta",
        ),
        ("Dalle perizie è emerso che la trave era corrosa.", "la trave era corrosa", "perizie"),
    ],
)
def test_it_gives_what_emerges_from_a_document_to_that_document(text, hint, source):
    claim = find_claim(text, "it", hint)
    assert claim.content.text == hint
    assert claim.source is not None and claim.source.text == source


@pytest.mark.parametrize(
    "text",
    [
        "Il sommergibile emerge dalle acque del porto alle sette.",
        "Il consigliere risulta assente da tre sedute.",
    ],
)
def test_it_reads_emerge_and_risulta_without_che_as_no_cue(text):
    assert [c.source for c in extract(text, "it")] == [None]


def test_it_reads_essere_and_a_participle_with_its_agent_as_a_passive_cue():
    claim = find_claim(
        "Il danno all'argine è stimato dalla Protezione civile in quattro milioni.",
        "it",
        "quattro milioni",
    )
    check_fields(claim, {"source": "Protezione civile", "cue": "è stimato"})
    text = "Il calendario sarà confermato nella riunione di lunedì."
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Nel corso della conferenza stampa il questore ha spiegato che i controlli aumenteranno.",
            "i controlli aumenteranno",
            "il questore",
        ),
        (
            "In una nota il Consorzio di bonifica precisa che gli argini hanno retto.",
            "gli argini hanno retto",
            "il Consorzio di bonifica",
        ),
        (
            "Ieri pomeriggio la prefetta ha detto che la statale resterà chiusa.",
            "la statale resterà chiusa",
            "la prefetta",
        ),
        (
            "Durante l'audizione in commissione Tea Morandi ha detto che i fondi mancano.",
            "i fondi mancano",
            "Tea Morandi",
        ),
    ],
)
def test_it_finds_the_subject_after_a_fronted_adjunct_without_a_comma(text, hint, source):
    claim = find_claim(text, "it", hint)
    assert claim.source is not None and claim.source.text == source


def test_it_does_not_take_a_name_inside_a_fronted_participle_clause_for_the_subject():
    text = (
        "Il regista Ugo Fanti ha parlato ieri. In un video pubblicato sul canale YouTube del "
        "festival ha ribadito che il film uscirà in autunno."
    )
    claim = find_claim(text, "it", "il film uscirà")
    assert claim.source is not None and "Fanti" in claim.source.text


@pytest.mark.parametrize(
    "text",
    [
        "I carabinieri hanno informato i genitori del ragazzo nella notte.",
        "L'assessore ha risposto in consiglio alle domande dell'opposizione.",
        "La squadra ha replicato la vittoria dell'andata.",
    ],
)
def test_it_reads_informing_answering_and_repeating_without_a_clause_as_events(text):
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "cue"),
    [
        (
            "I carabinieri hanno informato i genitori che il ragazzo è salvo.",
            "il ragazzo è salvo",
            "hanno informato",
        ),
        (
            "L'assessore ha risposto che i lavori sono in ritardo.",
            "i lavori sono in ritardo",
            "ha risposto",
        ),
        ("«Nessun ritardo», ha replicato la dirigente.", "Nessun ritardo", "ha replicato"),
    ],
)
def test_it_keeps_the_same_verbs_as_cues_before_their_clause(text, hint, cue):
    check_fields(find_claim(text, "it", hint), {"cue": cue})


def test_it_makes_the_party_a_subject_cites_the_source_and_the_subject_its_channel():
    claim = find_claim(
        "Il Piccolo, citando fonti della capitaneria, scrive che il porto riaprirà lunedì.",
        "it",
        "il porto riaprirà",
    )
    check_fields(
        claim,
        {"source": "fonti della capitaneria", "channel": "Il Piccolo", "kind": "anonymous"},
    )


def test_it_keeps_a_titled_name_in_apposition_after_an_inverted_source():
    claim = find_claim(
        "«La diga è sicura», ha detto il direttore dei lavori, ing. Sergio Bassani.",
        "it",
        "La diga è sicura",
    )
    check_fields(
        claim,
        {"source": "il direttore dei lavori, ing. Sergio Bassani", "kind": "person"},
    )


def test_it_takes_the_agent_of_a_passive_clause_as_the_antecedent_of_che():
    claim = find_claim(
        "Il bando è stato impugnato dal consorzio dei gestori, che in una nota fa sapere che "
        "il ricorso è già depositato.",
        "it",
        "il ricorso è già depositato",
    )
    check_fields(claim, {"source": "consorzio dei gestori", "cue": "fa sapere"})


@pytest.mark.parametrize(
    ("text", "hint", "kind"),
    [
        # The head is the noun after the adjectives before it.
        (
            "Secondo le prime verifiche dell'Anas, il viadotto è stabile.",
            "il viadotto",
            "organization",
        ),
        ("A detta di diversi esperti, il viadotto è stabile.", "il viadotto", "anonymous"),
        # An early account that nobody owns is anonymous; a document with no such adjective stays one.
        ("Secondo le prime informazioni, il ferito sarebbe grave.", "il ferito", "anonymous"),
        ("Secondo il regolamento comunale, il mercato chiude alle 14.", "il mercato", "document"),
        # "agenzia" names an outlet only before its name.
        (
            "Secondo l'agenzia regionale per l'ambiente, il fiume è in piena.",
            "il fiume",
            "organization",
        ),
        ("Secondo l'agenzia Kyodo, il fiume è in piena.", "il fiume", "media"),
        # "una delle società": one of a group, unnamed.
        (
            "Una delle aziende del consorzio ha fatto sapere che le consegne riprendono.",
            "le consegne",
            "anonymous",
        ),
        # An owner after "dagli"/"dall'": the data speak for whoever released them.
        (
            "Secondo i dati diffusi dall'azienda sanitaria, i ricoveri calano.",
            "i ricoveri",
            "organization",
        ),
    ],
)
def test_it_classifies_a_source_by_its_head_noun(text, hint, kind):
    assert find_claim(text, "it", hint).source_kind == kind


OBJECT_CLAIMS = [
    (
        "Il comitato dei pendolari paventa la soppressione della linea per Sondrio.",
        "la soppressione della linea",
        {"source": "Il comitato dei pendolari", "cue": "paventa"},
    ),
    (
        "La ministra ha ventilato l'ipotesi di un commissario straordinario.",
        "l'ipotesi di un commissario",
        {"source": "La ministra", "cue": "ha ventilato"},
    ),
    (
        "Il settimanale parla di una frattura insanabile nella maggioranza.",
        "una frattura insanabile",
        {"source": "Il settimanale", "cue": "parla di", "kind": "media"},
    ),
    # Italian drops the article before a plural object; a bare object is no inverted source.
    (
        "Il difensore, dal ritiro della nazionale, nega screzi con l'allenatore.",
        "screzi con l'allenatore",
        {"source": "Il difensore", "cue": "nega"},
    ),
    (
        "Nel dossier si parlava di fondi neri accumulati in Svizzera.",
        "fondi neri accumulati",
        {"cue": "si parlava di"},
    ),
    # An inverted source after the same verbs is still the source.
    (
        "«Mai chiesto la cessione», smentisce l'agente del calciatore.",
        "Mai chiesto la cessione",
        {"source": "l'agente del calciatore", "cue": "smentisce"},
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), OBJECT_CLAIMS)
def test_it_makes_the_object_of_a_speech_act_its_claim(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Il sindaco ha parlato della situazione del traffico in città.",
        "Il rettore ha parlato a lungo con gli studenti in aula magna.",
    ],
)
def test_it_reads_talking_about_a_topic_as_no_claim(text):
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La fabbrica di Lodi chiuderà entro l'estate. È quanto riferito dai sindacati al "
            "termine dell'incontro in prefettura.",
            {"source": "sindacati", "cue": "riferito", "channel": None},
        ),
        (
            "La fabbrica di Lodi chiuderà entro l'estate. Questo è quanto riferito – nel "
            "resoconto dell'Eco di Bergamo – da due delegati sindacali.",
            {"source": "due delegati sindacali", "channel": "Eco di Bergamo"},
        ),
    ],
)
def test_it_gives_the_sentence_before_e_quanto_riferito_da_x_to_x(text, expected):
    check_fields(find_claim(text, "it", "La fabbrica di Lodi"), expected)


def test_it_reads_riportare_with_an_injury_as_an_event():
    text = "Nello scontro due agenti hanno riportato lievi ferite alle braccia."
    assert [c.source for c in extract(text, "it")] == [None]
    claim = find_claim(
        "Il quotidiano ha riportato la notizia della chiusura del reparto.", "it", "la notizia"
    )
    check_fields(claim, {"source": "Il quotidiano", "cue": "ha riportato"})


@pytest.mark.parametrize(
    ("text", "hint", "kind"),
    [
        # An outlet no list knows, as the source of a verb of publishing.
        (
            "Il porto resterà chiuso fino a lunedì, scrive La Gazzetta di Marsala.",
            "Il porto",
            "media",
        ),
        (
            "Secondo quanto riporta il Corriere di Ostuni, il porto resterà chiuso.",
            "il porto",
            "media",
        ),
        # A body that publishes stays a body.
        (
            "Il porto resterà chiuso fino a lunedì, scrive la Capitaneria di porto.",
            "Il porto",
            "organization",
        ),
        # A profession goes with another title of the person just named.
        (
            "Ha parlato la presidente di giuria, Ximena Oyarzún. La regista ha detto che il "
            "film l'ha commossa.",
            "il film",
            "person",
        ),
        # An office does not: the prefect is not the mayor just named.
        (
            "Ha parlato il sindaco, Aldo Ferri. Il prefetto ha detto che la strada riaprirà.",
            "la strada",
            "role",
        ),
    ],
)
def test_it_classifies_by_what_the_article_says_of_the_source(text, hint, kind):
    assert find_claim(text, "it", hint).source_kind == kind


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Ci sono stati quattro testimoni, secondo i quali l'auto viaggiava contromano.",
            "l'auto viaggiava contromano",
            "quattro testimoni",
        ),
        (
            "Le cifre sono state confermate dal giornale da tre funzionari, secondo i quali "
            "il bilancio è in rosso.",
            "il bilancio è in rosso",
            "tre funzionari",
        ),
    ],
)
def test_it_finds_the_antecedent_of_secondo_i_quali_after_a_clause(text, hint, source):
    claim = find_claim(text, "it", hint)
    assert claim.source is not None and claim.source.text == source


def test_it_gives_a_lone_quotation_to_the_named_subject_of_the_sentence_before():
    text = (
        "La rettrice Anna Zuccari è intervenuta all'inaugurazione dell'anno accademico. "
        "«Le iscrizioni sono cresciute del dieci per cento in due anni»."
    )
    claim = find_claim(text, "it", "Le iscrizioni")
    check_fields(claim, {"source": "Anna Zuccari", "quote": "direct", "cue": None})
    # A name that is not the subject (here the object) does not take the quotation.
    text = (
        "Nella sala del consiglio comunale di Lodi ieri sera è arrivata anche Anna Zuccari. "
        "«Le iscrizioni sono cresciute del dieci per cento in due anni»."
    )
    assert find_claim(text, "it", "Le iscrizioni").source is None


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Stando a quanto ricostruito dagli investigatori, il furgone sarebbe stato rubato a Pavia.",
            "il furgone",
            "investigatori",
        ),
        (
            "Secondo quanto accertato dalla polizia stradale, l'auto viaggiava a 140 all'ora.",
            "l'auto viaggiava",
            "polizia stradale",
        ),
    ],
)
def test_it_reads_any_participle_with_its_agent_after_secondo_quanto(text, hint, source):
    claim = find_claim(text, "it", hint)
    assert claim.source is not None and claim.source.text == source


@pytest.mark.parametrize(
    "text",
    [
        "Lo stadio ha osservato un minuto di silenzio prima della partita.",
        "Il gruppo tessile ha rilevato l'azienda di Biella per tre milioni.",
        "Il pilota ha avvertito un malore durante le prove libere.",
        "Il rifugio ha anticipato la chiusura stagionale di una settimana.",
    ],
)
def test_it_reads_verbs_with_an_everyday_sense_as_cues_only_before_a_clause(text):
    assert [c.source for c in extract(text, "it")] == [None]


def test_it_still_reads_them_as_cues_before_their_clause():
    claim = find_claim("Il tecnico ha osservato che la pista era troppo bagnata.", "it", "la pista")
    check_fields(claim, {"source": "Il tecnico", "cue": "ha osservato"})


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        (
            "La presidente della Provincia ha escluso che la tassa possa aumentare.",
            "la tassa possa aumentare",
            {"source": "La presidente della Provincia", "cue": "ha escluso"},
        ),
        (
            "Il consigliere ha escluso di volersi candidare a sindaco.",
            "volersi candidare",
            {"source": "Il consigliere", "cue": "ha escluso"},
        ),
        # A short infinitive clause is a claim of its own.
        (
            "La cooperativa ha ammesso di aver sbagliato.",
            "aver sbagliato",
            {"source": "La cooperativa", "cue": "ha ammesso"},
        ),
    ],
)
def test_it_reads_escludere_and_a_short_infinitive_as_claims(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_a_passive_exclusion_by_a_non_speaker_as_an_event():
    text = "La pilota è stata esclusa dalla gara per un'irregolarità tecnica."
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "cue"),
    [
        (
            "Confagricoltura lancia l'allarme: i raccolti di mais sono calati del 30%.",
            "i raccolti",
            "lancia l'allarme",
        ),
        (
            "Il parroco ha lanciato un appello perché i volontari tornino in mensa.",
            "i volontari",
            "ha lanciato un appello",
        ),
    ],
)
def test_it_reads_lanciare_l_allarme_as_a_cue(text, hint, cue):
    check_fields(find_claim(text, "it", hint), {"cue": cue})


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        (
            "Il comitato ha espresso il timore che la discarica venga ampliata.",
            "la discarica venga ampliata",
            {"source": "Il comitato", "cue": "ha espresso il timore"},
        ),
        (
            "Kovalenko risponde e avanza anche il sospetto che dietro l'inchiesta ci sia un rivale.",
            "dietro l'inchiesta",
            {"source": "Kovalenko", "cue": "avanza anche il sospetto"},
        ),
    ],
)
def test_it_reads_a_verb_and_a_noun_of_belief_before_che_as_a_cue(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_gives_a_doubt_nobody_holds_to_nobody():
    text = "Ma resta il dubbio che la giunta conoscesse i rischi da mesi."
    assert [c.source for c in extract(text, "it")] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        (
            "La rettrice si è detta soddisfatta dell'accordo con la Regione.",
            "soddisfatta dell'accordo",
            {"source": "La rettrice", "cue": "si è detta"},
        ),
        (
            "Il produttore si è dichiarato molto deluso dalla scelta della giuria.",
            "molto deluso",
            {"source": "Il produttore", "cue": "si è dichiarato"},
        ),
    ],
)
def test_it_reads_si_e_detto_and_an_adjective_as_a_declared_state(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_an_impersonal_si_e_detto_without_a_subject_as_no_claim_of_anyone():
    text = "Della manovra in consiglio non si è detto nulla di nuovo."
    assert [c.source for c in extract(text, "it")] == [None]


def test_it_reads_a_noun_homograph_after_an_article_and_an_adjective_as_the_noun():
    text = "Sarebbe per il tecnico una mancata conferma dopo tre stagioni."
    assert [c.source for c in extract(text, "it")] == [None]
    claim = find_claim("Il sindacato replica che i turni sono troppi.", "it", "i turni")
    check_fields(claim, {"source": "Il sindacato", "cue": "replica"})


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Sembra che la giunta abbia già firmato il contratto con la ditta.", True),
        ("Pare infatti che la giunta abbia già firmato il contratto con la ditta.", True),
        ("La giunta ha già firmato il contratto con la ditta.", False),
    ],
)
def test_it_hedges_sembra_che_and_pare_che_with_an_adverb_inside(text, hedged):
    assert find_claim(text, "it", "la ditta").hedged is hedged


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        (
            "Fa sapere in una nota la Provincia che la statale riaprirà lunedì.",
            "la statale riaprirà",
            {"source": "la Provincia", "cue": "Fa sapere"},
        ),
        (
            "Per la presidente dell'ordine dei medici, Carla Fenu, i turni sono insostenibili.",
            "i turni sono insostenibili",
            {
                "source": "la presidente dell'ordine dei medici, Carla Fenu",
                "cue": "Per",
                "kind": "person",
            },
        ),
    ],
)
def test_it_finds_a_source_after_an_interview_phrase_and_after_per_with_a_role(
    text, hint, expected
):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_reads_per_with_a_role_and_no_name_as_no_source():
    text = "Per il presidente, in questo momento, la crescita conta più del resto."
    assert [c.source for c in extract(text, "it")] == [None]


def test_it_reads_what_data_show_as_their_claim():
    claim = find_claim(
        "I dati della Camera di commercio mostrano che le imprese artigiane sono calate.",
        "it",
        "le imprese artigiane",
    )
    check_fields(claim, {"source": "I dati della Camera di commercio", "cue": "mostrano"})
    for text in (
        "Il cartello indica la strada per il rifugio del Cai.",
        "La squadra si mostra tranquilla: nessuno pensa alla retrocessione.",
    ):
        assert [c.source for c in extract(text, "it")] == [None], text


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "L'ipotesi degli inquirenti è che il rogo sia doloso.",
            "il rogo sia doloso",
            "inquirenti",
        ),
        (
            "La tesi della difesa è che l'imputato fosse altrove.",
            "l'imputato fosse altrove",
            "difesa",
        ),
        ("L'ipotesi di un rinvio è che convenga a tutti.", "convenga a tutti", None),
    ],
)
def test_it_gives_the_clause_after_a_belief_noun_and_e_che_to_its_owner(text, hint, source):
    claim = find_claim(text, "it", hint)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        # "Lo" before a plain consonant is a clitic: "conferma" is the verb.
        (
            "Le corse notturne saranno soppresse da giugno. Lo conferma l'azienda dei trasporti.",
            "Le corse notturne",
            {"source": "l'azienda dei trasporti", "cue": "conferma"},
        ),
        # The pronoun may point forward, to what follows a colon.
        (
            "Lo conferma la Prefettura: i controlli saranno rafforzati in stazione.",
            "i controlli saranno rafforzati",
            {"source": "la Prefettura", "cue": "conferma"},
        ),
        # "Parola di X: «...»": a speech noun before the colon.
        (
            "Parola di Ettore Gallo: «La manovra è pronta».",
            "La manovra è pronta",
            {"source": "Ettore Gallo", "cue": "Parola"},
        ),
        # A leak has its place of origin as the source.
        (
            "Intanto da Palazzo Chigi trapela che il decreto slitterà a luglio.",
            "il decreto slitterà",
            {"source": "Palazzo Chigi", "cue": "trapela"},
        ),
    ],
)
def test_it_reads_lo_conferma_parola_di_and_a_leak_from_a_place(text, hint, expected):
    check_fields(find_claim(text, "it", hint), expected)


def test_it_makes_the_outlet_that_interviews_the_subject_its_channel():
    claim = find_claim(
        "La sindaca, intervistata dal Gazzettino, ha detto che il ponte riaprirà in estate.",
        "it",
        "il ponte riaprirà",
    )
    check_fields(claim, {"source": "La sindaca", "channel": "Gazzettino"})


def test_it_carries_an_according_marker_past_the_reporter_s_own_indicative():
    # The reporting conditional goes on relaying "la prima ricostruzione" after a
    # sentence in the reporter's own voice, up to the paragraph's end.
    text = (
        "Secondo la prima ricostruzione la gru avrebbe ceduto per il vento. "
        "I vigili del fuoco stanno ancora lavorando nel cantiere. "
        "Il gruista avrebbe tentato di abbassare il braccio."
    )
    claims = extract(text, "it")
    assert [c.source.text if c.source else None for c in claims] == [
        "la prima ricostruzione",
        None,
        "la prima ricostruzione",
    ]
    assert claims[2].cue is None and claims[2].hedged


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        # Any active passato prossimo before a colon and a quotation that ends the sentence:
        # the quotation is its subject's words, the verb its cue.
        (
            "La rettrice Carla Viale ha lanciato una frecciata al governo: «Ci hanno tagliato i fondi per tre anni».",
            "Ci hanno tagliato i fondi",
            {"source": "La rettrice Carla Viale", "cue": "ha lanciato", "quote": "direct"},
        ),
        # A dropped subject: the nearest earlier mention.
        (
            "Il questore Dario Festa ha incontrato i residenti. Poi ha visitato la scuola di via Roma: «Le pattuglie resteranno fino a settembre».",
            "Le pattuglie resteranno",
            {"source": "Dario Festa", "cue": "ha visitato", "kind": "person"},
        ),
        # Straight quotation marks padded with spaces, as web copy often has them.
        (
            'Il questore Dario Festa ha incontrato i residenti. E ha garantito più controlli: " Le pattuglie resteranno fino a settembre ". Poi è ripartito.',
            "Le pattuglie resteranno fino a settembre",
            {"source": "Dario Festa", "cue": "ha garantito", "quote": "direct"},
        ),
    ],
)
def test_it_gives_a_quotation_after_a_clause_and_a_colon_to_the_clause_s_subject(
    text, hint, expected
):
    claim = find_claim(text, "it", hint)
    check_fields(claim, expected)
    assert claim.content.text == claim.content.text.strip()


def test_it_reads_a_clause_before_a_colon_and_no_quotation_as_the_author_s():
    claims = extract("La giunta ha approvato tre delibere: bilancio, rifiuti e trasporti.", "it")
    assert [c.source for c in claims] == [None]


@pytest.mark.parametrize(
    ("text", "hint", "source"),
    [
        (
            "Il prefetto, raggiunto al telefono, ha detto che la statale resterà chiusa.",
            "la statale",
            "Il prefetto",
        ),
        (
            "L'assessora, giunta sul posto in serata, ha spiegato che i danni sono ingenti.",
            "i danni",
            "L'assessora",
        ),
        (
            "Il primario, richiesto di un commento, ha detto che il reparto riaprirà.",
            "il reparto",
            "Il primario",
        ),
    ],
)
def test_it_leaves_an_irregular_participle_aside_out_of_the_subject(text, hint, source):
    check_fields(find_claim(text, "it", hint), {"source": source})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A title, its office and a surname with no comma name a person.
        ("Il portavoce del Viminale Ruggeri ha detto che i controlli aumenteranno.", "person"),
        ("Il sindaco di Ancona Bartoli ha detto che i controlli aumenteranno.", "person"),
        # A region or a body's adjective is no surname: the role stays unnamed.
        ("Il presidente della Regione Umbria ha detto che i controlli aumenteranno.", "role"),
        ("Il segretario del Partito Socialista ha detto che i controlli aumenteranno.", "role"),
    ],
)
def test_it_reads_a_title_an_office_and_a_surname_as_a_person(text, kind):
    check_fields(find_claim(text, "it", "i controlli"), {"kind": kind})


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        # A full name whose given name no list holds, then the surname alone as the inverted
        # subject of a verb of saying: the same person, not a body.
        (
            "L'attaccante Yerko Baldivieso è tornato in campo. «Sto bene», ha assicurato Baldivieso.",
            "Sto bene",
        ),
        (
            "La velista Oona Kerrigan è arrivata a Genova. La rotta, spiega Kerrigan, era sicura.",
            "La rotta",
        ),
    ],
)
def test_it_gives_a_lone_surname_after_a_verb_of_saying_to_the_person_named_before(text, hint):
    claim = find_claim(text, "it", hint)
    assert claim.source_kind == "person"
    assert claim.source_name in ("Yerko Baldivieso", "Oona Kerrigan")
