"""How ClaimReview reads a source's words: a person's name and role, the body
that issued a document, a name without its article. No database needed."""

import pytest

from claims.claimreview import document_issuer, split_name_and_role, strip_article


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("il ministro dell'Economia Giancarlo Giorgetti", "Giancarlo Giorgetti",
         "ministro dell'Economia"),
        ("il ministro dell'Economia, Giancarlo Giorgetti", "Giancarlo Giorgetti",
         "ministro dell'Economia"),
        ("Il presidente della Regione Lombardia Attilio Fontana", "Attilio Fontana",
         "presidente della Regione Lombardia"),
        ("Elly Schlein, segretaria del Pd", "Elly Schlein", "segretaria del Pd"),
        ("la premier Giorgia Meloni", "Giorgia Meloni", "premier"),
        ("il ministro Salvini", "Salvini", "ministro"),
        ("Giorgia Meloni", "Giorgia Meloni", ""),
        ("Ursula von der Leyen", "Ursula von der Leyen", ""),
        ("Peskov", "Peskov", ""),
        ("Mayor Ellen Park", "Ellen Park", "Mayor"),
        ("President Joe Biden", "Joe Biden", "President"),
        ("Anna Price, a city councilor", "Anna Price", "city councilor"),
        ("a police spokesperson", "", "police spokesperson"),
        ("the minister", "", "minister"),
        ("il portavoce della Questura", "", "portavoce della Questura"),
        ("Il sindaco di Borgo Nuovo", "", "sindaco di Borgo Nuovo"),
        ("il portavoce", "", "portavoce"),
    ],
)  # fmt: skip
def test_a_persons_name_and_role(text, name, role):
    assert split_name_and_role(text) == (name, role)


@pytest.mark.parametrize(
    "text, issuer",
    [
        ("il rapporto annuale della FAO", "FAO"),
        ("la relazione della Corte dei Conti", "Corte dei Conti"),
        ("il rapporto Istat", "Istat"),
        ("a report by the World Bank", "World Bank"),
        ("the FAO's annual report", "FAO"),
        ("the Pentagon report", "Pentagon"),
        ("un documento riservato", ""),
        ("the report", ""),
        ("il comunicato del ministero", ""),
    ],
)
def test_the_body_that_issued_a_document(text, issuer):
    assert document_issuer(text) == issuer


@pytest.mark.parametrize(
    "text, bare",
    [
        ("l'Istat", "Istat"),
        ("la Kcna", "Kcna"),
        ("the BBC", "BBC"),
        ("La Stampa", "La Stampa"),
        ("The Times", "The Times"),
        ("Il Messaggero", "Il Messaggero"),
    ],
)
def test_a_names_own_article_stays(text, bare):
    assert strip_article(text) == bare
