"""The stages' shared data: sentences, cues and draft claims.

Every stage of the extractor (cue finding in :mod:`cues`, phrase edges in
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
    predicative: str = ""  # "as" | "bare" | "both": "called it a hoax", "described it as ..."


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
    retro_run: bool = False  # "È quanto riferisce X": X's account is the run of sentences before
    pronoun: str = ""  # the pronoun standing for the source ("she"), when one does
    hedged_frame: bool = False  # "X is understood to have told ...": the attribution is hedged


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
    # Offsets of the marks around a name ("secondo «La Stampa»"): no quotation, no token.
    name_marks: frozenset[int] = frozenset()

    @property
    def toks(self) -> list[Tok]:
        if self._toks is None:
            self._toks = tokenize(self.text, self.start, self.end, self.quotes, self.name_marks)
        return self._toks

    def token_texts(self) -> list[str]:
        """The texts of :attr:`toks`; a sentence in the article's own voice is judged on
        these alone, so its Tok objects are not built just for that."""
        if self._toks is None and not self.quotes and not self.name_marks:
            return token_texts(self.text, self.start, self.end)
        return [t.text for t in self.toks]

    @property
    def built_toks(self) -> list[Tok] | None:
        """The tokens if they were built already, else ``None`` (never builds them)."""
        return self._toks


def sentences_from_spans(text: str, spans: list[tuple[int, int, int]]) -> list[Sentence]:
    """Build :class:`Sentence` objects (quotation pairs, lazy tokens) from
    ``(start, end, paragraph)`` triples."""
    sentences = []
    for start, end, paragraph in spans:
        quotes = find_quote_pairs(text, start, end)
        names = [q for q in quotes if is_quoted_name(text, q)]
        if names:
            quotes = [q for q in quotes if q not in names]
        marks = frozenset(m for q in names for m in (q[0], q[2]))
        sentences.append(Sentence(start, end, paragraph, text, quotes, name_marks=marks))
    return sentences


# Lowercase words a name in quotation marks may hold: "Corriere della Sera", "Times of India",
# "Gazzetta dello Sport", "Il Sole 24 Ore" (a number), "Quotidiano dell'Umbria" (an elided link).
_NAME_LINKS = frozenset("di da del dello della dei degli delle de of the and e".split())
_ELIDED_LINKS = ("dell'", "dell’", "d'", "d’")
# Words after which one capitalised word in quotation marks names an outlet or a body:
# "secondo «Avvenire»", "ha detto al «Foglio»", "told 'Newsday'".
_BEFORE_A_NAME = frozenset(
    """secondo su sul sulla al alla a da dal dalla per scrive scrivono riporta riportano
    to told according in on by""".split()
)
_NOT_IN_A_NAME = frozenset('.,;:!?«»“”"‘')


def is_quoted_name(text: str, pair: tuple[int, int, int, int]) -> bool:
    """Whether a quotation pair only sets off a name ("secondo «La Stampa»", "told 'The
    Times'"): at most five words, capitalised but for linking words, no punctuation; a
    single word only after a preposition or a verb of publishing."""
    inner = text[pair[1] : pair[2]]
    words = inner.split()
    if not 1 <= len(words) <= 5 or any(ch in _NOT_IN_A_NAME for ch in inner):
        return False
    if not words[0][0].isupper():
        return False
    capitalised = 0
    for word in words:
        if word[0].isupper():
            capitalised += 1
        elif word.isdigit():
            continue
        elif word.lower().startswith(_ELIDED_LINKS):
            capitalised += word.split("'")[-1].split("’")[-1][:1].isupper()
        elif word.lower() not in _NAME_LINKS:
            return False
    if capitalised >= 2:
        return True
    before = text[max(0, pair[0] - 30) : pair[0]].split()
    return bool(before) and before[-1].lower() in _BEFORE_A_NAME
