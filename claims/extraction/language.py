"""Offline language identification restricted to the languages we extract."""

from __future__ import annotations

import functools
import re

from .interrupts import INTERRUPTS

SUPPORTED_LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"

# Frequent function words: a cheap, dependable vote for short texts where the
# statistical model has too little to go on.
_FUNCTION_WORDS = {
    "it": frozenset(
        "il lo la gli le di del della che non per con una sono è anche nel alla dei ha".split()
    ),
    "en": frozenset(
        "the of and to that is was for with on are by this have from has be it".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """Return ``"it"`` or ``"en"`` for ``text``, offline.

    A clear majority of function words decides a text of thirty words or more
    (most articles). Otherwise py3langid, restricted to Italian and English, reads
    a bounded prefix (so a 1 MB article costs no more than a long one); texts too
    short for it fall back to the function-word count, then to Italian.
    """
    if not isinstance(text, str):
        return DEFAULT_LANGUAGE
    sample = text[:20000]
    words = [w.lower() for w in _WORD.findall(sample[:4000])]
    if not words:
        return DEFAULT_LANGUAGE
    votes = {lang: sum(w in fw for w in words) for lang, fw in _FUNCTION_WORDS.items()}
    decisive = _decisive_vote(votes, len(words))
    if decisive:
        # A news article's function words settle it: the model (100 MB, 0.4 s to load) is
        # only loaded for short or mixed texts, so most processes never pay for it.
        return decisive
    if len(words) >= 4:
        try:
            lang, _ = _identifier().classify(sample)
        except INTERRUPTS:
            raise
        except Exception:  # a broken model file must not break extraction
            lang = None
        if lang in SUPPORTED_LANGUAGES:
            return lang
    return max(SUPPORTED_LANGUAGES, key=lambda lang: (votes[lang], lang == DEFAULT_LANGUAGE))


def _decisive_vote(votes: dict[str, int], words: int) -> str | None:
    """The language whose function words outnumber the other's three to one, in a text of
    thirty words or more; ``None`` when the vote is too thin or too close to trust."""
    if words < 30:
        return None
    best = max(SUPPORTED_LANGUAGES, key=lambda lang: votes[lang])
    other = min(SUPPORTED_LANGUAGES, key=lambda lang: votes[lang])
    if best != other and votes[best] >= 5 and votes[best] >= 3 * votes[other]:
        return best
    return None
