"""Triage: how much a claim is worth checking, from its record alone.

A transparent sum of weak signals rather than a model: numbers, dates,
named actors, hedging and anonymous sources make a claim more worth a
fact-checker's time; "declined to comment", greetings and pleasantries make
it less. The reasons are kept beside the score so the queue can say why.
Computed on the Django side from the stored claim (content and attribution),
so the extraction library stays untouched.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

_NUMBER = re.compile(r"\d|\b(?:per ?cento|percent|miliard\w*|milion\w*|billion|million)\b", re.I)
_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
    "dicembre|january|february|march|april|may|june|july|august|september|october|november|"
    "december|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|monday|tuesday|"
    "wednesday|thursday|friday|saturday|sunday|ieri|yesterday|oggi|today"
)
_DATE = re.compile(rf"\b(?:{_MONTHS})\b|\b(?:19|20)\d\d\b", re.I)
# A capitalised word that does not open the sentence: a name, a body, a place.
_NAMED = re.compile(r"(?<=[\w,;:] )[A-ZÀ-Ý][\w'’-]{2,}")
_HEDGE_WORDS = re.compile(
    r"\b(?:presunt\w+|avrebbe\w*|sarebbe\w*|sarebbero|allegedly|alleged|reportedly|"
    r"unconfirmed|would have)\b",
    re.I,
)
_NO_COMMENT = re.compile(
    r"declin\w+ to comment|no comment|did not (?:respond|reply)|non ha (?:voluto )?commentat\w+|"
    r"non ha risposto|nessun commento|preferito non commentare",
    re.I,
)
_PLEASANTRY = re.compile(
    r"\b(?:grazie|thank(?:s| you)|auguri|congratulat\w+|complimenti|benvenut\w+|welcome|"
    r"buongiorno|good morning|salut\w+|greetings|felice di|happy to|celebrat\w+)\b",
    re.I,
)


@dataclass(frozen=True)
class Checkworthiness:
    score: int  # 0-100
    signals: tuple[str, ...]  # keys of SIGNALS


# (weight, reason): the signals and what the badge says about each.
SIGNALS = {
    "number": (20, _("numbers")),
    "date": (10, _("a date")),
    "named": (15, _("named actors")),
    "hedged": (15, _("hedged")),
    "anonymous": (15, _("anonymous sources")),
    "no_comment": (-40, _("declined to comment")),
    "pleasantry": (-30, _("greeting or pleasantry")),
    "short": (-15, _("very short")),
}
BASE = 40


def claim_checkworthiness(*, content: str, source_kind: str, hedged: bool) -> Checkworthiness:
    """Score one claim's content and attribution; the reasons name each signal found."""
    content = content or ""
    found = []
    if _NUMBER.search(content):
        found.append("number")
    if _DATE.search(content):
        found.append("date")
    # "March" is a date, not an actor.
    if any(not _DATE.fullmatch(word) for word in _NAMED.findall(content)):
        found.append("named")
    if hedged or _HEDGE_WORDS.search(content):
        found.append("hedged")
    if source_kind == "anonymous":
        found.append("anonymous")
    if _NO_COMMENT.search(content):
        found.append("no_comment")
    if _PLEASANTRY.search(content):
        found.append("pleasantry")
    if len(content.split()) < 4:
        found.append("short")
    score = BASE + sum(SIGNALS[name][0] for name in found)
    return Checkworthiness(score=max(0, min(100, score)), signals=tuple(found))


def reasons_text(signals: str) -> str:
    """The stored signal keys ("number,date") as words in the reader's language."""
    words = []
    for name in (signals or "").split(","):
        if name in SIGNALS:
            weight, label = SIGNALS[name]
            words.append(f"{'+' if weight > 0 else '−'} {label}")
    return "; ".join(words)


def apply_checkworthiness(claim) -> None:
    """Set a claim's score and reasons from its current content and attribution."""
    result = claim_checkworthiness(
        content=claim.content, source_kind=claim.source_kind, hedged=claim.hedged
    )
    claim.checkworthiness = result.score
    claim.checkworthiness_reasons = ",".join(result.signals)
