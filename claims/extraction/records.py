"""Immutable output records of the extractor: character spans and claims."""

from __future__ import annotations

from dataclasses import dataclass

SOURCE_KINDS = ("person", "role", "organization", "media", "anonymous", "document", "author")
QUOTE_TYPES = ("direct", "indirect", "mixed", "none")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article: ``text == article[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim with its attribution, in the fields of GUIDELINES.md."""

    content: Span
    source: Span | None
    cue: Span | None
    channel: Span | None
    source_kind: str
    quote: str
    hedged: bool
    source_name: str | None

    def to_dict(self) -> dict:
        """Plain JSON-ready dict; span fields are ``None`` or ``{"text", "start", "end"}``."""
        return {
            "content": self.content.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "channel": self.channel.to_dict() if self.channel else None,
            "source_kind": self.source_kind,
            "quote": self.quote,
            "hedged": self.hedged,
            "source_name": self.source_name,
        }
