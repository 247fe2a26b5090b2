"""schema.org ClaimReview for published claims, checked two ways without the network:

- against the fields Google's fact-check documentation marks required or
  recommended (the list below, written for this test), and its rules for
  the rating scale;
- as JSON-LD, expanded (pyld) with a small schema.org context shipped beside
  this file (schemaorg-context.jsonld): every property must expand to a
  schema.org IRI, so a misspelt or invented one is caught.
"""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pyld import jsonld

from claims import exports
from claims.models import ClaimStatus, Rating, SourceKind
from claims.services import publication
from claims.services.review import claim_set_verdict
from tests.api.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    PublishedClaimFactory,
    SourceFactory,
)
from tests.screens.roles import make_user

pytestmark = pytest.mark.django_db

# Google Search Central, "Fact check (ClaimReview) structured data": the
# properties it marks required and recommended, per type.
GOOGLE_FIELDS = {
    "ClaimReview": {
        "required": {"claimReviewed", "reviewRating", "url"},
        "recommended": {"author", "datePublished", "itemReviewed"},
    },
    "Claim": {
        "required": set(),
        "recommended": {"appearance", "author", "datePublished", "firstAppearance"},
    },
    "Rating": {
        "required": {"alternateName"},
        "recommended": {"bestRating", "name", "ratingValue", "worstRating"},
    },
}
NUMERIC_RATING = {"bestRating", "ratingValue", "worstRating"}

SCHEMA = "http://schema.org/"
CONTEXT = json.loads((Path(__file__).parent / "schemaorg-context.jsonld").read_text())


