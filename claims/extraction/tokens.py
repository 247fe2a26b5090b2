"""Word tokens with absolute character offsets, for the attribution rules.

The rules look words up in lexicon sets and need exact offsets into the
article; a single compiled regex gives both in one linear pass. Apostrophes
are dropped (``l'addetto`` gives ``l`` and ``addetto``): elision carries no
attribution meaning. Quotation marks are paired separately on characters; a
' or ’ that pairs as a quotation mark is given back as a token of its own.
"""

from __future__ import annotations

import re

# Numbers keep their separators ("0,7", "10.000", "3.1") so a decimal comma is not a clause break.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:[-][^\W_]+)*|[^\w\s'’]")

DASHES = frozenset("–—-")
OPEN_QUOTES = frozenset("«“‘\"„'")
CLOSE_QUOTES = frozenset("»”’\"'")
QUOTE_CHARS = frozenset("«»“”‘’\"„'")
PUNCT_STOP = frozenset(",;:.!?()[]…")


class Tok:
    """A word or punctuation mark; ``start``/``end`` index the article text."""

    __slots__ = ("text", "lower", "start", "end", "is_word", "is_capitalized")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.lower = text.lower()
        self.start = start
        self.end = end
        self.is_word = text[0].isalnum()
        self.is_capitalized = text[0].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int, end: int, quotes=(), drop=frozenset()) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    ``quotes`` are the sentence's quotation pairs: a straight ' or a ’ that
    pairs as a quotation mark becomes a token of its own (every other one is an
    apostrophe and is dropped). ``drop`` holds the offsets of marks that only
    set off a name ("secondo «La Stampa»"): they give no token."""
    toks = [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    if drop:
        toks = [t for t in toks if t.start not in drop]
    marks = set()
    for open_start, open_end, close_start, close_end in quotes:
        for mark, mark_end in ((open_start, open_end), (close_start, close_end)):
            if mark_end - mark == 1 and start <= mark < end and text[mark] in "'’":
                marks.add(mark)
    if not marks:
        return toks
    # Merge the marks into the tokens in one pass (both are in text order).
    inserted = [Tok(text[pos], pos, pos + 1) for pos in sorted(marks)]
    merged: list[Tok] = []
    k = 0
    for tok in toks:
        while k < len(inserted) and inserted[k].start < tok.start:
            merged.append(inserted[k])
            k += 1
        merged.append(tok)
    merged.extend(inserted[k:])
    return merged


def token_texts(text: str, start: int, end: int) -> list[str]:
    """The texts of ``tokenize(text, start, end)`` (no quotation pairs), without building
    the tokens."""
    return _TOKEN.findall(text, start, end)
