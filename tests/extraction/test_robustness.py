# ruff: noqa: E501 -- the tables hold whole example sentences
"""Any text in, valid claims out: offsets always index the text, nothing raises."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import extract

NEWS_BITS = [
    "Il ministro",
    " ha detto",
    " che",
    " «",
    "»",
    " “",
    "”",
    '"',
    "''",
    "'",
    " 'Y,'",
    "n't",
    "’",
    " secondo",
    " Secondo",
    " fonti",
    ",",
    ".",
    " –",
    " - ",
    ":",
    "\n",
    "\n\n",
    " Lo riferisce",
    " l'Ansa",
    " said",
    " told",
    " according to",
    " as reported by",
    " come riporta",
    ", che",
    ", who",
    " Reuters",
    " per",
    " Mr.",
    " U.S.",
    " (AFP)",
    " ROMA",
    " avrebbe",
    " presunto",
    " si apprende",
    " citando",
    " he",
    " they",
    " «Y»",
    " 2024",
    " Sig.",
    "  ",
    "\t",
    "é",
    "😀",
]


def assert_valid(text, claims):
    for claim in claims:
        for span in (claim.content, claim.source, claim.cue, claim.channel):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert claim.source_kind in (
            "person",
            "role",
            "organization",
            "media",
            "anonymous",
            "document",
            "author",
        )
        assert claim.quote in ("direct", "indirect", "mixed", "none")
        assert isinstance(claim.hedged, bool)
        assert (claim.source is None) == (claim.source_kind == "author")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.sampled_from(["it", "en", None]))
def test_it_returns_valid_offsets_for_any_unicode_text(text, lang):
    assert_valid(text, extract(text, lang))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(NEWS_BITS), max_size=60).map("".join), st.sampled_from(["it", "en"])
)
def test_it_returns_valid_offsets_for_news_like_fragments(text, lang):
    assert_valid(text, extract(text, lang))


def test_it_returns_nothing_for_empty_text():
    assert extract("") == []
    assert extract("   \n\n ") == []


def test_a_surname_spelt_with_a_case_folding_lookalike_does_not_cost_the_article():
    # "ſ" (long s) matches "s" case-insensitively but lowercases to itself.
    text = (
        "La sindaca Anna Rossi ha detto che il ponte riapre lunedì. "
        "Roſsi ha aggiunto che i lavori costano meno del previsto."
    )
    claims = extract(text, "it")
    assert [c.content.text for c in claims][:1] == ["il ponte riapre lunedì"]
    assert claims[0].source_name == "Anna Rossi"


def test_it_processes_a_one_megabyte_article_in_linear_time():
    paragraph = (
        "Il sindaco Paolo Ferretti ha detto che il ponte riaprirà a giugno. «Non ci saranno ritardi», "
        "ha aggiunto. Secondo fonti del Comune, i costi sarebbero saliti del 12%.\n\n"
    )
    small = paragraph * 600  # about 100 kB
    big = paragraph * 6000  # about 1 MB

    def timed(text):
        # CPU time of this process: other load on the machine does not count against us.
        started = time.process_time()
        claims = extract(text, "it")
        return time.process_time() - started, claims

    small_time = min(timed(small)[0] for _ in range(2))
    big_time, claims = timed(big)
    assert len(big) > 900_000
    assert len(claims) >= 6000 * 3
    # Ten times the text may take at most 30 times the CPU: a quadratic pass would take 100.
    # Speed targets themselves live in bench_extraction, not here.
    assert big_time < 30 * max(small_time, 0.01)
    assert_valid(big, claims[:50] + claims[-50:])


def test_it_tokenizes_each_part_of_an_article_a_bounded_number_of_times(monkeypatch):
    """Linearity by counting work, not by a clock: the characters the rules tokenize grow in
    proportion to the article (a rule that re-read earlier sentences would grow faster)."""
    from claims.extraction import drafts, sources, tokens

    tokenized = []

    def counting(text, start, end, *args):
        tokenized.append(end - start)
        return tokens.tokenize(text, start, end, *args)

    monkeypatch.setattr(drafts, "tokenize", counting)
    monkeypatch.setattr(sources, "tokenize", counting)
    paragraph = (
        "Il sindaco Paolo Ferretti ha detto che il ponte riaprirà a giugno. «Non ci saranno ritardi», "
        "ha aggiunto. Secondo fonti del Comune, i costi sarebbero saliti del 12%, come riporta l'Ansa.\n\n"
    )

    def work(copies):
        tokenized.clear()
        extract(paragraph * copies, "it")
        return sum(tokenized)

    small, big = work(20), work(200)
    assert 0 < big <= 10 * small * 1.05


def test_it_leaves_navigation_and_credits_out_of_claims():
    it_text = (
        "Leggi anche: il governo cade. Il Pil è cresciuto dello 0,3%. © Riproduzione riservata."
    )
    assert [c.content.text for c in extract(it_text, "it")] == ["Il Pil è cresciuto dello 0,3%"]
    en_text = "Read more: rates rise again. The bank raised rates on Friday.\n\nReporting by Jane Doe; Editing by Tom Smith."
    assert [c.content.text for c in extract(en_text, "en")] == ["The bank raised rates on Friday"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(NEWS_BITS), max_size=60).map("".join), st.sampled_from(["it", "en"])
)
def test_it_segments_any_text_into_ordered_non_empty_sentences(text, lang):
    from claims.extraction.lexicon import default_lexicon
    from claims.extraction.segmenter import sentence_spans

    spans = sentence_spans(text, default_lexicon(lang).abbreviations)
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert text[start:end].strip()
        last_end = end


@pytest.mark.parametrize(
    ("text", "lang", "person"),
    [
        (
            "Mauro Ferrandi ha detto che il bilancio è in attivo. Ferrandi ha aggiunto che la sede sarà ampliata.",
            "it",
            "Mauro Ferrandi",
        ),
        (
            "Graham Whitlock said the deficit had doubled. Whitlock added that no cuts were planned.",
            "en",
            "Graham Whitlock",
        ),
        (
            "Emanuela Zordan ha spiegato che i ragazzi iscritti sono 600. Zordan ha aggiunto che i fondi non bastano.",
            "it",
            "Emanuela Zordan",
        ),
    ],
)
def test_a_person_introduced_by_a_common_given_name_alone_is_a_person_later_too(text, lang, person):
    claims = extract(text, lang)
    assert [c.source_kind for c in claims[:2]] == ["person", "person"]
    assert [c.source_name for c in claims[:2]] == [person, person]


def test_a_given_name_that_opens_an_institution_or_place_is_left_out_of_the_list():
    claims = extract("La Marina Militare ha detto che la nave è rientrata a Taranto.", "it")
    assert claims[0].source_kind == "organization"


@pytest.mark.parametrize(
    ("text", "lang", "person"),
    [
        (
            'The agency\'s envoy, Dr. Ilse Varga-Moreau, sounded cautious. "Nothing is settled yet," she said.',
            "en",
            "Ilse Varga-Moreau",
        ),
        (
            "Teodor Brask, 47, who owns a bakery on the square, said sales had halved.",
            "en",
            "Teodor Brask",
        ),
        (
            "Il relatore, on. Ermes Collodi, ha spiegato che il testo arriverà in aula a marzo.",
            "it",
            "Ermes Collodi",
        ),
    ],
)
def test_a_title_before_a_name_or_an_age_after_it_marks_a_person(text, lang, person):
    claim = extract(text, lang)[-1]
    assert claim.source_kind == "person"
    assert claim.source_name == person