def export(client) -> list[dict]:
    response = client.get("/exports/claimreview.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return json.loads(b"".join(response.streaming_content))


# --- Google's documentation


def missing_recommended(review: dict) -> set[str]:
    """Check the required fields and the rating rules; return the recommended
    fields that are absent, as "Type.field"."""
    missing = set()
    nodes = [
        ("ClaimReview", review),
        ("Claim", review["itemReviewed"]),
        ("Rating", review["reviewRating"]),
    ]
    for type_name, node in nodes:
        assert node["@type"] == type_name
        fields = GOOGLE_FIELDS[type_name]
        assert fields["required"] <= set(node), (type_name, fields["required"] - set(node))
        missing |= {f"{type_name}.{name}" for name in fields["recommended"] - set(node)}
    rating = review["reviewRating"]
    numbers = NUMERIC_RATING & set(rating)
    assert numbers in (set(), NUMERIC_RATING), "a numeric rating needs all three numbers"
    if numbers:
        assert all(isinstance(rating[name], int) for name in NUMERIC_RATING)
        assert rating["worstRating"] >= 1
        assert rating["worstRating"] < rating["bestRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["alternateName"] and rating["name"] == rating["alternateName"]
    assert review["url"].startswith(("https://", "http://"))
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    return missing


def expected_gaps(claim) -> set[str]:
    """The recommended fields a claim's data cannot fill, and only those."""
    gaps = set()
    article = claim.article
    if not claim.verdict.is_numeric:
        gaps |= {f"Rating.{name}" for name in NUMERIC_RATING}
    author_unknown = (
        claim.source_kind == SourceKind.ANONYMOUS
        or (claim.source_kind == SourceKind.AUTHOR and not (article.author or article.outlet))
        or (claim.source_kind != SourceKind.AUTHOR and not claim.source_text)
        or (
            claim.source_kind == SourceKind.DOCUMENT
            and not exports.claimreview.document_issuer(claim.source_text)
        )
    )
    if author_unknown:
        gaps.add("Claim.author")
    if article.published_at is None:
        gaps.add("Claim.datePublished")
    if not (article.url or article.title or article.outlet or article.author):
        gaps.add("Claim.appearance")
        if claim.source_kind != SourceKind.DOCUMENT and not claim.channel_text:
            gaps.add("Claim.firstAppearance")
    return gaps


@pytest.fixture
def newsroom(db):
    """Published claims of every source kind and verdict, in both languages, from
    articles that tell everything about themselves or nothing."""
    full = ArticleFactory(
        title="Sanità, i conti della Regione",
        url="https://giornale.example.it/sanita",
        outlet="Il Giornale di Prova",
        author="Anna Verdi",
        published_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    )
    bare = ArticleFactory(title="", url="", outlet="", author="", published_at=None)
    english = ArticleFactory(
        language="en",
        title="Port traffic",
        url="https://news.example.com/port",
        outlet="Harbour Times",
        published_at=datetime(2026, 2, 1, 7, 0, tzinfo=UTC),
    )
    sources = [
        (SourceKind.PERSON, "il ministro dell'Economia Giancarlo Giorgetti", ""),
        (SourceKind.ROLE, "il portavoce della Questura", ""),
        (SourceKind.ORGANIZATION, "l'Istat", ""),
        (SourceKind.MEDIA, "la Kcna", ""),
        (SourceKind.ANONYMOUS, "fonti diplomatiche", ""),
        (SourceKind.DOCUMENT, "il rapporto annuale della FAO", ""),
        (SourceKind.DOCUMENT, "un documento riservato", ""),
        (SourceKind.AUTHOR, "", ""),
        (SourceKind.PERSON, "Kim Yo-jong", "come riporta la Kcna"),
        (SourceKind.PERSON, "", ""),
    ]
    verdicts = list(Rating.objects.all())
    claims = []
    for number, (kind, text, channel) in enumerate(sources):
        for article in (full, bare):
            claims.append(
                PublishedClaimFactory(
                    article=article,
                    source_kind=kind,
                    source_text=text,
                    channel_text=channel,
                    verdict=verdicts[(number + len(claims)) % len(verdicts)],
                )
            )
    claims.append(
        PublishedClaimFactory(
            article=english,
            source_kind=SourceKind.ROLE,
            source_text="a police spokesperson",
            verdict=Rating.objects.get(slug="unverifiable"),
        )
    )
    return claims


def test_every_record_has_googles_required_fields_and_all_the_recommended_ones_it_can(
    admin, newsroom
):
    reviews = export(admin)
    assert len(reviews) == len(newsroom)
    by_url = {review["url"]: review for review in reviews}
    for claim in newsroom:
        review = by_url[f"http://testserver/fact-checks/{claim.pk}/"]
        assert missing_recommended(review) == expected_gaps(claim), claim.source_kind


def test_every_record_expands_as_schema_org_json_ld(admin, newsroom):
    for review in export(admin):
        expanded = expand(review)
        assert len(expanded) == 1
        assert expanded[0]["@type"] == [SCHEMA + "ClaimReview"]
        assert_nothing_dropped(review, expanded[0])
        assert expanded[0][SCHEMA + "url"] == [{"@id": review["url"]}]


def expand(document: dict) -> list[dict]:
    def load_context(url, options=None):
        assert url.rstrip("/") == "https://schema.org", url
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}

    return jsonld.expand(document, {"documentLoader": load_context})


def assert_nothing_dropped(node: dict, expanded: dict) -> None:
    """Each property of ``node`` is in ``expanded`` as a schema.org term; dates are dates."""
    for key, value in node.items():
        if key.startswith("@"):
            continue
        iri = SCHEMA + key
        assert iri in expanded, f"{key} is no schema.org term of the context"
        (expanded_value,) = expanded[iri]
        if isinstance(value, dict):
            assert expanded_value["@type"] == [SCHEMA + value["@type"]]
            assert_nothing_dropped(value, expanded_value)
        elif key.startswith("date"):
            assert expanded_value["@type"] == SCHEMA + "DateTime"
            assert expanded_value["@value"].endswith("Z")
            datetime.fromisoformat(expanded_value["@value"])
        elif key != "url":
            assert expanded_value == {"@value": value}
    unknown = set(expanded) - {SCHEMA + key for key in node} - {"@type", "@id"}
    assert not unknown


def test_a_misspelt_property_would_not_expand():
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReveiwed": "x"}
    with pytest.raises(AssertionError, match="claimReveiwed"):
        assert_nothing_dropped(review, expand(review)[0])


# --- The rating


def test_ratings_are_on_a_one_to_five_scale_with_their_names(admin):
    values = {"Vero": 5, "Quasi vero": 4, "Fuorviante": 3, "Quasi falso": 2, "Falso": 1}
    for slug in ("true", "mostly-true", "misleading", "mostly-false", "false"):
        PublishedClaimFactory(verdict=Rating.objects.get(slug=slug))
    ratings = {r["alternateName"]: r for r in (rv["reviewRating"] for rv in export(admin))}
    assert {name: rating["ratingValue"] for name, rating in ratings.items()} == values
    assert ratings["Vero"] == {
        "@type": "Rating",
        "alternateName": "Vero",
        "name": "Vero",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert ratings["Falso"]["ratingValue"] == 1 and ratings["Falso"]["worstRating"] == 1
    assert ratings["Fuorviante"]["ratingValue"] == 3


def test_unverifiable_has_a_name_and_no_misleading_number(admin):
    PublishedClaimFactory(verdict=Rating.objects.get(slug="unverifiable"))
    (review,) = export(admin)
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Non verificabile",
        "name": "Non verificabile",
    }


def test_the_rating_name_follows_the_claims_language(admin):
    PublishedClaimFactory(
        article=ArticleFactory(language="en"), verdict=Rating.objects.get(slug="mostly-true")
    )
    (review,) = export(admin)
    assert review["inLanguage"] == "en"
    assert review["reviewRating"]["alternateName"] == "Mostly true"


# --- Who made the claim


@pytest.mark.parametrize(
    "kind, text, author",
    [
        (
            SourceKind.PERSON,
            "il ministro dell'Economia Giancarlo Giorgetti",
            {
                "@type": "Person",
                "name": "Giancarlo Giorgetti",
                "jobTitle": "ministro dell'Economia",
            },
        ),
        (
            SourceKind.PERSON,
            "Elly Schlein, segretaria del Pd",
            {"@type": "Person", "name": "Elly Schlein", "jobTitle": "segretaria del Pd"},
        ),
        (SourceKind.PERSON, "Giorgia Meloni", {"@type": "Person", "name": "Giorgia Meloni"}),
        (
            SourceKind.ROLE,
            "il portavoce della Questura",
            {"@type": "Person", "jobTitle": "portavoce della Questura"},
        ),
        (SourceKind.ORGANIZATION, "l'Istat", {"@type": "Organization", "name": "Istat"}),
        (SourceKind.ORGANIZATION, "La Stampa", {"@type": "Organization", "name": "La Stampa"}),
        (SourceKind.MEDIA, "la Kcna", {"@type": "Organization", "name": "Kcna"}),
        (
            SourceKind.DOCUMENT,
            "il rapporto annuale della FAO",
            {"@type": "Organization", "name": "FAO"},
        ),
        (SourceKind.DOCUMENT, "un documento riservato", None),
        (SourceKind.ANONYMOUS, "fonti diplomatiche", None),
    ],
)
def test_the_claims_author_is_typed_by_the_kind_of_source(admin, kind, text, author):
    claim = PublishedClaimFactory(source_kind=kind, source_text=text)
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["itemReviewed"].get("author") == author


def test_an_english_role_is_a_job_title_not_a_name(admin):
    claim = PublishedClaimFactory(
        article=ArticleFactory(language="en"),
        source_kind=SourceKind.ROLE,
        source_text="a police spokesperson",
    )
    item = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()["itemReviewed"]
    assert item["author"] == {"@type": "Person", "jobTitle": "police spokesperson"}


def test_anonymous_sources_are_described_not_named(admin):
    claim = PublishedClaimFactory(
        source_kind=SourceKind.ANONYMOUS, source_text="fonti diplomatiche"
    )
    item = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()["itemReviewed"]
    assert "author" not in item
    assert item["description"] == "Attribuita a fonti anonime: fonti diplomatiche"
    assert "fonti diplomatiche" not in json.dumps(item.get("firstAppearance", {}))


def test_a_document_is_the_claims_first_appearance(admin):
    known = PublishedClaimFactory(
        source_kind=SourceKind.DOCUMENT, source_text="il rapporto annuale della FAO"
    )
    unknown = PublishedClaimFactory(
        source_kind=SourceKind.DOCUMENT, source_text="un documento riservato"
    )
    first = admin.get(f"/exports/claimreview/{known.pk}.jsonld").json()["itemReviewed"]
    assert first["firstAppearance"] == {
        "@type": "CreativeWork",
        "name": "rapporto annuale della FAO",
        "author": {"@type": "Organization", "name": "FAO"},
    }
    item = admin.get(f"/exports/claimreview/{unknown.pk}.jsonld").json()["itemReviewed"]
    assert item["firstAppearance"] == {"@type": "CreativeWork", "name": "documento riservato"}
    assert "author" not in item


def test_the_articles_own_voice_is_credited_to_its_author(admin):
    article = ArticleFactory(author="Anna Verdi")
    claim = PublishedClaimFactory(article=article, source_kind=SourceKind.AUTHOR, source_text="")
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Anna Verdi"}


# --- Where and when


def test_the_article_is_the_appearance_with_what_is_known_of_it(admin):
    article = ArticleFactory(
        title="La sanità in Lombardia",
        url="https://giornale.example.it/sanita",
        outlet="Il Giornale di Prova",
        published_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    )
    claim = PublishedClaimFactory(
        article=article, source=SourceFactory(name="Giulia Bianchi"), source_text="Giulia Bianchi"
    )
    item = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()["itemReviewed"]
    appearance = {
        "@type": "CreativeWork",
        "url": "https://giornale.example.it/sanita",
        "headline": "La sanità in Lombardia",
        "publisher": {"@type": "Organization", "name": "Il Giornale di Prova"},
        "datePublished": "2026-03-02T09:30:00Z",
    }
    assert item["appearance"] == appearance
    assert item["firstAppearance"] == appearance
    assert item["datePublished"] == "2026-03-02T09:30:00Z"


def test_an_article_without_a_link_appears_without_one(admin):
    claim = PublishedClaimFactory(article=ArticleFactory(title="Solo il titolo", url=""))
    item = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()["itemReviewed"]
    assert item["appearance"] == {"@type": "CreativeWork", "headline": "Solo il titolo"}


def test_the_claims_date_is_never_the_day_it_was_submitted(admin):
    claim = PublishedClaimFactory(article=ArticleFactory(published_at=None))
    item = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()["itemReviewed"]
    assert "datePublished" not in item
    assert "datePublished" not in item["appearance"]


def test_a_medium_that_relayed_the_claim_is_its_first_appearance(admin):
    claim = PublishedClaimFactory(
        source_kind=SourceKind.PERSON, source_text="Kim Yo-jong", channel_text="la Kcna"
    )
    item = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()["itemReviewed"]
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": "Kcna"},
    }


