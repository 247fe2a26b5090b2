"""Extraction throughput: submit articles of about 1,000 words and time the
running worker(s) until every one is extracted.

    python loadtest/throughput.py [--articles 30] [--workers 1]
"""

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from claims import services  # noqa: E402
from claims.models import Article, ExtractionState  # noqa: E402

PARAGRAPH = (
    "Il sindaco di {city}, Paolo Ferrante, ha detto che il nuovo ospedale aprirà entro il {year}. "
    "Secondo la Regione, i lavori costeranno {cost} milioni e daranno lavoro a 300 persone. "
    "«Non ci saranno ulteriori ritardi», ha aggiunto Ferrante durante il consiglio comunale. "
    "Fonti sindacali riferiscono che il cantiere avrebbe già accumulato due mesi di ritardo. "
    "L'opposizione ha chiesto un'audizione dell'assessore alla sanità entro la fine del mese. "
)


def article_text(n: int) -> str:
    # About 1,000 words: 14 paragraphs of about 70 words.
    body = "".join(
        PARAGRAPH.format(city=f"Borgo {n}-{p}", year=2030 + p % 7, cost=20 + p) + "\n\n"
        for p in range(14)
    )
    return f"Cronaca {uuid.uuid4().hex[:8]}.\n\n{body}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--workers", type=int, default=1, help="worker processes running")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    texts = [article_text(n) for n in range(args.articles)]
    words = sum(len(t.split()) for t in texts)
    started = time.monotonic()
    ids = [services.article_submit(text=t, language="it").article.pk for t in texts]
    pending = Article.objects.filter(pk__in=ids).exclude(
        extraction_state__in=[ExtractionState.DONE, ExtractionState.FAILED]
    )
    while pending.exists():
        if time.monotonic() - started > args.timeout:
            sys.exit(f"timed out with {pending.count()} articles still waiting")
        time.sleep(0.25)
    elapsed = time.monotonic() - started
    failed = Article.objects.filter(pk__in=ids, extraction_state=ExtractionState.FAILED).count()
    per_minute = args.articles / elapsed * 60 / args.workers
    print(
        f"extraction: {args.articles} articles ({words / args.articles:.0f} words each) in "
        f"{elapsed:.1f} s, {failed} failed: {per_minute:.0f} articles per minute per worker"
    )


if __name__ == "__main__":
    main()
