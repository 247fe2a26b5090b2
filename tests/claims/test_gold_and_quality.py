"""The desk measures its extractor: editors' corrections become gold files
(export_gold), figures on the quality page, and a fresh scoring run
(score_extraction)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims import services
from claims.models import Article, ClaimStatus
from claims.services import editing
from claims.tasks import extract_article
from tests.screens.roles import make_user

TEXT = (
    "The harbour authority said on Monday that cargo traffic rose by 12 percent in 2025. "
    "According to the port's director, Helen Marsh, the new crane will arrive in March. "
    "Local fishermen complained that the dredging has pushed the fish away. "
    "The mayor thanked the volunteers for their work. "
    "Rents near the docks have doubled since 2019, leaving many families priced out."
)


@pytest.fixture
def reviewed(db, monkeypatch):
    """An article extracted by the real extractor, then reshaped by an editor."""
    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda pk: None)
    editor = make_user("ed_gold", "editor")
    article = services.article_submit(text=TEXT, language="en", submitted_by=editor).article
    extract_article(article.pk)  # the task function itself, in this process
    article.refresh_from_db()
    claims = list(article.claims.order_by("content_start"))
    assert len(claims) >= 3, [c.content for c in claims]
    # Not a claim: the thanks (or the last claim found).
    thanks = next((c for c in claims if "thanked" in c.content), claims[-1])
    editing.claim_mark_not_a_claim(claim=thanks, user=editor, expected_version=None)
    # A narrower source span on the first claim.
    first = claims[0]
    start = TEXT.index("harbour authority")
    editing.claim_edit_extraction(
        claim=first,
        user=editor,
        expected_version=None,
        source_start=start,
        source_end=start + len("harbour authority"),
    )
    # One claim made two: the consequence is a claim of its own.
    rents = next(c for c in claims if c.content.startswith("Rents"))
    _kept, added = editing.claim_split(
        claim=rents, user=editor, expected_version=None, at=TEXT.index(", leaving")
    )
    return article, editor, thanks, first, added


def test_export_gold_writes_the_editors_claims_in_the_gold_format(reviewed, tmp_path):
    article, _editor, thanks, first, added = reviewed
    out = StringIO()
    call_command("export_gold", str(tmp_path), stdout=out)
    assert "wrote 1 articles" in out.getvalue()
    gold = json.loads((tmp_path / f"{article.pk}.json").read_text(encoding="utf-8"))
    assert set(gold) >= {"id", "lang", "text", "claims"}
    assert gold["id"] == str(article.pk) and gold["lang"] == "en" and gold["text"] == TEXT
    contents = [c["content"]["text"] for c in gold["claims"]]
    assert thanks.content not in contents
    for claim in gold["claims"]:
        assert set(claim) >= {
            "content",
            "source",
            "cue",
            "channel",
            "source_kind",
            "quote",
            "hedged",
        }
        assert TEXT[claim["content"]["start"] : claim["content"]["end"]] == claim["content"]["text"]
        if claim["source"] and claim["source"]["start"] != claim["source"]["end"]:
            span = claim["source"]
            assert TEXT[span["start"] : span["end"]] == span["text"]
    first_gold = next(c for c in gold["claims"] if c["content"]["start"] == first.content_start)
    assert first_gold["source"]["text"] == "harbour authority"
    assert "leaving many families priced out" in contents
    assert "Rents near the docks have doubled since 2019" in contents


def test_export_gold_picks_articles_and_dates(reviewed, tmp_path):
    article = reviewed[0]
    call_command("export_gold", str(tmp_path / "a"), article=[article.pk], stdout=StringIO())
    assert (tmp_path / "a" / f"{article.pk}.json").exists()
    call_command("export_gold", str(tmp_path / "b"), since="2999-01-01", stdout=StringIO())
    assert not list((tmp_path / "b").glob("*.json"))
    with pytest.raises(CommandError, match="not a date"):
        call_command("export_gold", str(tmp_path / "c"), since="yesterday")
    with pytest.raises(CommandError, match="no such article"):
        call_command("export_gold", str(tmp_path / "d"), article=[987654])


def test_the_quality_figures_count_each_kind_of_correction(reviewed):
    from claims.quality import extraction_quality

    article, _editor, thanks, first, added = reviewed
    groups = extraction_quality()
    ((key, figures),) = groups.items()
    assert key[1] == "en" and key[0] == article.extractor_version
    extracted = Article.objects.get(pk=article.pk).claims.filter(origin="extracted").count()
    assert figures.extracted == extracted
    assert figures.not_a_claim == 1
    assert figures.corrected["source"] == 1
    assert figures.added == 1 and figures.respanned == 1
    assert figures.kept == extracted - 3
    assert figures.precision == pytest.approx((extracted - 1) / extracted)
    assert [i.claim_id for i in figures.items_for("not_a_claim")] == [thanks.pk]
    assert [i.claim_id for i in figures.items_for("corrected", "source")] == [first.pk]


def test_score_extraction_prints_the_same_figures_for_a_fresh_run(reviewed):
    out = StringIO()
    call_command("score_extraction", stdout=out)
    text = out.getvalue()
    assert "[en]: 1 articles" in text and "[all]: 1 articles" in text
    # The fresh run finds the removed claim again, the first claim's old source,
    # and the rents sentence whole (matched to its first part; the second is missed).
    assert "not a claim 1" in text
    assert "source 1" in text
    assert "added 1" in text
    assert "implied precision" in text
    out = StringIO()
    call_command("score_extraction", extractor_version="0.0.0-none", stdout=out)
    assert "[all]: 0 articles" in out.getvalue()


def test_the_quality_page_shows_figures_and_the_corrections_behind_them(reviewed, client):
    article, editor, thanks, first, added = reviewed
    client.force_login(editor)
    response = client.get("/quality/extraction/")
    assert response.status_code == 200
    page = response.content.decode()
    row = page.split(f'data-version="{article.extractor_version}" data-language="en"')[1]
    assert '<td data-figure="not_a_claim"><a href=' in row
    response = client.get(
        "/quality/extraction/",
        {"version": article.extractor_version, "language": "en", "show": "not_a_claim"},
    )
    items = response.content.decode().split('id="quality-items"')[1]
    assert f"/claims/{thanks.pk}/" in items


def test_a_fact_checker_cannot_open_the_quality_page(reviewed, client):
    client.force_login(make_user("fc_q", "fact-checker"))
    assert client.get("/quality/extraction/").status_code == 403


def test_reextraction_keeps_the_labelled_data(reviewed):
    article, _editor, thanks, first, added = reviewed
    Article.objects.filter(pk=article.pk).update(extractor_version="old")
    extract_article(article.pk)
    thanks.refresh_from_db()
    first.refresh_from_db()
    assert thanks.status == ClaimStatus.NOT_A_CLAIM
    assert first.source_text == "harbour authority"
    assert article.claims.filter(content_start__gte=TEXT.index("Rents")).count() == 2
