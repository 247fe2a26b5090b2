"""One search box over articles, claims and sources.

On PostgreSQL each article is searched in its own language (the Italian or
English configuration of migration 0015: stemmed, accents folded), so
"sanzione" finds "sanzioni" and "citta" finds "città", and results are
ranked. A kind of thing that no word matches is searched again by trigram
similarity, for names spelt another way ("Zelenskij" finds "Zelensky").
Elsewhere (SQLite) a plain case-insensitive substring search stands in.

Ranking reads at most CANDIDATES matches per kind: a common word in a
million claims must not cost a million rank computations. Within that cap
the order is by rank; beyond it the page says there are more.
"""

import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Q, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Substr

from claims.models import Article, Claim, Source

RESULTS_PER_KIND = 20
CANDIDATES = 200
# Shorter queries match too much to be useful, and trigrams need three letters.
MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200

ARTICLE_QUERY = (
    "(CASE WHEN language = 'en' THEN websearch_to_tsquery('fc_english', %s) "
    "ELSE websearch_to_tsquery('fc_italian', %s) END)"
)

ARTICLES_SQL = f"""
SELECT id, ts_rank(search_vector, {ARTICLE_QUERY}) AS rank
FROM (
    SELECT id, language, search_vector FROM claims_article
    WHERE search_vector @@ websearch_to_tsquery('fc_italian', %s)
       OR search_vector @@ websearch_to_tsquery('fc_english', %s)
    LIMIT %s
) AS found
WHERE search_vector @@ {ARTICLE_QUERY}
ORDER BY rank DESC, id DESC
LIMIT %s
"""

# The innermost query uses the two per-language indexes (a BitmapOr); each
# candidate's vector is then built once, in its article's language, and a
# claim is kept only when it matches in that language.
CLAIMS_SQL = """
WITH found AS MATERIALIZED (
    SELECT c.id,
           CASE WHEN a.language = 'en' THEN to_tsvector('fc_english'::regconfig, c.content)
                ELSE to_tsvector('fc_italian'::regconfig, c.content) END AS vector,
           CASE WHEN a.language = 'en' THEN websearch_to_tsquery('fc_english', %s)
                ELSE websearch_to_tsquery('fc_italian', %s) END AS query
    FROM (
        SELECT id, article_id, content FROM claims_claim
        WHERE to_tsvector('fc_italian'::regconfig, content)
              @@ websearch_to_tsquery('fc_italian', %s)
           OR to_tsvector('fc_english'::regconfig, content)
              @@ websearch_to_tsquery('fc_english', %s)
        LIMIT %s
    ) AS c
    JOIN claims_article a ON a.id = c.article_id
)
SELECT id, ts_rank(vector, query) AS rank FROM found
WHERE vector @@ query
ORDER BY rank DESC, id DESC
LIMIT %s
"""

# Titles only: the text is long enough that nearly every article holds the
# trigrams of any name, and checking each one reads them all. Migration 0006's
# index on UPPER(title) answers it.
ARTICLES_FUZZY_SQL = """
SELECT id, rank FROM (
    SELECT id, word_similarity(%s, UPPER(title::text)) AS rank FROM claims_article
    WHERE %s <%% UPPER(title::text)
    LIMIT %s
) AS found
ORDER BY rank DESC, id DESC
LIMIT %s
"""

CLAIMS_FUZZY_SQL = """
SELECT id, rank FROM (
    SELECT id, word_similarity(%s, fc_unaccent(lower(content))) AS rank FROM claims_claim
    WHERE %s <%% fc_unaccent(lower(content))
    LIMIT %s
) AS found
ORDER BY rank DESC, id DESC
LIMIT %s
"""

SOURCE_TEXT = "(name || ' ' || aliases::text)"

SOURCES_SQL = f"""
SELECT id, ts_rank(to_tsvector('fc_simple'::regconfig, {SOURCE_TEXT}),
                   websearch_to_tsquery('fc_simple', %s)) AS rank
FROM claims_source
WHERE to_tsvector('fc_simple'::regconfig, {SOURCE_TEXT}) @@ websearch_to_tsquery('fc_simple', %s)
ORDER BY rank DESC, id DESC
LIMIT %s
"""

SOURCES_FUZZY_SQL = f"""
SELECT id, word_similarity(%s, fc_unaccent(lower({SOURCE_TEXT}))) AS rank
FROM claims_source
WHERE %s <%% fc_unaccent(lower({SOURCE_TEXT}))
ORDER BY rank DESC, id DESC
LIMIT %s
"""


@dataclass
class SearchGroup:
    items: list = field(default_factory=list)
    # More matched than are shown.
    more: bool = False
    # Found by spelling similarity because no word matched.
    fuzzy: bool = False


@dataclass
class SearchResults:
    query: str
    articles: SearchGroup = field(default_factory=SearchGroup)
    claims: SearchGroup = field(default_factory=SearchGroup)
    sources: SearchGroup = field(default_factory=SearchGroup)
    too_short: bool = False

    @property
    def empty(self) -> bool:
        return not (self.articles.items or self.claims.items or self.sources.items)


