"""Claim and source-attribution extraction for Italian and English news.

Pure Python + spaCy (blank pipelines and this package's components); no Django.

Modules: ``segmenter`` (spaCy factory ``news_sentencizer``), ``attribution``
(factory ``claim_attribution``, which fills ``doc._.claims``), ``rules`` with
``phrases``, ``sources`` and ``resolution`` (the attribution rules),
``lexicon``/``inflect`` (lexicon data under ``lexicons/``, verb forms generated
from lemmas), ``entities`` (people named in the article), ``quotes``,
``language`` (offline it/en detection), ``cli`` and ``bench``.

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
