"""Word sets and small word tests that the attribution stages share.

Reads nothing but the words themselves: closed Italian and English classes (forms of
"essere", agent and "of" prepositions, modals, negative subjects), the word and
quotation-mark patterns, and two one-line tests (``_takes_lo``, ``_quoted_words``).
Imported by :mod:`cues`, :mod:`frames`, :mod:`spans`, :mod:`clauses`, :mod:`relays`
and :mod:`linking`; it imports none of them.
"""

from __future__ import annotations

import re

ESSERE_FORMS = frozenset(
    "è e' sono era erano sarebbe sarebbero fu furono sarà saranno sia siano fosse fossero".split()
)
_WORDS = re.compile(r"[^\W_]+")
# The same words in text that holds no "_": the plain class is matched faster.
_WORDS_WITHOUT_UNDERSCORE = re.compile(r"\w+")
_QUOTE_MARKS = re.compile('[«»“”"„]')
# Subjects that attribute nothing: "Nessuno ha confermato", "Nobody said".
NEGATIVE_SUBJECTS = frozenset(("nessuno", "nessuna", "nobody", "none", "neither", "né"))
CLAUSE_PUNCT = frozenset(",;:")
_MODALS = frozenset("will would could can may might shall should must".split())


_PARTICIPLE_ENDS = tuple(stem + end for stem in ("at", "ut", "it") for end in "oaie")


def _takes_lo(word: str) -> bool:
    """Whether the Italian article before ``word`` is "lo" ("lo sciopero", "lo zio")."""
    return word.startswith(("z", "gn", "ps", "x", "y")) or (
        len(word) > 1 and word[0] == "s" and word[1] not in "aeiouàèéìòù"
    )


_AGENT_WORDS = frozenset(("da", "dal", "dallo", "dalla", "dall", "dai", "dagli", "dalle"))
_OF_WORDS = frozenset(
    ("di", "del", "della", "dello", "dell", "dei", "degli", "delle", "of", "from", "by")
)


def _quoted_words(inner: str) -> bool:
    """Whether a quotation holds someone's words: three words or more, one of them in
    lowercase (not a slogan or a title: "Kids Not Cuts"), and no question."""
    words = inner.split()
    return (
        len(words) >= 3
        and any(w[:1].islower() for w in words)
        and not inner.rstrip(" ,.").endswith("?")
    )


def english_singular(word: str) -> str:
    """An English plural's singular, by its regular endings ("companies", "selectors")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