def clean_query(query: str | None) -> str:
    # PostgreSQL refuses NUL characters in text: drop them rather than fail.
    return " ".join((query or "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]


def fold(text: str) -> str:
    """Lower case without accents: what the trigram indexes hold."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def search_everything(*, query: str, limit: int = RESULTS_PER_KIND) -> SearchResults:
    """The best matches of each kind, best first, in a fixed number of queries."""
    query = clean_query(query)
    results = SearchResults(query=query)
    if len(query) < MIN_QUERY_LENGTH:
        results.too_short = bool(query)
        return results
    if uses_full_text():
        ranked = {
            "articles": _ranked_articles(query, limit),
            "claims": _ranked_claims(query, limit),
            "sources": _ranked_sources(query, limit),
        }
    else:
        ranked = _substring_matches(query, limit)
    results.articles = _group(ranked["articles"], _articles_by_id, limit)
    results.claims = _group(ranked["claims"], _claims_by_id, limit)
    results.sources = _group(ranked["sources"], _sources_by_id, limit)
    return results


def article_search_condition(query: str) -> Q:
    """The article list's search box: the words stemmed as Italian or as
    English, or the phrase in a title; when no word matches, a substring of
    the title or text (a name or number typed in part).

    Each branch is one an index answers (a BitmapOr), so the list's count
    never reads every article's text: a substring of a common word matches
    the trigrams of nearly every article, and checking it reads them all.
    The /search/ screen is the stricter one, each article in its own
    language only."""
    query = clean_query(query)
    title = Q(title__icontains=query)
    substring = title | Q(text__icontains=query)
    if not uses_full_text():
        return substring
    words = Q(
        RawSQL(
            "claims_article.search_vector @@ websearch_to_tsquery('fc_italian', %s) "
            "OR claims_article.search_vector @@ websearch_to_tsquery('fc_english', %s)",
            (query, query),
            output_field=BooleanField(),
        )
    )
    if Article.objects.filter(words).exists():
        return words | title
    return substring


# --- PostgreSQL ---------------------------------------------------------------


def _rows(sql: str, params) -> list[tuple[int, float]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(row[0], row[1]) for row in cursor.fetchall()]


def _ranked_articles(query: str, limit: int):
    rows = _rows(ARTICLES_SQL, (query, query, query, query, CANDIDATES, query, query, limit + 1))
    if rows:
        return rows, False
    upper = query.upper()
    return _rows(ARTICLES_FUZZY_SQL, (upper, upper, CANDIDATES, limit + 1)), True


def _ranked_claims(query: str, limit: int):
    rows = _rows(CLAIMS_SQL, (query,) * 4 + (CANDIDATES, limit + 1))
    if rows:
        return rows, False
    folded = fold(query)
    return _rows(CLAIMS_FUZZY_SQL, (folded, folded, CANDIDATES, limit + 1)), True


def _ranked_sources(query: str, limit: int):
    rows = _rows(SOURCES_SQL, (query, query, limit + 1))
    if rows:
        return rows, False
    folded = fold(query)
    return _rows(SOURCES_FUZZY_SQL, (folded, folded, limit + 1)), True


# --- Anywhere else: substrings ------------------------------------------------


def _substring_matches(query: str, limit: int) -> dict:
    articles = Article.objects.filter(Q(title__icontains=query) | Q(text__icontains=query))
    claims = Claim.objects.filter(content__icontains=query)
    sources = Source.objects.annotate(alias_text=Cast("aliases", TextField())).filter(
        Q(name__icontains=query) | Q(alias_text__icontains=query)
    )

    def newest(queryset):
        ids = queryset.order_by("-id").values_list("id", flat=True)[: limit + 1]
        return [(pk, 0.0) for pk in ids], False

    return {"articles": newest(articles), "claims": newest(claims), "sources": newest(sources)}


# --- Loading what was found ------------------------------------------------------


def _group(ranked, load, limit: int) -> SearchGroup:
    rows, fuzzy = ranked
    ids = [pk for pk, _rank in rows[:limit]]
    found = load(ids) if ids else {}
    return SearchGroup(
        items=[found[pk] for pk in ids if pk in found], more=len(rows) > limit, fuzzy=fuzzy
    )


def _articles_by_id(ids):
    return (
        Article.objects.only("id", "title", "language", "submitted_at", "extraction_state")
        .annotate(text_head=Substr("text", 1, 160))
        .in_bulk(ids)
    )


def _claims_by_id(ids):
    return (
        Claim.objects.select_related("article", "verdict")
        .only(
            "id",
            "content",
            "source_text",
            "status",
            "article__id",
            "article__title",
            "article__language",
            "verdict__id",
            "verdict__label_it",
            "verdict__label_en",
            "verdict__slug",
        )
        .in_bulk(ids)
    )


def _sources_by_id(ids):
    return Source.objects.only("id", "name", "kind", "aliases").in_bulk(ids)
