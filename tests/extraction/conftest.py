"""Helpers shared by the extraction tests (blank pipelines only, no Django)."""

import pytest

from claims.extraction import extract


def find_claim(text: str, lang: str, hint: str):
    """The extracted claim whose content contains ``hint`` (fails the test when none does)."""
    claims = extract(text, lang)
    for claim in claims:
        if hint in claim.content.text:
            return claim
    contents = [c.content.text for c in claims]
    pytest.fail(f"no claim contains {hint!r}; got {contents}")


def check_fields(claim, expected: dict):
    """Compare the fields named in ``expected``; span fields compare by text."""
    got = {
        "source": claim.source.text if claim.source else None,
        "cue": claim.cue.text if claim.cue else None,
        "channel": claim.channel.text if claim.channel else None,
        "kind": claim.source_kind,
        "quote": claim.quote,
        "hedged": claim.hedged,
        "name": claim.source_name,
        "content": claim.content.text,
    }
    wrong = {k: (v, got[k]) for k, v in expected.items() if got[k] != v}
    assert not wrong, f"expected vs got: {wrong}"
