"""Speaker pages: /sources/ and /sources/<id>/, and editors' changes to sources."""

import pytest

from claims.models import ClaimStatus, Source, SourceChange
from claims.services.sources import normalize_source_name
from tests.factories import ArticleFactory, ClaimFactory


def make_source(name, kind="person", aliases=()):
    return Source.objects.create(
        name=name, normalized_name=normalize_source_name(name), kind=kind, aliases=list(aliases)
    )


@pytest.fixture
def speaker(db, ratings):
    source = make_source("Niccolò Ferri", aliases=["il ministro Ferri"])
    first, second = ArticleFactory(title="Primo pezzo"), ArticleFactory(title="Secondo pezzo")
    ClaimFactory(article=first, source=source, content="le tasse scendono")
    ClaimFactory(
        article=second,
        source=source,
        content="la disoccupazione è al 5%",
        status=ClaimStatus.PUBLISHED,
        verdict=ratings[0],
    )
    return source


def test_the_list_finds_a_source_by_name_or_alias_ignoring_accents_and_case(editor_client, speaker):
    make_source("Giulia Neri")
    for query in ("niccolo", "NICCOLÒ ferri", "ministro", "MINISTRO FERRI"):
        page = editor_client.get("/sources/", {"q": query}).content.decode()
        assert "Niccolò Ferri" in page, query
        assert "Giulia Neri" not in page, query
    page = editor_client.get("/sources/", {"kind": "organization"}).content.decode()
    assert "Niccolò Ferri" not in page


def test_the_list_shows_claim_counts(editor_client, speaker):
    response = editor_client.get("/sources/")
    assert response.status_code == 200
    row = response.content.decode().split(f'data-source="{speaker.pk}"')[1].split("</tr>")[0]
    assert '<td class="num">2</td>' in row


def test_a_source_page_shows_claims_across_articles_and_its_record(editor_client, speaker):
    response = editor_client.get(f"/sources/{speaker.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Primo pezzo" in page and "Secondo pezzo" in page
    assert "il ministro Ferri" in page
    scorecard = page.split('id="scorecard"')[1].split("</table>")[0]
    first_row = scorecard.split("<tr data-rating=")[1]
    assert '<td class="num">1</td>' in first_row


def test_every_claim_links_to_its_source(editor_client, speaker):
    claim = speaker.claims.first()
    page = editor_client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'href="/sources/{speaker.pk}/"' in page
    page = editor_client.get(f"/articles/{claim.article_id}/").content.decode()
    assert f'href="/sources/{speaker.pk}/"' in page


def test_an_editor_merges_a_duplicate_keeping_aliases_and_history(editor_client, speaker):
    duplicate = make_source("Ferri", aliases=["N. Ferri"])
    ClaimFactory(article=ArticleFactory(), source=duplicate)
    response = editor_client.post(f"/sources/{speaker.pk}/merge/", {"other": duplicate.pk})
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    assert speaker.claims.count() == 3
    assert {"Ferri", "N. Ferri", "il ministro Ferri"} <= set(speaker.aliases)
    change = SourceChange.objects.get(source=speaker, action="merge")
    assert change.claims_moved == 1 and change.old_value["name"] == "Ferri"
    assert "merged “Ferri”" in editor_client.get(f"/sources/{speaker.pk}/").content.decode()


def test_an_editor_renames_and_retypes_a_source(editor_client, speaker):
    response = editor_client.post(
        f"/sources/{speaker.pk}/edit/", {"name": "Niccolò Ferri Rossi", "kind": "role"}
    )
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.name == "Niccolò Ferri Rossi" and speaker.kind == "role"
    assert "Niccolò Ferri" in speaker.aliases
    assert list(SourceChange.objects.values_list("action", flat=True).order_by("id")) == [
        "rename",
        "retype",
    ]


def test_renaming_onto_another_source_is_refused_with_a_reason(editor_client, speaker):
    make_source("Giulia Neri")
    response = editor_client.post(
        f"/sources/{speaker.pk}/edit/", {"name": "giulia neri", "kind": "person"}
    )
    assert response.status_code == 400
    assert "merge the two instead" in response.content.decode()


def test_a_fact_checker_reads_but_cannot_merge(fc_client, speaker):
    duplicate = make_source("Ferri")
    assert fc_client.get(f"/sources/{speaker.pk}/").status_code == 200
    response = fc_client.post(f"/sources/{speaker.pk}/merge/", {"other": duplicate.pk})
    assert response.status_code == 403
    assert Source.objects.filter(pk=duplicate.pk).exists()


def test_suggestions_offer_names_and_aliases(editor_client, speaker):
    found = editor_client.get("/sources/suggest/", {"q": "minis"}).json()["sources"]
    assert {"id": speaker.pk, "name": "il ministro Ferri", "kind": "person"} in found
