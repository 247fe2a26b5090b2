"""Stage 4, link across sentences and quotations: claims whose source is elsewhere.

Reads sentences with no cue of their own and cues that point back: content-first cues
("..., ha detto X" after the content, ``_attach_retro``, the retro opener and its
prefix), "Così X.", quotations labelled after or before them (``_quote_then_label``,
``_name_then_quote``, ``_colon_quote``), quotation paragraphs that go on, and the
article's own checkable sentences (``_drafts_without_cue``, ``_plain_sentence``).
Produces drafts, some with ``resolve`` set for :mod:`resolution` to fill in.
"""

from __future__ import annotations

from .drafts import Draft, Sentence
from .segmenter import dateline_length
from .state import ArticleState
from .tokens import DASHES, OPEN_QUOTES, Tok
from .wordsets import (
    _AGENT_WORDS,
    _OF_WORDS,
    _QUOTE_MARKS,
    _WORDS,
    _WORDS_WITHOUT_UNDERSCORE,
    _quoted_words,
)

# The marks that open a paragraph of quoted words (and that a quotation running over
# paragraphs opens each of them with).
_PARAGRAPH_OPENERS = '«“"'

# "È stato il sindaco a spiegare che ...": the copula forms that open such a cleft.
_CLEFT_OPENERS = frozenset(
    ("è", "e'", "sono", "era", "erano", "fu", "furono", "stato", "stata", "stati", "state")
)

# "Il ministro è netto: «...»", "La sindaca non ha dubbi: «...»": the words that link a
# short verdict on the speaker before the colon.
_VERDICT_COPULAS = frozenset(("è", "sono", "appare", "appaiono", "resta", "restano", "non"))

# "ha tirato una stoccata: «...»": the auxiliaries of an active passato prossimo, how far
# into the sentence its verb may stand, and the endings of a past participle.
_ACTIVE_AUXILIARIES = frozenset(("ha", "hanno", "aveva", "avevano"))
_CLAUSE_REACH = 12
_PARTICIPLE_ENDINGS = tuple(stem + end for stem in "aui" for end in ("to", "ta", "ti", "te"))


