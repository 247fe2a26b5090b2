"""Building the per-language pipelines and the public ``extract`` function."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from . import attribution as _attribution  # noqa: F401  (registers the factory and Doc._.claims)
from . import segmenter as _segmenter  # noqa: F401  (registers the factory)
from .docs import make_doc
from .interrupts import INTERRUPTS
from .language import SUPPORTED_LANGUAGES, detect_language
from .records import ClaimRecord
from .segmenter import TEXT_KEY

EXTRACTOR_VERSION = "0.5.1"


@functools.lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def load_pipeline(lang: str) -> Language:
    """The blank spaCy pipeline for ``lang`` with the news components, built once per process."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {SUPPORTED_LANGUAGES}")
    nlp = spacy.blank(lang)
    # Long articles are fine: the components are linear, and spaCy's limit guards
    # parsers we don't run.
    nlp.max_length = 50_000_000
    nlp.add_pipe("news_sentencizer")
    nlp.add_pipe("claim_attribution")
    nlp.get_pipe("news_sentencizer").initialize()
    nlp.get_pipe("claim_attribution").initialize()
    return nlp


def extract(text: str, lang: str | None = None) -> list[ClaimRecord]:
    """Split ``text`` into claims with their attribution.

    ``lang`` is ``"it"`` or ``"en"``; ``None`` detects it. Never raises on a
    ``str``: an empty or unusable text gives ``[]``; every span's offsets
    index ``text``.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    if lang not in SUPPORTED_LANGUAGES:
        lang = detect_language(text)
    try:
        nlp = load_pipeline(lang)
        doc = make_doc(nlp, text)
        doc.user_data[TEXT_KEY] = text  # spares the components re-joining Doc.text
        for _, component in nlp.pipeline:
            doc = component(doc)
        claims = doc._.claims or []
    except INTERRUPTS:  # a time limit ends the article, it is not a bad article
        raise
    except Exception:  # extraction is best effort: a bad article must not kill a worker
        return []
    return [c for c in claims if _valid(c, text)]


def _valid(claim: ClaimRecord, text: str) -> bool:
    for span in (claim.content, claim.source, claim.cue, claim.channel):
        if span is not None and not (
            0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
        ):
            return False
    return True
