"""The stages' shared data: sentences, cues and draft claims.

Every stage of the extractor (cue finding in :mod:`rules`, phrase edges in
:mod:`phrases`, source kinds in :mod:`sources`, resolution across sentences in
:mod:`resolution`, carry-over in :mod:`carryover`) reads and writes these
records; keeping them here, apart from the rules, means no stage imports
another to know their shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .quotes import find_quote_pairs
from .tokens import Tok, token_texts, tokenize


@dataclass(slots=True)
class Cue:
    kind: str  # verb | gerund | marker | relative | impersonal | passive
    i: int  # first token
    j: int  # one past the last token
    plural: bool = False
    past: bool = False
    conditional: bool = False
    needs_quote: bool = False
    needs_complement: bool = False
    object_claim: bool = False  # a denial whose object is the claim ("ha negato le accuse")
    interruption: bool = False  # "– ha continuato X –" inside a quotation


@dataclass(slots=True)
class Draft:
    content: tuple[int, int]
    sentence: int
    paragraph: int
    source: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    channel: tuple[int, int] | None = None
    resolve: str | None = None  # how to find a missing source: sg | pl | it | any | next
    cue_past: bool = False
    cue_conditional: bool = False
    author: bool = False
    quote_only: bool = False
    open_quote: bool = False  # a paragraph of a multi-paragraph quotation (opening mark only)
    kind: str | None = None
    source_name: str | None = None
    continuation: tuple[int, int] | None = None  # token range of a quotation resumed after the cue


@dataclass(slots=True)
class Sentence:
    """A sentence of the article; its tokens are built on first use (most sentences of an
    article carry no cue and never need them)."""

    start: int
    end: int
    paragraph: int
    text: str = field(repr=False, default="")
    quotes: list[tuple[int, int, int, int]] = field(default_factory=list)
    _toks: list[Tok] | None = field(default=None, repr=False)

    @property
    def toks(self) -> list[Tok]:
        if self._toks is None:
            self._toks = tokenize(self.text, self.start, self.end, self.quotes)
        return self._toks

    def token_texts(self) -> list[str]:
        """The texts of :attr:`toks`; a sentence in the article's own voice is judged on
        these alone, so its Tok objects are not built just for that."""
        if self._toks is None and not self.quotes:
            return token_texts(self.text, self.start, self.end)
        return [t.text for t in self.toks]

    @property
    def built_toks(self) -> list[Tok] | None:
        """The tokens if they were built already, else ``None`` (never builds them)."""
        return self._toks


def sentences_from_spans(text: str, spans: list[tuple[int, int, int]]) -> list[Sentence]:
    """Build :class:`Sentence` objects (quotation pairs, lazy tokens) from
    ``(start, end, paragraph)`` triples."""
    return [
        Sentence(start, end, paragraph, text, find_quote_pairs(text, start, end))
        for start, end, paragraph in spans
    ]
