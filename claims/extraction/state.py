"""The per-article state every stage of the extractor reads, declared in one place.

:class:`~claims.extraction.rules.ArticleRules` is composed of mixins, one per stage
(:mod:`cues`, :mod:`frames`, :mod:`spans`, :mod:`clauses`, :mod:`english_clauses`,
:mod:`relays`, :mod:`linking`) and helpers (:mod:`phrases`, :mod:`sources`,
:mod:`resolution`). Each mixin derives from :class:`ArticleState`, so what a stage may
read on ``self`` is written down here, with its meaning, rather than found by reading
``ArticleRules.__init__``, which sets every one of these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .drafts import Cue, Sentence
    from .entities import EntityIndex
    from .lexicon import Lexicon
    from .tokens import Tok


class ArticleState:
    """Attributes of one article's rules; set by ``ArticleRules.__init__``."""

    text: str  # the article, which every offset indexes
    lex: Lexicon  # the language's words and frames
    entities: EntityIndex  # the people the article names
    it: bool  # Italian (else English)
    sentences: list[Sentence]  # the article's sentences, in order (set by ``run``)
    sentence_starts: list[int]  # their start offsets, for bisecting
    # Set while one sentence is read and read back by a later stage of the same sentence:
    cut_at: int | None  # where subject_np cut an embedded clause off
    first_clause: tuple[int, int] | None  # the first verb's clause of a coordinated subject
    channel_end: int  # the token after a sentence-level channel, or -1
    retro_source: tuple[int, int] | None  # the source a content-first cue points back with
    _prev_cue: Cue | None  # the cue before the one a verb rule is reading
    # Caches, filled on first use:
    _kinds: dict[tuple[int, int], tuple[str, str | None]]  # source span -> kind, name
    _genders: dict[str, str] | None  # surname -> "f"/"m" from the article's titles
    _run_starts_of: list[Tok] | None
    _run_starts: list[int]
    _is_conditional: Callable[[str], bool]  # the Italian reporting conditional test
