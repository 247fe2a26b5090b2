"""Relays and asides: who passes a claim on, read around the cues of a sentence.

Reads a sentence before and after its cues are read: reporting asides ("come riporta il
Corriere", "as reported by the AP") and citing asides ("citing two officials") are cut
out of the sentence (``_without_tokens``), a trailing relay ("Lo riferisce X") is merged
into the draft before it, and a document seen by an outlet becomes the source with the
outlet as its channel. Produces edited sentences and drafts; also the in-quotation flags
of a sentence's tokens (``_inside_flags``).
"""

from __future__ import annotations

import bisect

from .drafts import Draft, Sentence
from .state import ArticleState
from .tokens import DASHES, OPEN_QUOTES, Tok

# What a describing verb's object clause opens with: "explains how", "shows what".
_WH_WORDS = frozenset(("how", "what", "why", "whether", "where", "when", "which", "who"))


class RelayReader(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: asides, relays and documents."""

    def _split_document_relay(self, toks: list[Tok], d: Draft) -> None:
        """ "A letter seen by Reuters says ...", "documents obtained by the Ledger show ...": the
        document speaks and the outlet that saw it relays it (``document_relays``)."""
        lex = self.lex
        # (a search, not a walk from the sentence start: drafts of an endless sentence are many)
        first = bisect.bisect_left(toks, d.source[0], key=lambda t: t.start)
        if first >= len(toks):
            return
        k = first
        while k < len(toks) and toks[k].start <= d.source[1]:
            for seq in lex.document_relays_by_first.get(toks[k].lower, ()):
                if k > first and self._match(toks, k, seq):
                    outlet = self.object_np(toks, k + len(seq), len(toks))
                    if outlet is None:
                        return
                    d.source = self._span(toks, first, k)
                    d.channel = self._span(toks, *outlet)
                    return
            k += 1

    def _citing_aside(self, toks: list[Tok]) -> tuple[int, int, tuple[int, int]] | None:
        """A "citing X" phrase set off by commas before the sentence's verb of saying ("Citing
        X, Y said", "Y, citing X, said"): the tokens to leave out and X's token range."""
        first = self.lex.citing_first
        for c, tok in enumerate(toks):
            if tok.lower not in ("citing", "citando") or tok.lower not in first:
                continue
            if c > 0 and toks[c - 1].text != ",":
                continue
            # X runs to the next comma ("citing a police report,": a plain phrase scan would
            # stop at "report" as a verb)
            end = c + 1
            while (
                end < len(toks) and end - c <= 12 and (toks[end].is_word or toks[end].text in "'’")
            ):
                end += 1
            if end == c + 1 or end >= len(toks) or toks[end].text != ",":
                continue
            np = (c + 1, end)
            if not any(
                self._verbish(t) or t.lower in self.lex.verb_gerunds for t in toks[np[1] + 1 :]
            ):
                return None  # no verb after it (nor after a later "citing"): the cue itself
            # from the comma before "citing" (kept at the start), through the one after X
            return (c - 1 if c > 0 else c), np[1] + (0 if c > 0 else 1), np
        return None

    def _scope_closing_report(self, toks: list[Tok], cues, drafts: list[Draft]) -> None:
        """ "The memo outlines a plan and explains how it works, the Tribune reported.": a
        report closing the sentence after a comma covers everything before that comma. A
        verb inside it that only describes ("explains how", "shows what") is part of the
        report, not a claim of its own; a verb with a reported clause of its own ("the mayor
        told aides the plan was dead, the Times reported") keeps its claim, nested in the
        report (``_merge_trailing_relay`` then makes an outlet its channel)."""
        if len(cues) < 2:
            return
        comma = self._closing_report_comma(toks, cues[-1])
        if comma < 0:
            return
        cue_span = self._span(toks, cues[-1].i, cues[-1].j)
        outer = drafts[-1] if drafts and drafts[-1].cue == cue_span else None
        if outer is None or outer.source is None:
            return
        ci, cj = self._trim(toks, 0, comma)
        if cj - ci < 3:
            return
        outer.content = self._span(toks, ci, cj)
        inner = [c for c in cues[:-1] if c.j < comma]
        describing = {
            self._span(toks, c.i, c.j)
            for c in inner
            if c.j < len(toks) and toks[c.j].lower in _WH_WORDS
        }
        drafts[:-1] = [d for d in drafts[:-1] if d.cue not in describing]

    def _merge_trailing_relay(self, drafts: list[Draft]) -> None:
        """ "X ha detto che Y, scrive il Corriere." / "X told aides Y, the Times reported.": the
        outlet after the sentence relays X's words; it is their channel, not a second claim."""
        k = len(drafts) - 1
        if k < 1:
            return
        first, last = drafts[k - 1], drafts[k]
        if (
            first.author
            or first.source is None
            or last.source is None
            or last.cue is None
            or first.channel is not None
            # the outlet's span must cover the whole of X's claim, not a clause of its own
            or not (last.content[0] <= first.content[0] and first.content[1] <= last.content[1])
        ):
            return
        after = max(last.source[1], last.cue[1])
        if last.cue[0] < first.content[1]:
            return  # the outlet's verb must come after X's words
        tail = self.text[after : after + 2].lstrip(" »”\"'")
        kind = self.classify(last.source)[0]
        # "X said Y, according to Ming Pao." / "..., according to police.": whoever an
        # according-to marker names after a reported claim passed the words on
        relayer = kind == "media" or (
            not self.it and self.text[last.cue[0] : last.cue[1]].lower() == "according to"
        )
        if tail[:1] not in (".", "!", "") or not relayer:
            return  # only an outlet closing the sentence: "..., secondo i media, Y" is a claim
        first.channel = last.source
        del drafts[k]

    def _is_reporting_aside(self, toks: list[Tok], i: int, j: int) -> bool:
        """ "..., come riporta l'Ansa, ..." / "..., as reported by X.": a reporting clause
        after a comma that ends at a comma, a dash or the end of the sentence."""
        if i < 2 or toks[i - 1].text != "," or not toks[i - 2].is_word:
            return False
        rest = toks[j:]
        return (
            not rest
            or rest[0].text in (",", ";")
            or rest[0].text in DASHES
            or all(not t.is_word and t.text not in OPEN_QUOTES for t in rest)
        )

    def _without_tokens(self, sent: Sentence, i: int, j: int) -> Sentence:
        """The sentence with tokens [i, j) (and a comma right after them) left out; offsets
        still index the article."""
        toks = sent.toks
        if j < len(toks) and toks[j].text == ",":
            j += 1
        return Sentence(
            sent.start,
            sent.end,
            sent.paragraph,
            sent.text,
            sent.quotes,
            _toks=toks[:i] + toks[j:],
        )

    def _inside_flags(self, sent: Sentence) -> list[bool]:
        if not sent.quotes:
            return [False] * len(sent.toks)
        starts = [q[1] for q in sent.quotes]
        flags = []
        for tok in sent.toks:
            k = bisect.bisect_right(starts, tok.start) - 1
            flags.append(k >= 0 and sent.quotes[k][1] <= tok.start < sent.quotes[k][2])
        return flags
