"""Claim and source-attribution extraction for Italian and English news.

Pure Python + spaCy (blank pipelines and this package's components); no Django.

Modules: ``docs`` (the Doc, built in linear time), ``segmenter`` (spaCy factory
``news_sentencizer``), ``attribution`` (factory ``claim_attribution``, which fills
``doc._.claims``), ``drafts`` (the records the stages share), ``state`` (the
per-article attributes they read), ``rules`` (the
attribution engine) composed of its stages ``cues``, ``frames``, ``spans``,
``clauses``, ``english_clauses``, ``relays`` and ``linking`` with ``phrases``,
``wordsets``, ``sources``, ``resolution`` and ``carryover``, ``lexicon``/``inflect``
(lexicon data under ``lexicons/``, verb frames, forms generated from lemmas),
``entities`` (people named in the article), ``quotes``, ``language`` (offline it/en
detection), ``cli``, ``bench`` and ``stress`` (hostile inputs for the linear-time
checks). See docs/EXTRACTION.md.

    >>> from claims.extraction import extract
    >>> claims = extract("Il ministro Rossi ha detto che i conti sono in ordine.", "it")
    >>> [c.source.text for c in claims]
    ['Il ministro Rossi']
"""

from .language import detect_language
from .pipeline import EXTRACTOR_VERSION, extract, load_pipeline
from .records import ClaimRecord, Span

__all__ = [
    "extract",
    "detect_language",
    "load_pipeline",
    "EXTRACTOR_VERSION",
    "ClaimRecord",
    "Span",
]
