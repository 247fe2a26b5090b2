"""Word tokens with absolute character offsets, for the attribution rules.

The rules look words up in lexicon sets and need exact offsets into the
article; a single compiled regex gives both in one linear pass. Apostrophes
are dropped (``l'addetto`` gives ``l`` and ``addetto``): elision carries no
attribution meaning, and quotation marks are paired separately on characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+(?:[-][^\W_]+)*|[^\w\s'’]")

DASHES = frozenset("–—-")
QUOTE_CHARS = frozenset('«»“”‘’"„')
PUNCT_STOP = frozenset(",;:.!?()[]…")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    lower: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return [
        Tok(m.group(), m.group().lower(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, end)
    ]
