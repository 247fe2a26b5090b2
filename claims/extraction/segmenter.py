"""A sentence segmenter for news prose, registered as a spaCy component.

What a generic sentencizer gets wrong in news copy, and this one handles:

- quotation marks: a quotation that spans several sentences stays inside one
  segment (attribution is per quotation), and an opening mark belongs to the
  sentence it opens;
- abbreviations before capitalised words (Sig., dott., on., Mr., Dr., U.S.);
- datelines (``ROMA –``, ``WASHINGTON (AFP) -``, ``Seoul, 25 dicembre 2025 –``)
  become their own segment, so they never glue onto the first claim;
- paragraph breaks always end a segment.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import read_lexicon_data
from .quotes import find_quote_pairs

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_DATELINE = re.compile(
    rf"""^(?:
        # ROMA – / WASHINGTON (AFP) -
        [{_UPPER}][{_UPPER}'’.\- ]{{1,40}}(?:\s*\([^)\n]{{1,30}}\))?
        \s*(?:[,]\s*[^\n–—-]{{1,40}})?\s*[–—-]+\s
      # (ANSA) - ROMA, 12 MAR -
      | \([{_UPPER}]{{2,}}[{_UPPER} .]{{0,15}}\)\s*[–—-]+\s
        (?:[{_UPPER}][{_UPPER}'’.\- ]{{1,40}}(?:[,]\s*[^\n–—-]{{1,40}})?\s*[–—-]+\s
          | [{_UPPER}][\w'’ ]{{1,30}},\s+\d{{1,2}}\s+\w+\.?(?:\s+\d{{4}})?\s*[–—-]+\s)?
      # Seoul, 25 dicembre 2025 –
      | [{_UPPER}][\w'’.\- ]{{1,30}},\s+\d{{1,2}}\s+\w+(?:\s+\d{{4}})?\s*[–—-]+\s
      # TORINO Marco ...
      | [{_UPPER}]{{3,}}(?:\s[{_UPPER}]{{2,}})?\s(?=[{_UPPER}][a-zà-ÿ])
    )""",
    re.VERBOSE,
)
TEXT_KEY = "claims.extraction.text"
_END_PUNCT = frozenset(".!?…")
_END_RE = re.compile("[.!?…]")
_CLOSERS = frozenset("»”’\"')]")
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "n", "nr", "art", "artt", "p", "pag", "pp", "vol"})
# Words that open sentences far more often than they continue a name after "U.S." / "D.C.".
_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i this that these those but and il lo la le gli un una "
    "ma e lui lei loro questo questa".split()
)
_INITIALISM = re.compile(r"(?:\b\w\.){2,}$")


def cached_text(doc: Doc) -> str:
    """The Doc's text, read once per Doc: ``Doc.text`` re-joins every token on each access.

    ``extract`` stores the original string under ``TEXT_KEY``; it is used when it still
    matches the Doc (same length as the tokens cover).
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None or (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text)):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def dateline_length(paragraph: str) -> int:
    """Length of the dateline opening ``paragraph``, or 0 when there is none."""
    match = _DATELINE.match(paragraph[:90])
    if not match:
        return 0
    head = match.group(0)
    # A dateline is short and carries no sentence punctuation of its own.
    if len(head.split()) > 8 or any(p in head for p in ".!?:;"):
        if not re.match(rf"^\(?[{_UPPER}]{{2,}}", head):  # "ROMA", "(AGI) - Bari, 4 giu. -"
            return 0
    return len(head)


def _is_boundary(text: str, pos: int, end: int, abbreviations: frozenset[str]) -> bool:
    """Whether a segment may end right before ``pos`` (after the punctuation run)."""
    j = pos
    while j < end and text[j] in " \t\u00a0":
        j += 1
    if j == pos or j >= end:
        return j >= end
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "«“‘\"'(¿¡[—–-©"):
        return False
    # The word before the full stop: an abbreviation or an initial continues.
    k = pos - 1
    while k >= 0 and text[k] in _CLOSERS:
        k -= 1
    if text[k] != ".":
        return True
    w = k
    while w > 0 and not text[w - 1].isspace() and text[w - 1] not in '(«“"':
        w -= 1
    word = text[w:k].lower()
    word = word[max(word.rfind("'"), word.rfind("’")) + 1 :]  # "L'on." -> "on"
    if word in _NUMBER_ABBREVIATIONS:
        return not nxt.isdigit()  # "No. 5", "art. 3": only before a number
    if len(word) == 1 and word.isalpha():
        return False  # an initial: J. R. R. Tolkien
    if _INITIALISM.search(text[w : k + 1]) and not nxt.isdigit():
        # "U.S. officials", "10 a.m. Tuesday" continue; "in the U.S. The ..." ends, and so
        # does '... after 10 a.m. "What we are seeing ...': a quotation opens a sentence.
        if nxt in '«“"':
            return True
        following = re.match(r"[^\W\d_]+", text[j : j + 20])
        return bool(following) and following.group().lower() in _SENTENCE_OPENERS
    if word in abbreviations or word.rstrip(".") in abbreviations:
        return False
    return True


def segment_paragraph(
    text: str, start: int, end: int, abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans."""
    spans: list[tuple[int, int]] = []
    head = dateline_length(text[start : min(end, start + 90)])
    if head:
        spans.append((start, start + head))
        start += head
        while start < end and text[start].isspace():
            start += 1
    pairs = find_quote_pairs(text, start, end)
    quoted = iter(pairs)
    current = next(quoted, None)
    sentence_start = start
    i = start
    while i < end:
        found = _END_RE.search(text, i, end)  # jump to the next full stop at C speed
        if found is None:
            break
        i = found.start()
        while current and i >= current[3]:
            current = next(quoted, None)
        if current and current[1] <= i < current[2]:
            # Inside a quotation: never split; but a quotation that ends its sentence
            # ('He said "no." The vote failed.') ends the segment with it.
            close_end = current[3]
            if text[current[2] - 1] in _END_PUNCT and _is_boundary(
                text, close_end, end, abbreviations
            ):
                spans.append((sentence_start, close_end))
                k = close_end
                while k < end and text[k].isspace():
                    k += 1
                sentence_start = k
                i = k
                continue
            i = current[2]
            continue
        j = i + 1
        while j < end and (text[j] in _END_PUNCT or text[j] in _CLOSERS):
            if current and text[j] in '«“‘"' and j == current[0]:
                break
            j += 1
        if _is_boundary(text, j, end, abbreviations):
            spans.append((sentence_start, j))
            k = j
            while k < end and text[k].isspace():
                k += 1
            sentence_start = k
            i = k
            continue
        i = j
    if sentence_start < end:
        spans.append((sentence_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_spans(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (paragraphs never merge)."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.extend(segment_paragraph(text, s, e, abbreviations))
    return spans


class NewsSentencizer:
    """Sets ``Token.is_sent_start`` from :func:`sentence_spans`.

    The abbreviation list is lexicon data: loaded by :meth:`initialize` from
    ``lexicons/<lang>.json`` (or given explicitly) and saved by
    :meth:`to_disk`.
    """

    def __init__(self, nlp: Language, name: str = "news_sentencizer"):
        self.name = name
        self.lang = nlp.lang
        self.abbreviations: frozenset[str] = frozenset()

    def initialize(self, get_examples=None, *, nlp=None, abbreviations=None, lexicon_dir=None):
        if abbreviations is None:
            abbreviations = read_lexicon_data(self.lang, lexicon_dir)["abbreviations"]
        self.abbreviations = frozenset(a.lower() for a in abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = cached_text(doc)
        boundaries = sorted(s for s, _ in sentence_spans(text, self.abbreviations))
        # One array write: setting Token.is_sent_start token by token re-checks the
        # whole Doc each time (quadratic on long articles).
        idx = doc.to_array([IDX, IS_SPACE]).astype("int64")
        n = len(doc)
        is_space = idx[:, 1].tolist()  # plain lists: numpy scalar indexing is slow in a loop
        values = numpy.full(n, -1, dtype="int64")
        # The first non-space token at or after each boundary starts a sentence.
        starts = numpy.searchsorted(
            idx[:, 0], numpy.asarray(boundaries, dtype="int64"), side="left"
        )
        first_tokens = []
        for i in starts.tolist():
            while i < n and is_space[i]:
                i += 1
            if i < n:
                first_tokens.append(i)
        values[first_tokens] = 1
        values[0] = 1
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "abbreviations.json").write_text(
            json.dumps(sorted(self.abbreviations), ensure_ascii=False), encoding="utf-8"
        )

    def from_disk(self, path, *, exclude=tuple()):
        data = json.loads((Path(path) / "abbreviations.json").read_text(encoding="utf-8"))
        self.abbreviations = frozenset(data)
        return self


@Language.factory("news_sentencizer")
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    """spaCy factory for :class:`NewsSentencizer` (entry point ``news_sentencizer``)."""
    return NewsSentencizer(nlp, name)
