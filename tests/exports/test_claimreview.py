"""schema.org ClaimReview JSON-LD for published claims, checked for structure
(no network: the schema.org context is not fetched)."""

import json
from datetime import UTC, datetime

import pytest

from claims.models import ClaimStatus, Rating, SourceKind
from tests.api.factories import ArticleFactory, ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

REQUIRED = {
    "@context",
    "@type",
    "url",
    "claimReviewed",
    "itemReviewed",
    "author",
    "datePublished",
    "inLanguage",
    "reviewRating",
}
# The schema.org terms the export may use: anything else is a typo nobody would read.
SCHEMA_ORG_TERMS = {
    "url", "claimReviewed", "itemReviewed", "author", "datePublished", "inLanguage",
    "reviewRating", "reviewBody", "ratingValue", "bestRating", "worstRating", "alternateName",
    "appearance", "name", "headline", "publisher",
}  # fmt: skip


def assert_valid_json_ld_node(node, *, top=False):
    """A JSON-LD node object: typed, with only keywords and known schema.org terms."""
    assert isinstance(node, dict)
    if top:
        assert node["@context"] == "https://schema.org"
    else:
        assert "@context" not in node
    assert isinstance(node["@type"], str) and node["@type"]
    for key, value in node.items():
        if key.startswith("@"):
            assert key in {"@context", "@type", "@id"}
            continue
        assert key in SCHEMA_ORG_TERMS, key
        assert value is not None and value != "", key
        if isinstance(value, dict):
            assert_valid_json_ld_node(value)


def assert_claim_review(review):
    assert_valid_json_ld_node(review, top=True)
    assert REQUIRED <= set(review)
    assert review["@type"] == "ClaimReview"
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= set(rating)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert {"author", "appearance", "datePublished"} <= set(item)
    assert item["author"]["@type"] in {"Person", "Organization"}
    assert review["author"]["@type"] == "Organization"
    datetime.fromisoformat(review["datePublished"])
    datetime.fromisoformat(item["datePublished"])


@pytest.fixture
def publisher(settings):
    settings.FACTCHECK_PUBLISHER_NAME = "Redazione Verifiche"
    settings.FACTCHECK_PUBLISHER_URL = "https://verifiche.example.org/"


def test_the_export_lists_each_published_claim_as_a_claim_review(admin, publisher):
    source = SourceFactory(name="Giulia Bianchi", kind=SourceKind.PERSON)
    article = ArticleFactory(
        title="La sanità in Lombardia",
        url="https://giornale.example.it/sanita",
        outlet="Il Giornale di Prova",
        published_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    )
    published = PublishedClaimFactory(
        article=article,
        source=source,
        source_kind=SourceKind.PERSON,
        content="Le liste d'attesa sono dimezzate",
    )
    ClaimFactory(article=article, status=ClaimStatus.IN_REVIEW, verdict=Rating.objects.first())
    response = admin.get("/exports/claimreview.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    reviews = json.loads(b"".join(response.streaming_content))
    assert isinstance(reviews, list) and len(reviews) == 1
    review = reviews[0]
    assert_claim_review(review)
    assert review["claimReviewed"] == "Le liste d'attesa sono dimezzate"
    assert review["inLanguage"] == "it"
    assert review["reviewRating"]["alternateName"] == "Falso"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["bestRating"] == 5
    assert review["author"] == {
        "@type": "Organization",
        "name": "Redazione Verifiche",
        "url": "https://verifiche.example.org/",
    }
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Giulia Bianchi"}
    assert item["appearance"]["url"] == "https://giornale.example.it/sanita"
    assert item["datePublished"] == "2026-03-02"
    assert review["url"].startswith("http://testserver/")
    assert str(published.pk) in review["url"]


def test_the_rating_name_follows_the_claims_language(admin):
    PublishedClaimFactory(
        article=ArticleFactory(language="en"), verdict=Rating.objects.get(slug="mostly-true")
    )
    review = json.loads(b"".join(admin.get("/exports/claimreview.jsonld").streaming_content))[0]
    assert review["inLanguage"] == "en"
    assert review["reviewRating"]["alternateName"] == "Mostly true"


@pytest.mark.parametrize(
    "kind, schema_type",
    [
        (SourceKind.PERSON, "Person"),
        (SourceKind.ROLE, "Person"),
        (SourceKind.ORGANIZATION, "Organization"),
        (SourceKind.MEDIA, "Organization"),
        (SourceKind.DOCUMENT, "Organization"),
    ],
)
def test_the_claims_author_is_a_person_or_an_organization(admin, kind, schema_type):
    claim = PublishedClaimFactory(source_kind=kind, source_text="Il portavoce")
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["itemReviewed"]["author"] == {"@type": schema_type, "name": "Il portavoce"}


def test_the_articles_own_voice_is_credited_to_its_author(admin):
    article = ArticleFactory(author="Anna Verdi")
    claim = PublishedClaimFactory(article=article, source_kind=SourceKind.AUTHOR, source_text="")
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Anna Verdi"}


def test_one_claim_review_per_claim(admin):
    claim = PublishedClaimFactory()
    response = admin.get(f"/exports/claimreview/{claim.pk}.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert_claim_review(response.json())


def test_an_unpublished_claim_has_no_claim_review(admin):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, verdict=Rating.objects.first())
    response = admin.get(f"/exports/claimreview/{claim.pk}.jsonld")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_public_claim_url_can_be_configured(admin, settings):
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = "https://verifiche.example.org/claims/{id}"
    claim = PublishedClaimFactory()
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["url"] == f"https://verifiche.example.org/claims/{claim.pk}"
