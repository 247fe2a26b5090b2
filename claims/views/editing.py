"""What the article page's in-text editor needs to know about each claim."""

from claims.models import QuoteType, SourceKind


def editor_choices() -> dict:
    return {"editor_kinds": SourceKind.choices, "editor_quotes": QuoteType.choices}


def _span(text, start, end):
    if start is None or end is None:
        return None
    return {"text": text, "start": start, "end": end}


def claims_editor_data(claims) -> list[dict]:
    """The claims' current spans and attribution, in the page's order, for
    static/js/claim_editor.js (rendered with json_script, never as code)."""
    return [
        {
            "id": claim.pk,
            # The highlights number the claims in the order given (see highlighted_text).
            "number": number,
            "version": claim.version,
            "status": claim.status,
            "content": _span(claim.content, claim.content_start, claim.content_end),
            "source": _span(claim.source_text, claim.source_start, claim.source_end),
            "cue": _span(claim.cue_text, claim.cue_start, claim.cue_end),
            "channel": _span(claim.channel_text, claim.channel_start, claim.channel_end),
            "source_text": claim.source_text,
            "cue_text": claim.cue_text,
            "channel_text": claim.channel_text,
            "source_id": claim.source_id,
            "source_kind": claim.source_kind,
            "quote_type": claim.quote_type,
            "hedged": claim.hedged,
        }
        for number, claim in enumerate(claims, start=1)
    ]
