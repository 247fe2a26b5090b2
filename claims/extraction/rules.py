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

Helpers live beside it: :mod:`phrases` (noun-phrase edges, channels),
:mod:`sources` (kind and name of a source), :mod:`resolution` (the second pass),
:mod:`carryover` (uncued sentences that go on relaying a source); the records
they share are in :mod:`drafts`.
"""

from __future__ import annotations

import bisect

from .carryover import carry_conditional_over, conditional_test
from .clauses import ClauseReader
from .cues import CueFinder
from .drafts import Cue, Draft, Sentence
from .entities import EntityIndex
from .frames import FrameReader
from .interrupts import INTERRUPTS
from .lexicon import Lexicon
from .phrases import PhraseFinder
from .relays import RelayReader
from .resolution import SourceResolver
from .segmenter import dateline_length
from .sources import SourceClassifier
from .spans import SpanPlacer
from .tokens import DASHES, OPEN_QUOTES, Tok
from .wordsets import (
    _OF_WORDS,
    _QUOTE_MARKS,
    _WORDS,
    _WORDS_WITHOUT_UNDERSCORE,
    _quoted_words,
)


class ArticleRules(
    CueFinder,
    FrameReader,
    SpanPlacer,
    ClauseReader,
    RelayReader,
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
        if not sent.quotes and self._no_cue_word(sent):
            self._plain_sentence(sent, index, drafts)
            return
        toks = sent.toks
        if not toks:
            return
        new: list[Draft] = []
        # "la replica del ministro X: «...»": the speech noun names the speaker.
        colon = self._colon_quote(sent, strict=True)
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

    def _cosi_x(self, sent: Sentence, index: int, drafts: list[Draft]) -> bool:
        """ "Così il ministro Rossi.": a verbless attribution of the sentence before."""
        toks = sent.toks
        words = [t for t in toks if t.is_word]
        if len(words) > 14 or sent.quotes or toks[-1].text not in (".", "!"):
            return False
        source = self._with_apposition(toks, self.object_np(toks, 1, len(toks)), len(toks))
        if source is None or not any(
            t.is_capitalized or self._is_source_noun(t.lower) for t in toks[source[0] : source[1]]
        ):
            return False
        d = Draft(
            content=(-1, -1), sentence=index, paragraph=sent.paragraph, cue=self._span(toks, 0, 1)
        )
        self._attach_retro(drafts, index, sent, d, source, toks, None)
        return True

    def _opens_unclosed_quote(self, sent: Sentence) -> bool:
        """The sentence opens with a quotation mark that nothing in its paragraph closes."""
        return self.text[sent.start] in '«“"' and sent.start == self._paragraph_start(sent)

    def _paragraph_start(self, sent: Sentence) -> int:
        k = self.text.rfind("\n", 0, sent.start)
        return (
            k
            + 1
            + (len(self.text[k + 1 : sent.start]) - len(self.text[k + 1 : sent.start].lstrip()))
        )

    def _no_cue_word(self, sent: Sentence) -> bool:
        """One regex pass and set tests: the sentence cannot hold a cue."""
        segment = self.text[sent.start : sent.end].lower()
        if ":" in segment:
            return False
        words = (_WORDS if "_" in segment else _WORDS_WITHOUT_UNDERSCORE).findall(segment)
        lex = self.lex
        hits = lex.cue_vocabulary.intersection(words)
        if not hits:
            return True
        # Only words that start longer cues ("a", "di", "fatto", "as"): a cue needs its other
        # words too. A quotation mark is left to the full rules ("Per X, «...»").
        if not hits <= lex.weak_cue_words or _QUOTE_MARKS.search(segment):
            return False
        return not lex.may_complete_a_cue(hits, set(words))

    def _plain_sentence(self, sent: Sentence, index: int, drafts: list[Draft]) -> None:
        """A sentence with no cue and no quotation: an author claim when it is checkable."""
        text = self.text
        head = text[sent.start : min(sent.end, sent.start + 90)]
        if dateline_length(head) >= sent.end - sent.start - 2:
            return
        if not self._is_checkable(sent):
            return
        end = sent.end
        while end > sent.start and text[end - 1] in ",;:.!?…( \t":
            end -= 1
        start = sent.start
        while start < end and text[start] in ",;:.!?…) \t–—-":
            start += 1
        if end > start:
            drafts.append(
                Draft(content=(start, end), sentence=index, paragraph=sent.paragraph, author=True)
            )

    def _is_retro_opener(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether tokens [i, j) before a cue are "Lo", "È quanto", "Lo si"...: then the
        content is the sentence before."""
        openers = self.lex.retro_openers
        if not openers:
            return False
        any_word = False
        words: list[str] = []
        for k in range(i, j):
            tok = toks[k]
            if not tok.is_word:
                continue
            any_word = True
            if self._is_adverb_word(tok.lower):
                continue
            words.append(tok.lower)
            if len(words) > self.lex.retro_opener_length:
                return False  # longer than every opener: the rest of the clause need not be read
        return any_word and " ".join(words) in openers

    def _contrast_break(self, sent, i: int, j: int) -> int | None:
        """(English) The first ", but" / ", although" / ";" in tokens [i, j) outside a
        quotation: where the reporter's own contrasting clause starts, or ``None``."""
        if self.it:
            return None
        toks = sent.toks
        for m in range(i, j - 1):
            tok = toks[m]
            if (
                tok.text == ";"
                or tok.text == ","
                and toks[m + 1].lower in ("but", "although", "though", "whereas", "while")
            ) and not self._inside_quote(sent, tok):
                return m
        return None

    def _retro_prefix(self, toks: list[Tok], i: int, j: int) -> int | None:
        """The token after a ``retro_prefixes`` opener at the start of tokens [i, j) ("That is
        what", "That's"), the longest one, or ``None``."""
        while i < j and not toks[i].is_word:
            i += 1
        for seq in self.lex.retro_prefixes_by_first.get(toks[i].lower if i < j else "", ()):
            if i + len(seq) <= j and self._match(toks, i, seq):
                return i + len(seq)
        return None

    def _is_adverb_word(self, w: str) -> bool:
        return w in self.lex.adverbs or (self.it and w.endswith("mente") and len(w) > 6)

    def _attach_retro(self, out, index, sent, d: Draft, source, toks, cue, channel=None) -> None:
        """Mark a "Lo riferisce X" attribution to be applied to the sentence before."""
        d.content = (-1, -1)
        d.source = self._span(toks, *source) if source else None
        d.channel = channel
        d.author = False
        d.resolve = "retro"
        # "È quanto riferisce X", "è ciò che ha detto X" sum up an account; "Lo ha detto X"
        # points at one sentence.
        d.retro_run = cue is not None and any(t.lower in ("quanto", "ciò") for t in toks[: cue.i])
        out.append(d)

    # ------------------------------------------------------ no cue at all
    def _drafts_without_cue(self, sent, index, inside, out, drafts) -> None:
        toks = sent.toks
        text = self.text
        if dateline_length(text[sent.start : sent.end]) >= sent.end - sent.start - 2:
            return
        quoted = sum(q[2] - q[1] for q in sent.quotes)
        length = sent.end - sent.start
        labelled_after = self._quote_then_label(sent)
        if labelled_after:
            out.append(labelled_after)
            return
        # "X: «Y»" — a speaker introduced by a colon.
        colon = self._colon_quote(sent)
        if colon:
            out.append(colon)
            return
        labelled = self._name_then_quote(sent)
        if labelled:
            out.append(labelled)
            return
        if sent.quotes and quoted >= 0.6 * length:
            q = max(sent.quotes, key=lambda q: q[2] - q[1])
            d = Draft(
                content=(q[0], q[3]),
                sentence=index,
                paragraph=sent.paragraph,
                quote_only=True,
                resolve="quote",
            )
            out.append(d)
            return
        if not self._is_checkable(sent):
            return
        ci, cj = self._trim(toks, 0, len(toks))
        partial = not self.it and any(_quoted_words(text[q[1] : q[2]]) for q in sent.quotes)
        if cj > ci:
            out.append(
                Draft(
                    content=self._span(toks, ci, cj),
                    sentence=index,
                    paragraph=sent.paragraph,
                    # "Details will follow “as they become available.”": quoted words with
                    # no cue go on quoting the source just cited, if there is one
                    author=not partial,
                    resolve="partial" if partial else None,
                )
            )

    def _quote_then_label(self, sent) -> Draft | None:
        """ "«...»: è il commento del sindaco", '"...": that was the verdict of the panel':
        the quotation comes first and a speech noun after it names whose words they are."""
        toks = sent.toks
        if not sent.quotes or len(toks) < 5 or toks[0].text not in OPEN_QUOTES:
            return None
        quote = sent.quotes[0]
        if quote[0] != toks[0].start:
            return None
        k = next((m for m, t in enumerate(toks) if t.start >= quote[3]), len(toks))
        if k >= len(toks) or toks[k].text not in (":", ",") and toks[k].text not in DASHES:
            return None
        lex = self.lex
        for m in range(k + 1, min(len(toks) - 2, k + 6)):
            if not toks[m].is_word:
                return None
            if toks[m].lower in lex.speech_nouns and toks[m + 1].lower in _OF_WORDS:
                source = self._trim(toks, m + 2, len(toks))
                if source[1] <= source[0] or not self._source_like(toks, *source):
                    return None
                return Draft(
                    content=(quote[0], quote[3]),
                    sentence=0,
                    paragraph=sent.paragraph,
                    source=self._span(toks, *source),
                    cue=(toks[m].start, toks[m].end),
                )
        return None

    def _name_then_quote(self, sent) -> Draft | None:
        """ "Mario Rossi «non si ricandida»": a name followed straight by the quoted words."""
        toks = sent.toks
        for k, tok in enumerate(toks[:8]):
            if tok.text in OPEN_QUOTES:
                if k == 0 or any(self._verbish(t) or not t.is_word for t in toks[:k]):
                    return None
                name = self._person_in(toks[:k])
                if not name:
                    return None
                ci, cj = self._trim(toks, k, len(toks))
                return Draft(
                    content=self._span(toks, ci, cj),
                    sentence=0,
                    paragraph=sent.paragraph,
                    source=self._span(toks, 0, k),
                )
        return None

    def _colon_quote(self, sent, strict: bool = False) -> Draft | None:
        if self.text.find(":", sent.start, sent.end) < 0:
            return None  # no colon, no "X: «Y»" (and no tokens to walk)
        toks = sent.toks
        lex = self.lex
        for k, tok in enumerate(toks):
            if tok.text != ":":
                continue
            if k + 1 >= len(toks) or toks[k + 1].text not in OPEN_QUOTES:
                return None
            quote = next((q for q in sent.quotes if q[0] == toks[k + 1].start), None)
            if quote is None:
                return None
            cue = None
            start = 0
            for m in range(k):
                if (
                    toks[m].lower in lex.speech_nouns
                    and m + 1 < k
                    and toks[m + 1].lower
                    in (
                        "del",
                        "della",
                        "dello",
                        "dell",
                        "dei",
                        "degli",
                        "delle",
                        "di",
                        "of",
                        "from",
                    )
                ):
                    cue = (toks[m].start, toks[m].end)
                    start = m + 2
                    break
            if cue is None and strict:
                return None
            if cue is None:
                # "Il presidente dell'Anci, Carlo Neri: «...»": a short speaker label, no verb.
                span = self.subject_np(toks, 0, k)
                if (
                    span is None
                    or span[1] - span[0] > 10
                    or any(self._verbish(t) for t in toks[span[0] : span[1]])
                ):
                    return None
                if not any(t.is_capitalized for t in toks[span[0] : span[1]]):
                    return None
                source = span
            else:
                source = self._trim(toks, start, k)
            if source[1] <= source[0]:
                return None
            return Draft(
                content=(quote[0], quote[3]),
                sentence=0,
                paragraph=sent.paragraph,
                source=self._span(toks, *source),
                cue=cue,
            )
        return None

    def _is_checkable(self, sent) -> bool:
        """Whether a sentence in the article's own voice holds something a fact-checker
        can verify."""
        if self.lex.boilerplate.match(self.text, sent.start, sent.end):
            return False  # "Leggi anche", "© Riproduzione riservata", "Read more:", bylines
        texts = sent.token_texts()
        words = [w for w in texts if w[0].isalnum()]
        if len(words) < 4:
            return False
        last = self.text[sent.end - 1]
        if last == "?":
            return False
        if last not in ".!…»”\"'’)" and len(words) < 20:
            return False  # a heading or a section title
        # "Un gesto che alimenta nuove polemiche.": a verbless comment on the sentence before.
        if words[0].lower() in ("un", "una", "uno", "a", "an") and "," not in texts[:6]:
            for k in range(1, min(6, len(words))):
                low = words[k].lower()
                if low in ("che", "that", "which"):
                    return False
                if self._verbish_word(low):
                    break
        return True

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
