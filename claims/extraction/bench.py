"""Throughput benchmark of the extractor against spaCy's blank tokenizer.

``python -m claims.extraction.bench [FILES]`` or the Django command
``bench_extraction``. Without files it runs on the built-in articles of
``benchdata/`` (written for this project, no outlet's copy), both languages.
Besides the totals it prints each language's ratio: Italian copy, with its
elisions and conditional cues, is the slower one for the rules.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

import spacy

from . import detect_language, extract, load_pipeline

BENCH_DIR = Path(__file__).parent / "benchdata"


def builtin_texts() -> list[tuple[str, str]]:
    """``(lang, text)`` of the built-in articles: ``benchdata/<lang>_NN.txt``.

    They are fictional articles written for this project, none repeating a paragraph of
    another: spaCy's tokenizer caches each whitespace-separated chunk it could split without
    a special case, so texts built from a few repeated paragraphs time its cache (several
    million words per second) rather than tokenization (about a million on news copy).
    """
    return [
        (path.name.split("_", 1)[0], path.read_text(encoding="utf-8"))
        for path in sorted(BENCH_DIR.glob("*_*.txt"))
    ]


def _rates(funcs, texts, rounds: int) -> list[float]:
    """Words per second of each of ``funcs`` over ``texts``.

    The functions take turns round by round, so a slow spell of the machine falls on all of
    them, and each rate is read from its median round: one noisy round moves neither.
    Timed in CPU time of this process ("one core", and steady on a busy machine).
    """
    words = sum(len(t.split()) for _, t in texts)
    timings: list[list[float]] = [[] for _ in funcs]
    for _ in range(rounds):
        for func, spent in zip(funcs, timings, strict=True):
            started = time.process_time()
            for lang, text in texts:
                func(lang, text)
            spent.append(time.process_time() - started)
    return [words / max(statistics.median(spent), 1e-9) for spent in timings]


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
    languages = sorted({lang for lang, _ in texts})
    for lang in languages:
        load_pipeline(lang)  # loading is a one-off per process: keep it out of the timing
    blanks = {lang: spacy.blank(lang) for lang in languages}
    for lang, text in texts:  # warm caches on both sides
        extract(text, lang)
        blanks[lang].tokenizer(text)

    def tokenize(lang, text):
        blanks[lang].tokenizer(text)

    def extract_claims(lang, text):
        extract(text, lang)

    tokenizer_wps, extractor_wps = _rates([tokenize, extract_claims], texts, rounds)
    per_language = {}
    if len(languages) > 1:
        for lang in languages:
            subset = [(lg, text) for lg, text in texts if lg == lang]
            lang_tokenizer, lang_extractor = _rates([tokenize, extract_claims], subset, rounds)
            per_language[lang] = lang_extractor / lang_tokenizer
    ms_per_1000 = 1000.0 / extractor_wps * 1000.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    words = sum(len(t.split()) for _, t in texts)
    result = {
        "texts": len(texts),
        "words": words,
        "extractor_words_per_s": extractor_wps,
        "tokenizer_words_per_s": tokenizer_wps,
        "ratio": extractor_wps / tokenizer_wps,
        "ratio_per_language": per_language,
        "ms_per_1000_words": ms_per_1000,
        "peak_rss_mb": peak_mb,
    }
    source = "built-in articles" if not files else "texts"
    print(f"{source}: {len(texts)} ({words} words), {rounds} rounds", file=out)
    print(f"extractor:       {extractor_wps:12,.0f} words/s", file=out)
    print(f"blank tokenizer: {tokenizer_wps:12,.0f} words/s", file=out)
    print(f"ratio:           {result['ratio']:12.1%}", file=out)
    for lang, ratio in per_language.items():
        print(f"  ratio, {lang}:     {ratio:12.1%}", file=out)
    print(f"per 1,000-word article: {ms_per_1000:.2f} ms", file=out)
    print(f"peak memory (maxrss): {peak_mb:.1f} MB", file=out)
    return result


def run_stress(size: int = 1_000_000, out=None) -> list[dict]:
    """Time the extractor once on each hostile input of ``size`` characters (see ``stress``).

    The target is under 10 s per megabyte for every shape; the tests check the growth is
    linear by counting work, so the absolute times are read here."""
    from .stress import STRESS_INPUTS

    out = out or sys.stdout
    results = []
    print(f"hostile inputs, {size:,} characters each (CPU seconds):", file=out)
    for name, lang, build in STRESS_INPUTS:
        text = build(size)
        load_pipeline(lang)
        started = time.process_time()
        claims = extract(text, lang)
        seconds = time.process_time() - started
        results.append({"input": name, "lang": lang, "seconds": seconds, "claims": len(claims)})
        label = f"{name} ({lang})"
        print(f"  {label:<38} {seconds:6.2f} s  {len(claims):6} claims", file=out)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"peak memory (maxrss): {peak_mb:.1f} MB", file=out)
    return results


if __name__ == "__main__":
    run(sys.argv[1:] or None)