class Linker(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: claims across sentences."""

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

    def _cosi_x_at_end(self, sent: Sentence, index: int, drafts: list[Draft]) -> bool:
        """ "«Y»: così il ministro Rossi.", "Y, così la Cgil.": a verbless attribution after
        its claim, in the same sentence."""
        toks = sent.toks
        n = len(toks)
        if n < 6 or toks[-1].text not in (".", "!"):
            return False
        k = next(
            (
                m
                for m in range(n - 2, 2, -1)
                if toks[m].lower in ("così", "cosi")
                and (toks[m - 1].text in (",", ":", ";") or toks[m - 1].text in DASHES)
            ),
            None,
        )
        if k is None or sum(t.is_word for t in toks[k + 1 :]) > 10:
            return False
        source = self._with_apposition(toks, self.object_np(toks, k + 1, n), n)
        if (
            source is None
            or any(t.is_word for t in toks[source[1] :])
            or not any(
                t.is_capitalized or self._is_source_noun(t.lower)
                for t in toks[source[0] : source[1]]
            )
        ):
            return False
        ci, cj = self._trim(toks, 0, k - 1)
        if sum(t.is_word for t in toks[ci:cj]) < 3:
            return False
        drafts.append(
            Draft(
                content=self._span(toks, ci, cj),
                sentence=index,
                paragraph=sent.paragraph,
                source=self._span(toks, *source),
                cue=self._span(toks, k, k + 1),
            )
        )
        return True

    def _opens_unclosed_quote(self, sent: Sentence) -> bool:
        """The sentence opens with a quotation mark that nothing in its paragraph closes."""
        return self.text[sent.start] in _PARAGRAPH_OPENERS and sent.start == self._paragraph_start(
            sent
        )

    def _join_quoted_paragraphs(self, drafts: list[Draft]) -> list[Draft]:
        """One quotation running over paragraphs is one claim (GUIDELINES: "one long
        quotation spanning sentences stays one claim"). Newsrooms open every paragraph of
        it and close only the last; a paragraph left open is joined with the next
        paragraph's quotation when that one opens its paragraph, has no cue of its own and
        keeps the same speaker. The joined claim is marked ``open_quote``: all its words
        are quoted, and its marks are left out at both ends."""
        out: list[Draft] = []
        still_open = False  # the last claim kept ends in a paragraph left open
        for d in sorted(drafts, key=lambda d: d.content[0]):
            head = out[-1] if out else None
            if (
                still_open
                and head is not None
                and d.paragraph == head.paragraph + 1
                and d.cue is None
                and d.source is not None
                and d.source == head.source
                and (d.quote_only or d.open_quote)
                and self._opens_its_paragraph_with_a_mark(d)
            ):
                start, end = head.content[0], d.content[1]
                while self.text[start] in _PARAGRAPH_OPENERS + " ":
                    start += 1
                while end > start and self.text[end - 1] in '»”" .,':
                    end -= 1
                head.content = (start, end)
                head.paragraph = d.paragraph
                head.open_quote = True
                still_open = self._left_open(d)
                continue
            out.append(d)
            still_open = d.source is not None and self._left_open(d)
        return out

    def _opens_its_paragraph_with_a_mark(self, d: Draft) -> bool:
        start = self._paragraph_start(self.sentences[d.sentence])
        return self.text[start] in _PARAGRAPH_OPENERS and start <= d.content[0] <= start + 2

    def _left_open(self, d: Draft) -> bool:
        """The draft's quotation opens with a mark that nothing after it in its paragraph
        closes ('"If you are told to leave, leave now," she said. "Do not wait ...')."""
        if d.open_quote:
            return True
        if not d.quote_only:
            return False
        # the mark that opens the draft's quotation: at its start, or just before it
        mark = d.content[0] if self.text[d.content[0]] in _PARAGRAPH_OPENERS else d.content[0] - 1
        if mark < 0 or self.text[mark] not in _PARAGRAPH_OPENERS:
            return False
        end = self.text.find("\n", d.content[1])
        paragraph = self.text[mark : end if end >= 0 else len(self.text)]
        if paragraph.count("«") > paragraph.count("»"):
            return True
        if paragraph.count("“") > paragraph.count("”"):
            return True
        return paragraph.count('"') % 2 == 1

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
            if (
                cue is None
                and self.it
                and 1 <= k <= 4
                and toks[k - 1].lower in lex.speech_nouns
                and all(t.is_word for t in toks[:k])
                and not any(t.is_capitalized for t in toks[1:k])
            ):
                # "Quindi la promessa: «...»", "Poi l'affondo: «...»": the speaker goes on
                return Draft(
                    content=(quote[0], quote[3]),
                    sentence=0,
                    paragraph=sent.paragraph,
                    cue=(toks[k - 1].start, toks[k - 1].end),
                    quote_only=True,
                    resolve="quote",
                )
            if cue is None and strict:
                return None
            channel = None
            if cue is None:
                # "Il presidente dell'Anci, Carlo Neri: «...»": a short speaker label, no verb.
                span = self.subject_np(toks, 0, k)
                if self.it and span is not None:
                    span, channel = self._label_parts(toks, span)
                if (
                    span is None
                    or span[1] - span[0] > 10
                    or any(self._verbish(t) for t in toks[span[0] : span[1]])
                    or not any(t.is_capitalized for t in toks[span[0] : span[1]])
                ):
                    return self._clause_then_quote(sent, k, quote)
                source = span
            else:
                source = self._trim(toks, start, k)
                if self.it:
                    cut = next(
                        (
                            m
                            for m in range(source[0] + 1, source[1])
                            if toks[m].lower in ("non", "si", "è", "arriva", "arrivata")
                        ),
                        None,
                    )
                    if cut is not None:
                        # "La replica del ministro non si è fatta attendere: «...»"
                        source = (source[0], cut)
                if self.it and source[1] > source[0] and not self._source_like(toks, *source):
                    return None  # "una secca smentita della notizia: «...»": what is denied
            if source[1] <= source[0]:
                return None
            return Draft(
                content=(quote[0], quote[3]),
                sentence=0,
                paragraph=sent.paragraph,
                source=self._span(toks, *source),
                cue=cue,
                channel=self._span(toks, *channel) if channel else None,
            )
        return None

    def _cleft_first(self, sent, index: int, drafts: list[Draft]) -> bool:
        """ "È stato il sindaco a spiegare che Y", "Sono stati i carabinieri a riferire: Y":
        the phrase between the copula and "a" + a verb of saying is the source of what
        follows "che" or the colon; "È stata la Asl a confermarlo." points back (Italian)."""
        toks = sent.toks
        n = len(toks)
        k = 0
        while k < n and k < 3 and toks[k].lower in _CLEFT_OPENERS:
            k += 1
        if k == 0 or k >= n:
            return False
        a = next(
            (m for m in range(k + 1, min(n - 1, k + 10)) if toks[m].lower in ("a", "ad")), None
        )
        if a is None:
            return False
        source = self.object_np(toks, k, a)
        if source is None or source[1] != a or not self._head_names_a_source(toks, *source):
            return False
        verb = toks[a + 1].lower
        clitic = verb.endswith(("lo", "la")) and verb[:-2] in self.lex.verb_infinitives
        if verb not in self.lex.verb_infinitives and not clitic:
            return False
        d = Draft(
            content=(-1, -1),
            sentence=index,
            paragraph=sent.paragraph,
            source=self._span(toks, *source),
            cue=self._span(toks, a, a + 2),
        )
        after = a + 2
        if after < n and toks[after].lower in ("che", ":"):
            ci, cj = self._trim(toks, after + 1, n)
            if sum(t.is_word for t in toks[ci:cj]) >= 2:
                d.content = self._span(toks, ci, cj)
                drafts.append(d)
                return True
        if clitic and sum(t.is_word for t in toks[after:]) == 0:
            self._attach_retro(drafts, index, sent, d, source, toks, None)
            return True
        return False

    def _arrives_from(self, sent) -> Draft | None:
        """ "L'allarme arriva da Coldiretti: Y", "La conferma è arrivata dal Viminale: Y": a
        speech noun that arrives from X before a colon gives what follows to X (Italian)."""
        toks = sent.toks
        n = len(toks)
        noun = next((m for m in range(min(n, 4)) if toks[m].lower in self.lex.speech_nouns), None)
        if noun is None:
            return None
        v = noun + 1
        if v < n and toks[v].lower in ("è", "sono"):
            v += 1
        if v >= n or not toks[v].lower.startswith(("arriv", "giung", "giunt", "vien", "venut")):
            return None
        agent = v + 1
        if agent >= n or toks[agent].lower not in _AGENT_WORDS:
            return None
        source = self.object_np(toks, agent + 1, n)
        if source is None or source[1] >= n - 3 or toks[source[1]].text != ":":
            return None
        if not self._source_like(toks, *source):
            return None
        ci, cj = self._trim(toks, source[1] + 1, n)
        quoted = toks[source[1] + 1].text in OPEN_QUOTES
        if sum(t.is_word for t in toks[ci:cj]) < (1 if quoted else 3):
            return None
        return Draft(
            content=self._span(toks, ci, cj),
            sentence=0,
            paragraph=sent.paragraph,
            source=self._span(toks, *source),
            cue=self._span(toks, noun, v + 1),
        )

    def _label_parts(self, toks, span):
        """A speaker label before "«": without what follows the speaker ("La società, da
        parte sua, si difende", "Il sindaco si sfoga"), and with an outlet after "a" as the
        channel ("Il ministro Greco al Corriere"). Returns (source span, channel or None)."""
        i, j = span
        for m in (i + 1, i + 2):
            # "Durissimo il consigliere X: «...»", "Critica anche la Cgil: «...»": a fronted
            # verdict before the speaker's article
            if (
                m + 1 < j
                and toks[m].lower in self.lex.articles
                and toks[i].text not in self.lex.given_names
                and toks[i].lower not in self.lex.articles
                and all(self._is_adverb(t) for t in toks[i + 1 : m])
            ):
                i = m
                break
        for m in range(i + 1, j):
            low = toks[m].lower
            if low in _VERDICT_COPULAS and j - m <= 3:
                # "Il ministro è netto: «...»", "X non ha dubbi: «...»" (not "La situazione è
                # grave: «...»": the subject must name someone)
                return ((i, m) if self._head_names_a_source(toks, i, m) else None), None
            if low == "si" or (toks[m].text == "," and self._adverbial_at(toks, m + 1, j)):
                return (i, m), None
            if low in ("a", "al", "alla", "all", "ai", "agli", "alle") and m + 1 < j:
                outlet = (m + 1, j)
                if self._looks_like_outlet(toks, *outlet):
                    return (i, m), outlet
        return (i, j), None

    def _adverbial_at(self, toks, i, j) -> bool:
        """Whether tokens from ``i`` open one of the adverbial phrases ("da parte sua")."""
        if i >= j or toks[i].lower not in self.lex.adverbial_first:
            return False
        return any(
            i + len(words) <= j and all(toks[i + n].lower == w for n, w in enumerate(words))
            for words in self.lex.adverbial_phrases
        )

    def _clause_then_quote(self, sent, k: int, quote) -> Draft | None:
        """ "Infine ha tirato una stoccata ai rivali: «...»": a clause in the passato
        prossimo (active, "ha"/"hanno") whose colon opens a quotation that ends the
        sentence introduces its subject's words, whatever the verb; the verb is the cue,
        and a dropped subject is the nearest earlier mention."""
        toks = sent.toks
        if not self.it or quote[3] < sent.end - 1:
            return None
        for v in range(min(k - 1, _CLAUSE_REACH)):
            if toks[v].lower in _ACTIVE_AUXILIARIES:
                break
        else:
            return None
        p = v + 1
        while p < k and self._is_adverb(toks[p]):
            p += 1  # "ha poi lanciato"
        if p >= k or not toks[p].lower.endswith(_PARTICIPLE_ENDINGS):
            return None
        if any(t.text in OPEN_QUOTES for t in toks[:k]):
            return None
        source = self.subject_np(toks, 0, v) if v > 0 else None
        if source is not None and self._is_pronoun(toks, *source):
            source = None
        d = Draft(
            content=(quote[0], quote[3]),
            sentence=0,
            paragraph=sent.paragraph,
            source=self._span(toks, *source) if source else None,
            cue=(toks[v].start, toks[p].end),
        )
        if source is None:
            d.resolve = "pl" if toks[v].lower in ("hanno", "avevano") else "sg"
        return d

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
