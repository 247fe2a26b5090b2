"""Hostile inputs of any size, for the linear-time tests and ``bench_extraction --stress``.

Each builder returns a text of exactly ``size`` characters made of one shape
that once made a stage of the extractor quadratic: walls of quotation marks
or parentheses (spaCy's affix loop), reported speech nested without end,
text with no punctuation at all (one endless sentence), and dense ordinary
copy in one paragraph.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return build


def _nested_parentheses(size: int) -> str:
    half = (size - 1) // 2
    return ("(" * half + "x" + ")" * half).ljust(size, ")")


# (name, language, builder)
STRESS_INPUTS: list[tuple[str, str, Callable[[int], str]]] = [
    ("guillemets", "it", _repeat("«")),
    ("straight quotes", "en", _repeat('"')),
    ("nested parentheses", "it", _nested_parentheses),
    ("spaced parentheses", "en", _repeat("( ")),
    ("chained reported speech", "it", _repeat("Marta Sala ha detto che Ugo Neri ha detto che ")),
    ("chained reported speech", "en", _repeat("Ann Webb said that Tom Hale said that ")),
    ("nested quotations", "it", _repeat("Sala ha detto: «Neri ha aggiunto: «")),
    ("nested quotations", "en", _repeat('Webb said: "Hale told her that "')),
    ("no punctuation", "it", _repeat("il sindaco ha detto che il bilancio cresce secondo fonti ")),
    ("no punctuation", "en", _repeat("the mayor said the budget grows according to aides ")),
    ("dashed asides", "it", _repeat("– ha detto Sala – ")),
    (
        "dense copy in one paragraph",
        "it",
        _repeat("Il sindaco ha detto che il bilancio cresce. «Non è vero», ha replicato Neri. "),
    ),
    (
        "dense copy in one paragraph",
        "en",
        _repeat('The mayor said the budget grows. "Not true," Hale replied, citing aides. '),
    ),
]
