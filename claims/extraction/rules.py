"""Attribution rules: from the sentences of an article to draft claims.

The rules work on word tokens with character offsets, looking words up in the
language's :class:`~claims.extraction.lexicon.Lexicon`. For every sentence they
find the *cues* (reporting verbs, according-to markers, impersonal forms),
decide for each cue on which side its source and its content lie, and emit a
:class:`Draft`. Sentences without a cue become quotations of the last speaker
(when they are all quotation) or the article's own claims. A second pass
resolves dropped subjects and pronouns to the nearest earlier compatible
mention, attaches "Lo riferisce X" sentences to the sentence before, and
classifies each source.

This module holds only :class:`ArticleRules`, the per-article state, and the two
entry points: :meth:`ArticleRules.analyze` (one sentence, stage by stage) and
:meth:`ArticleRules.run` (the article, then the second pass). The stages are
mixins, each in its own module, in the order a sentence meets them:

1. :mod:`cues` (``CueFinder``): the cues of a sentence (``find_cues``);
2. :mod:`frames` (``FrameReader``): whether each cue's frame is met (``_plausible``);
3. :mod:`spans` (``SpanPlacer``), :mod:`clauses` (``ClauseReader``) and
   :mod:`english_clauses` (``EnglishClauseReader``): the source and content spans of
   each cue (``_drafts_from_cues``, ``_verb_claim``, ``_english_verb_claim``);
4. :mod:`relays` (``RelayReader``): asides cut out before the cues are read,
   trailing and document relays merged after;
   :mod:`linking` (``Linker``): content-first cues, quotations labelled before or
   after, sentences with no cue;
5. classification: :mod:`sources` (kind and name of a source), :mod:`resolution`
   (the second pass), :mod:`carryover` (uncued sentences that go on relaying a
   source).

Helpers live beside them: :mod:`phrases` (noun-phrase edges, channels),
:mod:`wordsets` (the word sets the stages share); the records they share are in
:mod:`drafts`, and the per-article attributes they read on ``self`` are declared in
:mod:`state` (``ArticleState``), which every mixin derives from.
"""

from __future__ import annotations

import bisect

from .carryover import carry_conditional_over, conditional_test
from .clauses import ClauseReader
from .cues import CueFinder
from .drafts import Cue, Draft, Sentence
from .english_clauses import EnglishClauseReader
from .entities import EntityIndex
from .frames import FrameReader
from .interrupts import INTERRUPTS
from .lexicon import Lexicon
from .linking import Linker
from .phrases import PhraseFinder
from .relays import RelayReader
from .resolution import SourceResolver
from .sources import SourceClassifier
from .spans import SpanPlacer
from .tokens import OPEN_QUOTES, Tok


