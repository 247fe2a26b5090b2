"""Claim and source-attribution extraction for Italian and English news.

Pure Python + spaCy (blank pipelines and this package's components); no Django.

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
