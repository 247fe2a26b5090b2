"""Building the spaCy Doc in time linear in the text, whatever the text holds.

spaCy's tokenizer peels prefixes and suffixes off each whitespace-separated
chunk one at a time, re-running its affix regexes on what is left: a chunk of
n punctuation marks (16,000 quotation marks, a wall of nested parentheses)
costs n² regex steps. News prose never has such chunks, so ordinary text goes
through the tokenizer unchanged; a chunk longer than any word, or holding a
run of four or more marks, is cut here into word runs and short runs of one
mark instead. The extractor only reads sentence starts and character offsets
from the Doc, and both stay exact.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# A chunk no word reaches (URLs included), or a run of marks the affix loop would peel one by one.
_RISKY_CHUNK = re.compile(r"(?<!\S)\S{41,}|[^\w\s]{4,}")
# Pieces of a risky chunk (which has no whitespace): a word run, or up to 16 copies of one mark.
_PIECE = re.compile(r"\w+|(\W)\1{0,15}")


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, except that risky chunks are split without the tokenizer."""
    if _RISKY_CHUNK.search(text) is None:
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for match in _RISKY_CHUNK.finditer(text):
        start, end = match.span()
        if end <= pos:
            continue  # a second run of marks inside a chunk already cut
        start = max(start, pos)
        while start > pos and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        _add_tokens(nlp, text[pos:start], words, spaces)
        for piece in _PIECE.finditer(text, start, end):
            words.append(piece.group())
            spaces.append(False)
        pos = end
    _add_tokens(nlp, text[pos:], words, spaces)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc if doc.text == text else nlp.make_doc(text)


def _add_tokens(nlp: Language, region: str, words: list[str], spaces: list[bool]) -> None:
    if not region:
        return
    if words and region[0] == " " and not spaces[-1]:
        # One space after a cut chunk is that chunk's trailing whitespace, as spaCy keeps it.
        spaces[-1] = True
        region = region[1:]
        if not region:
            return
    for token in nlp.tokenizer(region):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
