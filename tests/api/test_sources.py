import pytest
from django.utils import timezone

from claims.models import ClaimStatus, Rating, SourceKind
from tests.api.factories import ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_a_source_has_a_scorecard_of_its_verdicts(editor):
    source = SourceFactory(name="Giulia Bianchi")
    false, true = Rating.objects.get(slug="false"), Rating.objects.get(slug="true")
    ClaimFactory.create_batch(
        2,
        source=source,
        verdict=false,
        status=ClaimStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    ClaimFactory(source=source, verdict=false, status=ClaimStatus.IN_REVIEW)
    ClaimFactory(source=source, verdict=true, status=ClaimStatus.PUBLISHED)
    ClaimFactory(source=source)
    ClaimFactory()  # someone else's
    body = editor.get(f"/api/sources/{source.pk}/").json()
    card = body["scorecard"]
    assert (card["claims"], card["with_verdict"], card["published"]) == (5, 4, 3)
    verdicts = {row["slug"]: (row["count"], row["published"]) for row in card["verdicts"]}
    assert verdicts["false"] == (3, 2)
    assert verdicts["true"] == (1, 1)
    assert verdicts["misleading"] == (0, 0)
    assert len(body["recent_claims"]) == 5
    assert body["claims_url"].endswith(f"/api/claims/?source={source.pk}")


def test_sources_are_searchable_and_filterable_by_kind(editor):
    SourceFactory(name="Giulia Bianchi", kind=SourceKind.PERSON, aliases=["la ministra Bianchi"])
    SourceFactory(name="Istat", kind=SourceKind.ORGANIZATION)

    def names(**query):
        return {s["name"] for s in editor.get("/api/sources/", query).json()["results"]}

    assert names(search="bianchi") == {"Giulia Bianchi"}
    assert names(search="ministra") == {"Giulia Bianchi"}
    assert names(kind="organization") == {"Istat"}


def test_lists_come_in_a_stable_order(editor):
    from tests.api.factories import ArticleFactory

    for name in ("Zeta", "Alfa", "Mu"):
        SourceFactory(name=name)
    assert [s["name"] for s in editor.get("/api/sources/").json()["results"]] == [
        "Alfa",
        "Mu",
        "Zeta",
    ]
    first, second = ArticleFactory(), ArticleFactory()
    ids = [a["id"] for a in editor.get("/api/articles/").json()["results"]]
    assert ids == [second.pk, first.pk], "newest first"