def test_a_correction_moves_date_modified_once_a_second_editor_approves_it(admin):
    claim = PublishedClaimFactory(published_at=datetime(2026, 3, 3, 8, 0, tzinfo=UTC))
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["datePublished"] == review["dateModified"] == "2026-03-03T08:00:00Z"
    claim_set_verdict(
        claim=claim,
        user=make_user("fc-correction", "fact-checker"),
        expected_version=None,
        verdict=Rating.objects.get(slug="mostly-false"),
        reason="Nuovi dati Istat.",
    )
    pending = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert pending["dateModified"] == "2026-03-03T08:00:00Z"  # the public record waits
    publication.claim_approve(
        claim=claim, user=make_user("ed-correction", "editor"), expected_version=None
    )
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["datePublished"] == "2026-03-03T08:00:00Z"
    assert review["dateModified"] > review["datePublished"]
    assert review["reviewRating"]["alternateName"] == "Quasi falso"


# --- What is exported


def test_the_export_lists_each_published_claim_and_nothing_else(admin, settings):
    settings.FACTCHECK_PUBLISHER_NAME = "Redazione Verifiche"
    settings.FACTCHECK_PUBLISHER_URL = "https://verifiche.example.org/"
    published = PublishedClaimFactory(content="Le liste d'attesa sono dimezzate")
    ClaimFactory(status=ClaimStatus.IN_REVIEW, verdict=Rating.objects.first())
    (review,) = export(admin)
    assert review["claimReviewed"] == "Le liste d'attesa sono dimezzate"
    assert review["url"] == f"http://testserver/fact-checks/{published.pk}/"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Redazione Verifiche",
        "url": "https://verifiche.example.org/",
    }


