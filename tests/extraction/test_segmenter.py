"""The news sentence segmenter (texts written for these tests)."""

import pytest

from claims.extraction.lexicon import default_lexicon
from claims.extraction.segmenter import dateline_length, sentence_spans


def sentences(text: str, lang: str = "it") -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, default_lexicon(lang).abbreviations)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Il Sig. Rossi e il dott. Bianchi sono arrivati. L'on. Verdi no.",
            ["Il Sig. Rossi e il dott. Bianchi sono arrivati.", "L'on. Verdi no."],
            id="it-abbreviations",
        ),
        pytest.param(
            "Ha parlato il sen. Neri. Poi il prof. Gialli ha risposto.",
            ["Ha parlato il sen. Neri.", "Poi il prof. Gialli ha risposto."],
            id="it-titles",
        ),
        pytest.param(
            "Il ministro ha detto: «Siamo pronti. I fondi ci sono. Ora si parte». Poi è uscito.",
            [
                "Il ministro ha detto: «Siamo pronti. I fondi ci sono. Ora si parte».",
                "Poi è uscito.",
            ],
            id="it-multi-sentence-guillemets",
        ),
        pytest.param(
            "La seduta è finita. «Non firmeremo», ha detto il sindaco.",
            ["La seduta è finita.", "«Non firmeremo», ha detto il sindaco."],
            id="it-opening-quote-starts-the-sentence",
        ),
        pytest.param(
            "Ne hanno parlato Mario, Luca ecc. Ma nessuno ha deciso. La S.p.A. ha chiuso.",
            ["Ne hanno parlato Mario, Luca ecc.", "Ma nessuno ha deciso.", "La S.p.A. ha chiuso."],
            id="it-ecc-ends-a-sentence",
        ),
        pytest.param(
            "Primo paragrafo senza punto\nSecondo paragrafo.",
            ["Primo paragrafo senza punto", "Secondo paragrafo."],
            id="paragraph-break",
        ),
        pytest.param(
            "Un «virgolettato mai chiuso. Frase successiva.",
            ["Un «virgolettato mai chiuso.", "Frase successiva."],
            id="unbalanced-quote-does-not-swallow-the-text",
        ),
    ],
)
def test_it_segments_news_prose(text, expected):
    assert sentences(text, "it") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr. Smith met Dr. Jones at 9 a.m. on Friday. They talked.",
            ["Mr. Smith met Dr. Jones at 9 a.m. on Friday.", "They talked."],
            id="en-abbreviations",
        ),
        pytest.param(
            "U.S. officials said the talks failed. A new round is planned.",
            ["U.S. officials said the talks failed.", "A new round is planned."],
            id="en-initialism",
        ),
        pytest.param(
            "“We are done. We are going home,” she said. Then she left.",
            ["“We are done. We are going home,” she said.", "Then she left."],
            id="en-curly-quotes",
        ),
        pytest.param(
            "She lives in Washington, D.C. They met in 2020. U.S. officials agree.",
            ["She lives in Washington, D.C.", "They met in 2020.", "U.S. officials agree."],
            id="en-initialism-at-sentence-end",
        ),
        pytest.param(
            'He said "no." The vote failed.',
            ['He said "no."', "The vote failed."],
            id="en-full-stop-inside-quote",
        ),
        pytest.param(
            'She spoke shortly after 10 a.m. "We are not done," she said.',
            ["She spoke shortly after 10 a.m.", '"We are not done," she said.'],
            id="en-initialism-before-a-quotation",
        ),
    ],
)
def test_en_segments_news_prose(text, expected):
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("ROMA – Il governo ha approvato il decreto.", "ROMA – "),
        ("WASHINGTON (AFP) - The Senate voted on Monday.", "WASHINGTON (AFP) - "),
        ("Napoli, 3 marzo 2025 – La giunta si è riunita.", "Napoli, 3 marzo 2025 – "),
        ("TORINO Il club ha annunciato il nuovo allenatore.", "TORINO "),
        ("Il governo ha approvato il decreto.", ""),
        ("NATO allies met in Brussels on Monday.", ""),
    ],
)
def test_it_recognises_datelines(paragraph, dateline):
    assert paragraph[: dateline_length(paragraph)] == dateline
