"""Throughput benchmark of the extractor against spaCy's blank tokenizer.

``python -m claims.extraction.bench [FILES]`` or the Django command
``bench_extraction``. The built-in texts are written for this project (no
outlet's copy) and mix both languages and every construction the rules know.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import spacy

from . import detect_language, extract, load_pipeline

_IT = (
    "ROMA – Il ministro dell'Economia Carla Bentivoglio ha detto che il deficit scenderà al 3,1% "
    "entro il 2026. «Non ci saranno nuove tasse», ha aggiunto la ministra, "
    "parlando ai giornalisti. "
    "Secondo fonti di maggioranza, il governo avrebbe già pronto un decreto da 4 miliardi. "
    "Il sindaco di Trento, Paolo Sartori, ha spiegato all'Ansa che i lavori sul ponte "
    "finiranno a marzo. L'opposizione contesta i numeri: «Sono stime gonfiate», ha replicato "
    "il capogruppo. I consumi sono cresciuti dello 0,4% a settembre, stando ai dati dell'Istat. "
    "Lo riferisce l'agenzia Adnkronos, citando fonti del ministero. Il presunto accordo "
    "con le banche, si apprende, prevede tassi agevolati per le famiglie.\n\n"
)
_EN = (
    "WASHINGTON (AP) - The city council voted 7-2 on Monday to expand the bus network, "
    'officials said. "We have waited ten years for this," said Mayor Ellen Park. '
    "According to a report by the transit agency, ridership rose 12 percent last year. "
    "A spokesperson for the union told Reuters that drivers would strike if wages were cut. "
    "The plan allegedly relies on a federal grant that has not yet been approved, "
    "people familiar with the matter said. The agency says the first routes open in May.\n\n"
)


def builtin_texts(words_per_text: int = 1000) -> list[tuple[str, str]]:
    """About 1,000-word articles in each language, built from the samples above."""
    out = []
    for lang, sample in (("it", _IT), ("en", _EN)):
        repeat = max(1, words_per_text // len(sample.split()))
        out.append((lang, sample * repeat))
    return out


def _rate(func, texts, rounds: int) -> float:
    words = sum(len(t.split()) for _, t in texts) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for lang, text in texts:
            func(lang, text)
    return words / (time.perf_counter() - started)


def run(files: list[str] | None = None, rounds: int = 20, out=None) -> dict:
    """Measure and print throughput, per-article latency and peak memory."""
    out = out or sys.stdout
    if files:
        texts = []
        for path in files:
            text = Path(path).read_text(encoding="utf-8")
            texts.append((detect_language(text), text))
    else:
        texts = builtin_texts()
    for lang in {lang for lang, _ in texts}:
        load_pipeline(lang)  # loading is a one-off per process: keep it out of the timing
    blanks = {lang: spacy.blank(lang) for lang in {lang for lang, _ in texts}}
    for lang, text in texts:  # warm caches on both sides
        extract(text, lang)
        blanks[lang].tokenizer(text)
    tokenizer_wps = _rate(lambda lang, text: blanks[lang].tokenizer(text), texts, rounds)
    extractor_wps = _rate(lambda lang, text: extract(text, lang), texts, rounds)
    ms_per_1000 = 1000.0 / extractor_wps * 1000.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    words = sum(len(t.split()) for _, t in texts)
    result = {
        "texts": len(texts),
        "words": words,
        "extractor_words_per_s": extractor_wps,
        "tokenizer_words_per_s": tokenizer_wps,
        "ratio": extractor_wps / tokenizer_wps,
        "ms_per_1000_words": ms_per_1000,
        "peak_rss_mb": peak_mb,
    }
    print(f"texts: {len(texts)} ({words} words), {rounds} rounds", file=out)
    print(f"extractor:       {extractor_wps:12,.0f} words/s", file=out)
    print(f"blank tokenizer: {tokenizer_wps:12,.0f} words/s", file=out)
    print(f"ratio:           {result['ratio']:12.1%}", file=out)
    print(f"per 1,000-word article: {ms_per_1000:.2f} ms", file=out)
    print(f"peak memory (maxrss): {peak_mb:.1f} MB", file=out)
    return result


if __name__ == "__main__":
    run(sys.argv[1:] or None)
