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

_IT = [
    "ROMA – Il ministro dell'Economia Carla Bentivoglio ha detto che il deficit scenderà al 3,1% "
    "entro il 2026. «Non ci saranno nuove tasse», ha aggiunto la ministra, parlando ai giornalisti "
    "a margine del vertice. Secondo fonti di maggioranza, il governo avrebbe già pronto un decreto "
    "da quattro miliardi per sostenere le famiglie a basso reddito.",
    "Il sindaco di Trento, Paolo Sartori, ha spiegato all'Ansa che i lavori sul ponte finiranno a "
    "marzo. L'opposizione contesta i numeri: «Sono stime gonfiate», ha replicato il capogruppo "
    "in consiglio comunale, Marta Oberosler. Il cantiere era stato aperto nel 2022.",
    "I consumi delle famiglie sono cresciuti dello 0,4% a settembre, stando ai dati dell'Istat "
    "diffusi questa mattina. Lo riferisce l'agenzia Adnkronos, citando fonti del ministero. "
    "Il presunto accordo con le banche, si apprende, prevede tassi agevolati per i giovani.",
    "Un incendio è scoppiato nella notte in un capannone alla periferia di Brescia. Non ci sono "
    "feriti, ha reso noto la Protezione civile. «Abbiamo lavorato per sei ore», ha raccontato il "
    "comandante dei vigili del fuoco. Gli inquirenti non escludono l'ipotesi dolosa.",
    "La Procura di Bari ha chiuso l'indagine sugli appalti della sanità regionale. "
    "Ad annunciarlo è stato il procuratore capo, che ha parlato di «un sistema consolidato». "
    "Gli indagati sono diciassette, tra cui due ex assessori. "
    "La difesa ha fatto sapere che presenterà ricorso.",
]
_EN = [
    "WASHINGTON (AP) - The city council voted 7-2 on Monday to expand the bus network, officials "
    'said. "We have waited ten years for this," said Mayor Ellen Park. According to a report by '
    "the transit agency, ridership rose 12 percent last year.",
    "A spokesperson for the drivers' union told Reuters that members would strike if wages were "
    "cut. The plan allegedly relies on a federal grant that has not yet been approved, people "
    "familiar with the matter said. The agency says the first routes open in May.",
    'Shares of the retailer fell 8% in early trading after it cut its annual forecast. "Demand '
    'was weaker than we expected," Chief Financial Officer Mark Ruiz said on a call with '
    "analysts. The company reportedly plans to close 40 stores by the end of the year.",
    "A powerful storm knocked out power to more than 200,000 homes across the region on Tuesday, "
    "utility companies said. Governor Maria Lopez declared a state of emergency. She told "
    "reporters that crews from three states were on their way to help.",
    "The lawsuit, filed in federal court in Denver, says the company misled investors about its "
    "finances. A lawyer for the company declined to comment. In a statement, the firm said it "
    "would defend itself vigorously and expected to prevail.",
]


def builtin_texts(words_per_text: int = 1000) -> list[tuple[str, str]]:
    """About 1,000-word articles in each language, built from the paragraphs above."""
    out = []
    for lang, paragraphs in (("it", _IT), ("en", _EN)):
        for shift in range(len(paragraphs)):
            order = paragraphs[shift:] + paragraphs[:shift]
            body, n = [], 0
            while n < words_per_text:
                for paragraph in order:
                    body.append(paragraph)
                    n += len(paragraph.split())
            out.append((lang, "\n\n".join(body)))
    return out


def _rate(func, texts, rounds: int) -> float:
    words = sum(len(t.split()) for _, t in texts) * rounds
    # CPU time of this process: "one core", and steady on a busy machine.
    started = time.process_time()
    for _ in range(rounds):
        for lang, text in texts:
            func(lang, text)
    return words / max(time.process_time() - started, 1e-9)


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
