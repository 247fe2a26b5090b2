"""Each stage of ArticleRules on its own: what it reads and what it produces.

The end-to-end tables (test_english_constructions.py, test_italian_constructions.py, ...)
judge whole claims; these call one stage's entry point on one sentence, so a failure
names the module to open (see docs/EXTRACTION.md).
"""

from claims.extraction.drafts import sentences_from_spans
from claims.extraction.entities import build_entity_index
from claims.extraction.lexicon import default_lexicon
from claims.extraction.rules import ArticleRules
from claims.extraction.segmenter import sentence_spans


def _first_sentence(lang, text):
    lex = default_lexicon(lang)
    spans = [(start, end, 0) for start, end in sentence_spans(text, lex.abbreviations)]
    sentences = sentences_from_spans(text, spans)
    rules = ArticleRules(text, lex, build_entity_index(text, lex))
    rules.sentences = sentences
    rules.sentence_starts = [sent.start for sent in sentences]
    return rules, sentences[0]


def _text(rules, span):
    return rules.text[span[0] : span[1]] if span else None


def _words(sent, i, j):
    return " ".join(tok.text for tok in sent.toks[i:j])


def _index(sent, word):
    return [tok.lower for tok in sent.toks].index(word)


# ---------------------------------------------------------------- cues.py
def test_cues_finds_the_reporting_verb_of_a_sentence_with_its_auxiliary():
    rules, sent = _first_sentence("it", "Il ministro Rossi ha detto che i conti sono in ordine.")
    cues = rules.find_cues(sent, rules._inside_flags(sent))
    assert [(cue.kind, _words(sent, cue.i, cue.j)) for cue in cues] == [("verb", "ha detto")]


def test_cues_finds_nothing_in_a_sentence_without_a_cue_word():
    rules, sent = _first_sentence(
        "it", "Il ministro Rossi è arrivato a Roma ieri sera con la moglie."
    )
    assert rules.find_cues(sent, rules._inside_flags(sent)) == []


# -------------------------------------------------------------- frames.py
def test_frames_accepts_a_verb_whose_complement_follows_and_rejects_an_event_object():
    for text, plausible in (
        ("The minister announced that taxes would rise.", True),
        ("The minister announced his resignation on Monday.", False),
    ):
        rules, sent = _first_sentence("en", text)
        cue = rules._verb_cue_at(sent.toks, _index(sent, "announced"))
        assert cue is not None
        assert rules._plausible(sent.toks, cue, [], rules._inside_flags(sent)) is plausible, text


# --------------------------------------------------------------- spans.py
def test_spans_places_the_source_before_the_cue_and_the_content_after_it():
    rules, sent = _first_sentence("en", "The minister announced that taxes would rise.")
    inside = rules._inside_flags(sent)
    drafts = []
    rules._drafts_from_cues(sent, 0, rules.find_cues(sent, inside), inside, drafts)
    assert [
        (_text(rules, d.source), _text(rules, d.cue), _text(rules, d.content)) for d in drafts
    ] == [("The minister", "announced", "taxes would rise")]


# ------------------------------------------------------------- clauses.py
def test_clauses_skips_a_channel_phrase_to_the_complementizer():
    rules, sent = _first_sentence(
        "en", "The ministry said in a statement that the plant would close."
    )
    start, channel = rules._skip_to_complementizer(
        sent.toks, _index(sent, "said") + 1, len(sent.toks)
    )
    assert _words(sent, start, len(sent.toks)) == "the plant would close ."
    assert channel is None


def test_clauses_reads_an_inverted_source_only_when_it_closes_the_clause():
    rules, sent = _first_sentence("en", "The plant will close, said the spokesman.")
    assert rules._inverted_source_ends(sent.toks, _index(sent, "said") + 1, len(sent.toks))
    rules, sent = _first_sentence(
        "en",
        "The plant will close, said the spokesman for the ministry of industry in Rome "
        "on Monday after talks.",
    )
    assert not rules._inverted_source_ends(sent.toks, _index(sent, "said") + 1, len(sent.toks))


def test_clauses_reads_quoted_as_saying_as_speaker_and_relay():
    rules, sent = _first_sentence(
        "en", "Reuters quoted the minister as saying the plant would close."
    )
    (cue,) = rules.find_cues(sent, rules._inside_flags(sent))
    speaker, relay = rules._quoted_as_saying(sent.toks, 0, cue)
    assert (_words(sent, *speaker), _words(sent, *relay)) == ("the minister", "Reuters")


# -------------------------------------------------------------- relays.py
def test_relays_cuts_a_citing_aside_out_and_keeps_whom_it_cites():
    rules, sent = _first_sentence(
        "en", "Citing two officials, the Gazette reported that the plant would close."
    )
    cut_i, cut_j, cited = rules._citing_aside(sent.toks)
    assert _words(sent, cut_i, cut_j) == "Citing two officials ,"
    assert _words(sent, *cited) == "two officials"
    rest = rules._without_tokens(sent, cut_i, cut_j)
    assert _words(rest, 0, len(rest.toks)) == "the Gazette reported that the plant would close ."


# ------------------------------------------------------------- linking.py
def test_linking_gives_a_quotation_to_the_speaker_named_before_the_colon():
    rules, sent = _first_sentence(
        "it", "La replica del ministro Rossi: «Non ci saranno nuove tasse quest'anno»."
    )
    draft = rules._colon_quote(sent, strict=True)
    assert (_text(rules, draft.source), _text(rules, draft.content)) == (
        "ministro Rossi",
        "«Non ci saranno nuove tasse quest'anno»",
    )
    assert rules._quote_then_label(sent) is None


def test_linking_gives_a_quotation_to_the_speaker_named_after_it():
    rules, sent = _first_sentence(
        "it", "«Non ci saranno nuove tasse quest'anno»: è il commento del ministro Rossi."
    )
    draft = rules._quote_then_label(sent)
    assert (_text(rules, draft.source), _text(rules, draft.content)) == (
        "ministro Rossi",
        "«Non ci saranno nuove tasse quest'anno»",
    )
    assert rules._colon_quote(sent, strict=True) is None
