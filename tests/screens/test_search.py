"""The search box: words in each article's language, names spelt another way,
and results grouped by kind. PostgreSQL's full-text search is what users
have, so these run on it (the suite's database)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import search
from claims.models import Source, SourceKind
from tests.factories import ArticleFactory, ClaimFactory

SEARCH = reverse("claims:search")


@pytest.fixture
def newsroom(db):
    italian = ArticleFactory(
        title="Le sanzioni e la città",
        language="it",
        text="Il ministro ha detto che le sanzioni funzionano e che la città è sicura.",
    )
    english = ArticleFactory(
        title="Running out of time",
        language="en",
        text="The minister said the talks were running out of time.",
    )
    zelensky = Source.objects.create(
        name="Volodymyr Zelensky",
        normalized_name="volodymyr zelensky",
        kind=SourceKind.PERSON,
        aliases=["Zelenskyy", "il presidente ucraino"],
    )
    return {
        "italian": italian,
        "english": english,
        "sanctions": ClaimFactory(article=italian, content="le sanzioni funzionano"),
        "city": ClaimFactory(article=italian, content="la città è sicura"),
        "talks": ClaimFactory(article=english, content="the talks were running out of time"),
        "named": ClaimFactory(
            article=italian,
            content="Zelensky chiederà nuovi aiuti",
            source=zelensky,
            source_text="Volodymyr Zelensky",
        ),
        "zelensky": zelensky,
    }


def ids(group):
    return [item.pk for item in group.items]


def test_another_form_of_an_italian_word_finds_it(newsroom):
    results = search.search_everything(query="sanzione")
    assert ids(results.claims) == [newsroom["sanctions"].pk]
    assert ids(results.articles) == [newsroom["italian"].pk]
    assert not results.claims.fuzzy


def test_accents_are_folded_both_ways(newsroom):
    assert ids(search.search_everything(query="citta").claims) == [newsroom["city"].pk]
    assert ids(search.search_everything(query="perché sicura").claims) == []  # all words needed
    assert ids(search.search_everything(query="sicurà").claims) == [newsroom["city"].pk]


def test_english_articles_are_stemmed_in_english(newsroom):
    results = search.search_everything(query="runs")
    assert ids(results.claims) == [newsroom["talks"].pk]
    assert ids(results.articles) == [newsroom["english"].pk]


def test_a_name_spelt_another_way_is_found_by_similarity(newsroom):
    results = search.search_everything(query="Zelenskij")
    assert ids(results.claims) == [newsroom["named"].pk]
    assert results.claims.fuzzy
    assert ids(results.sources) == [newsroom["zelensky"].pk]
    assert results.sources.fuzzy


def test_an_article_title_spelt_another_way_is_found_by_similarity(newsroom):
    headline = ArticleFactory(title="Zelensky a Roma", language="it", text="Visita di Stato.")
    results = search.search_everything(query="Zelenskij")
    assert ids(results.articles) == [headline.pk]
    assert results.articles.fuzzy


def test_sources_are_found_by_their_aliases(newsroom):
    results = search.search_everything(query="presidente ucraino")
    assert ids(results.sources) == [newsroom["zelensky"].pk]
    assert not results.sources.fuzzy


def test_better_matches_rank_first(db):
    article = ArticleFactory(language="it")
    once = ClaimFactory(article=article, content="il governo parla di pensioni e di scuola")
    twice = ClaimFactory(article=article, content="pensioni, pensioni: solo pensioni")
    assert ids(search.search_everything(query="pensione").claims) == [twice.pk, once.pk]


def test_the_page_groups_results_by_kind(fc_client, newsroom):
    response = fc_client.get(SEARCH, {"q": "Zelenskij"})
    html = response.content.decode()
    assert response.status_code == 200
    claims_at, articles_at, sources_at = (
        html.index('id="found-claims"'),
        html.index('id="found-articles"'),
        html.index('id="found-sources"'),
    )
    assert claims_at < articles_at < sources_at
    assert "Zelensky chiederà nuovi aiuti" in html[claims_at:articles_at]
    assert "Volodymyr Zelensky" in html[sources_at:]
    assert "spelt alike" in html


def test_htmx_gets_the_results_only(fc_client, newsroom):
    response = fc_client.get(SEARCH, {"q": "sanzione"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "le sanzioni funzionano" in html and "<html" not in html


@pytest.mark.parametrize(
    "query", ["", "a", "   ", "x" * 5000, "'\"&|!():*<>", "-", "\x00", "san\x00zione"]
)
def test_odd_queries_answer_a_page_never_an_error(fc_client, newsroom, query):
    response = fc_client.get(SEARCH, {"q": query})
    assert response.status_code == 200


def test_search_asks_a_fixed_number_of_queries(fc_client, newsroom):
    def count(query):
        with CaptureQueriesContext(connection) as captured:
            fc_client.get(SEARCH, {"q": query})
        return len(captured)

    few = count("sanzione")
    for n in range(30):
        ClaimFactory(article=newsroom["italian"], content=f"le sanzioni numero {n}")
    assert count("sanzione") == few


def test_the_article_list_search_takes_odd_queries(fc_client, newsroom):
    for query in ("san\x00zione", "'\"&|!():*<>", "x" * 5000):
        assert fc_client.get(reverse("claims:article_list"), {"q": query}).status_code == 200


def test_the_article_list_search_finds_another_form_of_a_word(fc_client, newsroom):
    html = fc_client.get(reverse("claims:article_list"), {"q": "sanzione"}).content.decode()
    assert "Le sanzioni e la città" in html
    assert "Running out of time" not in html


def test_the_substring_fallback_finds_names_and_aliases(newsroom):
    # What SQLite uses; it runs on any database.
    found = search._substring_matches("zelenskyy", 20)
    assert [pk for pk, _rank in found["sources"][0]] == [newsroom["zelensky"].pk]
    found = search._substring_matches("sanzioni funz", 20)
    assert [pk for pk, _rank in found["claims"][0]] == [newsroom["sanctions"].pk]
