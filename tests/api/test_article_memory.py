"""A long article with thousands of claims: its API page costs the same queries
and about the same memory as a short one (each claim row used to carry a copy
of the article's text: 5,000 claims of an 880k-character article took 23 GB)."""

import resource
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Claim, QuoteType, SourceKind
from tests.api.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

MEMORY_BUDGET = 40 * 1024 * 1024  # bytes allocated by Python while serving the page
SENTENCE = "Il sindaco {n} ha detto che il ponte numero {n} riaprirà entro la fine del mese. "


def article_with_claims(count: int, text_chars: int) -> Article:
    sentences, length, n = [], 0, 0
    while length < text_chars:
        sentence = SENTENCE.format(n=n)
        sentences.append(sentence)
        length += len(sentence)
        n += 1
    text = "".join(sentences)
    article = ArticleFactory(text=text, language="it")
    claims, start = [], 0
    for position in range(count):
        sentence = sentences[position % len(sentences)]
        end = start + len(sentence) - 1
        claims.append(
            Claim(
                article=article,
                position=position,
                content=sentence.strip(),
                content_start=start,
                content_end=end,
                extraction_key=f"{start}:{end}:{position}",
                source_text=f"Il sindaco {position}",
                source_kind=SourceKind.ROLE,
                quote_type=QuoteType.INDIRECT,
            )
        )
        start = (end + 1) % max(1, len(text) - 200)
    Claim.objects.bulk_create(claims, batch_size=1000)
    return article


def address_space_guard(extra_bytes: int):
    """Cap this process's address space a little above today's, so a page that
    balloons fails the test with MemoryError instead of taking the machine down."""
    with open("/proc/self/statm") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (size + extra_bytes, hard))
    return soft, hard


def serve_and_measure(client, path: str):
    limits = address_space_guard(3 * 1024**3)
    tracemalloc.start()
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            body = response.json()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        resource.setrlimit(resource.RLIMIT_AS, limits)
    return response, body, peak, len(queries)


def test_a_5000_claim_article_page_stays_within_a_fixed_memory_budget(fact_checker):
    small = article_with_claims(3, text_chars=2_000)
    big = article_with_claims(5_000, text_chars=880_000)
    fact_checker.get(f"/api/articles/{small.pk}/")  # warm-up: imports, caches

    _response, small_body, small_peak, small_queries = serve_and_measure(
        fact_checker, f"/api/articles/{small.pk}/"
    )
    response, body, peak, queries = serve_and_measure(fact_checker, f"/api/articles/{big.pk}/")

    assert response.status_code == 200
    assert queries == small_queries, "the number of queries does not grow with the claims"
    assert peak < MEMORY_BUDGET, f"{peak / 1e6:.1f} MB allocated for one page"
    assert body["claim_count"] == 5_000
    assert len(body["text"]) >= 880_000
    assert [c["position"] for c in body["claims"]] == list(range(len(body["claims"])))
    assert 0 < len(body["claims"]) < 5_000
    assert small_body["claims"] and len(small_body["claims"]) == 3
    assert body["claims"][0]["article_title"] == big.title


def test_the_claims_url_lists_every_claim_of_the_article_a_page_at_a_time(fact_checker):
    article = article_with_claims(130, text_chars=20_000)
    other = ArticleFactory()
    ClaimFactory(article=other)
    body = fact_checker.get(f"/api/articles/{article.pk}/").json()
    seen, url = [], body["claims_url"]
    assert f"article={article.pk}" in url
    while url:
        page = fact_checker.get(url).json()
        seen.extend(claim["position"] for claim in page["results"])
        url = page["next"]
    assert seen == list(range(130))


def test_the_claim_list_never_reads_article_texts(fact_checker):
    article_with_claims(60, text_chars=200_000)
    with CaptureQueriesContext(connection) as queries:
        assert fact_checker.get("/api/claims/?ordering=position").status_code == 200
    assert not any('"claims_article"."text"' in q["sql"] for q in queries.captured_queries)
