"""bench_extraction: its built-in articles and what it prints (speed targets are read from its
output, not asserted here)."""

import io
import re

from django.core.management import call_command

from claims.extraction import bench, detect_language


def _paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_the_built_in_articles_cover_both_languages_at_news_length():
    texts = bench.builtin_texts()
    langs = [lang for lang, _ in texts]
    assert langs.count("it") >= 5 and langs.count("en") >= 5
    for lang, text in texts:
        assert 600 <= len(text.split()) <= 1200
        assert detect_language(text) == lang


def test_no_built_in_paragraph_repeats_so_the_tokenizer_cache_is_not_what_is_timed():
    paragraphs = [p for _, text in bench.builtin_texts() for p in _paragraphs(text)]
    assert len(paragraphs) > 60
    assert len(set(paragraphs)) == len(paragraphs)
    # nor does a long sentence recur inside other paragraphs
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?»”])\s+", p) if len(s) > 60]
    assert len(set(sentences)) == len(sentences)


def test_the_command_prints_both_rates_their_ratio_per_language_latency_and_memory():
    out = io.StringIO()
    call_command("bench_extraction", "--rounds=1", stdout=out)
    printed = out.getvalue()
    for label in ("extractor:", "blank tokenizer:", "ratio:", "ratio, it:", "ratio, en:"):
        assert label in printed
    assert re.search(r"per 1,000-word article: \d+\.\d+ ms", printed)
    assert re.search(r"peak memory \(maxrss\): \d+\.\d MB", printed)


def test_the_ratio_is_the_extractor_rate_over_the_tokenizer_rate_on_given_files(tmp_path):
    article = tmp_path / "nota.txt"
    text = (
        "Il ministro Paolo Ferri ha detto che la legge passerà entro l'estate. "
        "«Non ci sono alternative», ha aggiunto il ministro."
    )
    article.write_text(text, encoding="utf-8")
    result = bench.run([str(article)], rounds=2, out=io.StringIO())
    assert result["texts"] == 1 and result["words"] == len(text.split())
    assert result["extractor_words_per_s"] > 0 and result["tokenizer_words_per_s"] > 0
    assert result["ratio"] == result["extractor_words_per_s"] / result["tokenizer_words_per_s"]
    assert result["ratio_per_language"] == {}  # one language: the total is its ratio


def test_the_stress_option_times_every_hostile_input():
    from claims.extraction.stress import STRESS_INPUTS

    out = io.StringIO()
    call_command("bench_extraction", "--stress=2000", stdout=out)
    printed = out.getvalue()
    assert "2,000 characters each" in printed
    timed = re.findall(r"^  (.+?) \((it|en)\)\s+\d+\.\d\d s\s+\d+ claims$", printed, re.M)
    assert [(name, lang) for name, lang, _ in STRESS_INPUTS] == timed
