# ruff: noqa: E501 -- the tables hold whole example sentences
"""The shortcuts the rules take for speed give what the long way gives."""

import re

import pytest

from claims.extraction.drafts import sentences_from_spans
from claims.extraction.entities import build_entity_index
from claims.extraction.lexicon import default_lexicon
from claims.extraction.quotes import find_quote_pairs
from claims.extraction.rules import ArticleRules
from claims.extraction.segmenter import sentence_spans
from claims.extraction.tokens import tokenize

ARTICLES = [
    (
        "it",
        "Il ministro dell'Economia, Carla Bentivoglio, ha detto che il deficit scenderà al 3,1%. «Non ci saranno nuove tasse», ha aggiunto l'ex-premier.",
    ),
    (
        "it",
        "Secondo l'Ansa, il sindaco 'non si ricandida'. Lo riferisce la Repubblica, citando fonti dell'opposizione.",
    ),
    (
        "en",
        "The workers' union told Reuters that members would strike. 'We are ready,' said Mary O'Neil, the union's chief.",
    ),
    (
        "en",
        "According to the city's mid-year report, ridership rose 12.5 percent, officials said. The mayor's office declined to comment.",
    ),
]


def _rules_over(lang, text):
    lex = default_lexicon(lang)
    spans, paragraph, last_end = [], 0, 0
    for start, end in sentence_spans(text, lex.abbreviations):
        paragraph += "\n" in text[last_end:start]
        spans.append((start, end, paragraph))
        last_end = end
    sentences = sentences_from_spans(text, spans)
    rules = ArticleRules(text, lex, build_entity_index(text, lex))
    return rules, rules.run(sentences)


@pytest.mark.parametrize(("lang", "text"), ARTICLES)
def test_a_source_is_classified_on_the_tokens_a_fresh_tokenization_gives(lang, text):
    rules, drafts = _rules_over(lang, text)
    sources = [d.source for d in drafts if d.source]
    assert sources
    # the sentences' tokens are built, so the spans are read from them
    assert all(sent.built_toks is not None for sent in rules.sentences if sent.quotes)
    for start, end in sources:
        reused = rules._span_tokens(start, end)
        fresh = tokenize(text, start, end)
        assert [(t.text, t.start, t.end) for t in reused] == [
            (t.text, t.start, t.end) for t in fresh
        ]


@pytest.mark.parametrize(("lang", "text"), ARTICLES)
def test_token_texts_are_the_texts_of_the_tokens(lang, text):
    lex = default_lexicon(lang)
    for start, end in sentence_spans(text, lex.abbreviations):
        quotes = find_quote_pairs(text, start, end)
        sent = sentences_from_spans(text, [(start, end, 0)])[0]
        assert sent.token_texts() == [t.text for t in tokenize(text, start, end, quotes)]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_hedge_holds_one_of_the_hints_that_rule_hedges_out(lang):
    lex = default_lexicon(lang)
    for hedge in [*lex.hedge_words, *lex.hedge_phrases]:
        assert any(hint in hedge for hint in lex.hedge_hints), hedge
    if lang == "it":
        assert any(hint in "avrebbe" for hint in lex.hedge_hints)


MODAL_CUES = [
    ("it", "Il questore Marco Bellini ha voluto precisare che nessun agente era in servizio."),
    ("it", "La rettrice ha tenuto a ribadire che le tasse non aumenteranno."),
    ("it", "Il portavoce della Regione ha dovuto spiegare che i fondi erano già stanziati."),
]


@pytest.mark.parametrize(("lang", "text"), MODAL_CUES)
def test_the_no_cue_shortcut_keeps_a_modal_cue_whose_only_reporting_word_is_an_infinitive(
    lang, text, monkeypatch
):
    _, with_shortcut = _rules_over(lang, text)
    monkeypatch.setattr(ArticleRules, "_no_cue_word", lambda self, sent: False)
    _, long_way = _rules_over(lang, text)
    assert [d.source for d in with_shortcut] == [d.source for d in long_way]
    assert with_shortcut[0].source is not None and with_shortcut[0].cue is not None


def _table_texts():
    from . import (
        test_english_constructions,
        test_italian_constructions,
        test_newsroom_constructions,
    )

    rows = [("it", p.values[0]) for p in test_italian_constructions.IT]
    rows += [("en", p.values[0]) for p in test_english_constructions.EN]
    rows += [("it", p.values[0]) for p in test_newsroom_constructions.IT]
    rows += [("en", p.values[0]) for p in test_newsroom_constructions.EN]
    return rows + ARTICLES + MODAL_CUES


def _drafts(lang, text):
    return [
        (d.content, d.source, d.cue, d.channel, d.author, d.quote_only)
        for d in _rules_over(lang, text)[1]
    ]


def test_the_no_cue_shortcut_gives_what_the_full_rules_give_on_every_table_sentence(monkeypatch):
    rows = _table_texts()
    assert len(rows) > 150
    with_shortcut = [_drafts(lang, text) for lang, text in rows]
    monkeypatch.setattr(ArticleRules, "_no_cue_word", lambda self, sent: False)
    long_way = [_drafts(lang, text) for lang, text in rows]
    assert with_shortcut == long_way


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("it", "Il raccolto di grano è stato il più scarso degli ultimi dieci anni."),
        ("it", "Il fatto risale a martedì, quando la giunta ha approvato la delibera di spesa."),
        ("en", "The plant in Ohio employs about 1,200 people, most of them as day workers."),
    ],
)
def test_a_sentence_whose_only_cue_words_start_longer_cues_takes_the_shortcut(lang, sentence):
    rules, _ = _rules_over(lang, sentence)
    lex = default_lexicon(lang)
    words = set(re.findall(r"\w+", sentence.lower()))
    assert words & lex.cue_vocabulary  # a word that could start a cue is there...
    assert rules._no_cue_word(rules.sentences[0])  # ...but none of its cues is complete
    assert rules.sentences[0].built_toks is None  # so no tokens were built


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("it", "Il raccolto, a detta degli agronomi, è stato il più scarso del decennio."),
        ("it", "Il governo ha fatto sapere che il decreto arriverà a gennaio."),
        ("it", "Ad annunciarlo è stato il presidente della Regione."),
        ("en", "The plant, as reported by the local paper, employs about 1,200 people."),
    ],
)
def test_a_sentence_with_a_complete_longer_cue_gets_the_full_rules(lang, sentence):
    rules, _ = _rules_over(lang, sentence)
    assert not rules._no_cue_word(rules.sentences[0])