def test_the_url_is_the_public_page_at_the_public_address(admin, settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://verifiche.example.org"
    claim = PublishedClaimFactory(public_slug="")
    claim.public_slug = f"{claim.pk}-il-ponte"
    claim.save(update_fields=["public_slug"])
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["url"] == f"https://verifiche.example.org/fact-checks/{claim.pk}-il-ponte/"


def test_a_public_claim_url_can_be_configured(admin, settings):
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = "https://verifiche.example.org/claims/{id}"
    claim = PublishedClaimFactory()
    review = admin.get(f"/exports/claimreview/{claim.pk}.jsonld").json()
    assert review["url"] == f"https://verifiche.example.org/claims/{claim.pk}"


def test_an_unpublished_claim_has_no_claim_review(admin):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, verdict=Rating.objects.first())
    response = admin.get(f"/exports/claimreview/{claim.pk}.jsonld")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_withdrawn_fact_check_leaves_the_export(admin):
    kept, withdrawn = PublishedClaimFactory(), PublishedClaimFactory()
    publication.claim_withdraw(
        claim=withdrawn,
        user=make_user("ed-withdraw", "editor"),
        expected_version=None,
        reason="La fonte ha smentito la citazione.",
    )
    reviews = export(admin)
    assert [review["url"] for review in reviews] == [f"http://testserver/fact-checks/{kept.pk}/"]


@pytest.mark.parametrize("count", [3, 40])
def test_the_export_asks_a_fixed_number_of_queries_per_chunk(
    admin, count, django_assert_max_num_queries
):
    for _ in range(count):
        EvidenceFactory(claim=PublishedClaimFactory())
    with django_assert_max_num_queries(15):
        assert len(export(admin)) == count