class ArticleRules(
    CueFinder,
    FrameReader,
    SpanPlacer,
    ClauseReader,
    EnglishClauseReader,
    RelayReader,
    Linker,
    PhraseFinder,
    SourceClassifier,
    SourceResolver,
):
    """Runs the rules over one article; create one per article."""

    def __init__(self, text: str, lex: Lexicon, entities: EntityIndex):
        self.text = text
        self.lex = lex
        self.entities = entities
        self.it = lex.lang == "it"
        self._kinds: dict[tuple[int, int], tuple[str, str | None]] = {}
        self.cut_at: int | None = None
        self.first_clause: tuple[int, int] | None = None
        self._genders: dict[str, str] | None = None  # "Ms Tarrant": surname -> "f" (resolution)
        self.channel_end = -1
        self.retro_source: tuple[int, int] | None = None
        self.sentence_starts: list[int] = []
        self.sentences: list[Sentence] = []
        self._run_starts_of: list[Tok] | None = None
        self._is_conditional = conditional_test(lex.data.get("conditional_modals", []))
        self._run_starts: list[int] = []
        self._prev_cue: Cue | None = None  # the cue before the one a verb rule is reading

    # -------------------------------------------------------------- sentence
    def analyze(self, sent: Sentence, index: int, drafts: list[Draft]) -> None:
        """Append the drafts of sentence ``index`` to ``drafts``."""
        if not sent.quotes and self._opens_unclosed_quote(sent):
            # «... (no closing mark): one paragraph of a quotation that runs over several
            # paragraphs, each opened and only the last one closed.
            start = sent.start + 1
            while start < sent.end and self.text[start].isspace():
                start += 1
            end = sent.end
            while end > start and self.text[end - 1] in ",;:.!?… \t":
                end -= 1
            if end - start > 10:
                drafts.append(
                    Draft(
                        content=(start, end),
                        sentence=index,
                        paragraph=sent.paragraph,
                        quote_only=True,
                        resolve="quote",
                        open_quote=True,
                    )
                )
            return
        if (
            self.it
            and self.text.startswith(("Così ", "Cosi ", "Così,"), sent.start)
            and self._cosi_x(sent, index, drafts)
        ):
            return
        if (
            self.it
            and (
                "così" in self.text[sent.start : sent.end]
                or "cosi" in self.text[sent.start : sent.end]
            )
            and self._cosi_x_at_end(sent, index, drafts)
        ):
            return
        if (
            self.it
            and self.text.startswith(("È ", "Sono ", "Fu ", "Furono ", "Era "), sent.start)
            and self._cleft_first(sent, index, drafts)
        ):
            return  # "È stato il sindaco a spiegare che ..."
        if not sent.quotes and self._no_cue_word(sent):
            self._plain_sentence(sent, index, drafts)
            return
        toks = sent.toks
        if not toks:
            return
        new: list[Draft] = []
        # "la replica del ministro X: «...»": the speech noun names the speaker.
        colon = self._colon_quote(sent, strict=True)
        if colon is None and self.it and self.text.find(":", sent.start, sent.end) >= 0:
            colon = self._arrives_from(sent)  # "L'allarme arriva da Coldiretti: Y"
        if colon:
            colon.sentence = index
            drafts.append(colon)
            return
        channel, ch_i, ch_j, ch_cue = self.find_channel(sent)
        aside = ch_cue is not None and self._is_reporting_aside(toks, ch_i, ch_j)
        if aside:
            # "Y, come riporta il Corriere." / "X, as reported by the AP, said Y": the clause
            # is an aside; the sentence is read without it and the outlet relays (or is) the
            # source.
            aside_channel = self._span(toks, *channel)
            aside_cue = self._span(toks, *ch_cue)
            sent = self._without_tokens(sent, ch_i - 1, ch_j)
            toks = sent.toks
            channel, ch_i, ch_j, ch_cue = None, -1, -1, None
        segment = self.text[sent.start : sent.end]
        # (one substring search skips the token walk in the many sentences with no "citing")
        cited = self._citing_aside(toks) if "iting" in segment or "itando" in segment else None
        if cited is not None:
            # "Citing two officials, the Gazette reported that ..." / "The ministry, citing new
            # data, said ...": the sentence is read without the aside; the party cited then
            # speaks through the subject (below).
            cite_i, cite_j, cited_np = cited
            cited = self._span(toks, *cited_np) if self._source_like(toks, *cited_np) else None
            sent = self._without_tokens(sent, cite_i, cite_j)
            toks = sent.toks
        inside = self._inside_flags(sent)
        cues = self.find_cues(sent, inside)
        self.channel_end = -1
        if ch_i >= 0:
            cues = [c for c in cues if not (ch_i <= c.i < ch_j)]
            # "l'assessore, che in un'intervista alla Stampa ha accusato ...": a channel inside
            # a relative clause does not cut the subject off from its verb.
            m = ch_i - 1
            while m > 0 and (
                toks[m].lower in self.lex.prepositions or toks[m].lower in self.lex.articles
            ):
                m -= 1
            in_relative = m > 0 and m < ch_i and toks[m].lower in ("che", "who")
            self.channel_end = -1 if in_relative else ch_j
        if cues:
            self._drafts_from_cues(sent, index, cues, inside, new)
            self._separate_contents(toks, new)
            if not self.it:
                self._scope_closing_report(toks, cues, new)
            self._merge_trailing_relay(new)
        if aside and not any(d.source is not None or d.resolve for d in new):
            ci, cj = self._trim(toks, 0, len(toks))
            if cj - ci >= 3:
                new = [
                    Draft(
                        content=self._span(toks, ci, cj),
                        sentence=index,
                        paragraph=sent.paragraph,
                        source=aside_channel,
                        cue=aside_cue,
                    )
                ]
        elif aside:
            for d in new:
                if d.channel is None and not d.author and not d.quote_only:
                    d.channel = aside_channel
        if not new and channel and ch_cue and ch_i <= 1:
            # "Come riporta il Corriere, Y": with no other source, the outlet is the source.
            start = ch_j
            while (
                start < len(toks)
                and not toks[start].is_word
                and toks[start].text not in OPEN_QUOTES
            ):
                start += 1
            ci, cj = self._trim(toks, start, len(toks))
            if cj - ci >= 3:
                new.append(
                    Draft(
                        content=self._span(toks, ci, cj),
                        sentence=index,
                        paragraph=sent.paragraph,
                        source=self._span(toks, *channel),
                        cue=self._span(toks, *ch_cue),
                    )
                )
                channel = None
        if not new:
            self._drafts_without_cue(sent, index, inside, new, drafts)
        if cited is not None:
            for d in new:
                if d.source is not None and d.channel is None and not d.author:
                    d.channel, d.source = d.source, cited
        if self.lex.document_relays:
            for d in new:
                if d.source is not None and d.channel is None:
                    self._split_document_relay(toks, d)
        if channel:
            for d in new:
                if d.channel is None and not d.author and not d.quote_only:
                    d.channel = self._span(toks, *channel)
        drafts.extend(new)

    # -------------------------------------------------------------- article
    def run(self, sentences: list[Sentence]) -> list[Draft]:
        """All claims of the article, in order."""
        self.sentence_starts = [sent.start for sent in sentences]
        self.sentences = sentences
        drafts: list[Draft] = []
        for index, sent in enumerate(sentences):
            before = len(drafts)
            try:
                self.analyze(sent, index, drafts)
            except INTERRUPTS:  # a time limit stops the article, not just this sentence
                raise
            except Exception:  # a rule bug on one odd sentence must not cost the whole article
                del drafts[before:]
            for d in drafts[before:]:
                d.sentence = index
        drafts = self._apply_retro(drafts)
        self._resolve(drafts, sentences)
        drafts = self._join_quoted_paragraphs(drafts)
        if self.it:
            carry_conditional_over(drafts, self.text, self._is_conditional)
        # In reading order: a rule may emit a sentence's author part after its attributed part.
        return sorted((d for d in drafts if d.content[1] > d.content[0]), key=_content_start)

    def enclosing_quote(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """The quotation pair of the sentence that strictly contains ``[start, end)``, if any."""
        k = bisect.bisect_right(self.sentence_starts, start) - 1
        if k < 0 or k >= len(self.sentences):
            return None
        for q in self.sentences[k].quotes:
            if q[1] <= start and end <= q[2] and (q[1], q[2]) != (start, end):
                return q
        return None


def _content_start(draft: Draft) -> int:
    return draft.content[0]
