"""Carry-over: uncued sentences that go on relaying the same source keep it.

GUIDELINES' rule: a sentence with no attribution words of its own that the
article plainly presents as the same source still speaking keeps that source,
with no cue. The signal read here is the journalistic conditional: after
"Alcuni superstiti hanno riferito che ...", a following "Sarebbero partite da
Tripoli" in the same paragraph is still the survivors' account, not the
reporter's. A sentence in the article's own indicative voice between them stays
the author's but does not end the run ("Gli inquirenti stanno verificando ...",
then "I due agenti avrebbero reagito ..." is still the account cited before): a
new source and the paragraph's end do.

The stage works on drafts (see :mod:`rules`) after the sources are resolved,
in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .drafts import Draft

_WORD = re.compile(r"[^\W\d_]+")


def conditional_test(conditional_modals: Iterable[str]) -> Callable[[str], bool]:
    """A test for the Italian reporting conditional ("sarebbero partite", "avrebbe
    iniziato"); modals ("potrebbe", "dovrebbe") are speculation, not relaying."""
    modals = frozenset(m.lower() for m in conditional_modals)

    def is_conditional(text: str) -> bool:
        return any(
            w.endswith(("rebbe", "rebbero")) and w not in modals
            for w in _WORD.findall(text.lower())
        )

    return is_conditional


def carry_conditional_over(
    drafts: list[Draft], text: str, is_conditional: Callable[[str], bool]
) -> None:
    """Give each uncued conditional author claim the source of the cued claim before it
    in its paragraph; the article's own indicative claims between them stay its own."""
    carrier: Draft | None = None
    for d in sorted(drafts, key=lambda d: d.content[0]):
        if carrier is not None and d.paragraph != carrier.paragraph:
            carrier = None
        if d.source is not None:
            carrier = d if d.cue is not None else carrier
            continue
        if not d.author or d.cue is not None or d.resolve == "report":
            continue  # "si apprende che ...": the article's own unnamed sourcing, not a carry
        if carrier is not None and is_conditional(text[d.content[0] : d.content[1]]):
            d.source, d.channel, d.author = carrier.source, carrier.channel, False
            d.quote_only = False
            continue
