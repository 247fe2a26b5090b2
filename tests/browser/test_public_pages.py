"""A reader without an account, in a real browser: the index, a search, a
fact-check page and its other language. The page runs no script at all, so
the Content-Security-Policy must have nothing to complain about."""

import json
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from claims.models import Rating, SourceKind
from claims.services.review import claim_set_status, claim_set_verdict
from tests.api.factories import EvidenceFactory
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import ensure_rating_scale, make_user

pytestmark = pytest.mark.browser


def _published_fact_check():
    ensure_rating_scale()
    setter, publisher = make_user("ed_sara", "editor"), make_user("ed_luca", "editor")
    article = ArticleFactory(
        title="Ponti e cantieri: le promesse del sindaco",
        url="https://giornale.example.it/ponti",
        outlet="Il Giornale di Prova",
        published_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    )
    claim = ClaimFactory(
        article=article,
        content="il ponte sul Serchio riaprirà entro marzo",
        source_text="il sindaco Marco Neri",
        source_kind=SourceKind.PERSON,
        cue_text="ha assicurato",
    )
    EvidenceFactory(
        claim=claim,
        url="https://comune.example.it/cantieri",
        description="Cronoprogramma dei lavori del Comune",
    )
    claim = claim_set_status(claim=claim, user=setter, expected_version=None, status="in_progress")
    claim = claim_set_verdict(
        claim=claim,
        user=setter,
        expected_version=None,
        verdict=Rating.objects.get(slug="mostly-false"),
        rationale=(
            "Il cronoprogramma del Comune fissa la fine dei lavori a giugno: a marzo "
            "riaprirà una sola corsia, a senso alternato."
        ),
    )
    claim = claim_set_status(claim=claim, user=setter, expected_version=None, status="in_review")
    return claim_set_status(claim=claim, user=publisher, expected_version=None, status="published")


def test_a_reader_finds_a_fact_check_and_reads_it_in_both_languages(new_page, screenshot):
    claim = _published_fact_check()
    page = new_page("it")
    problems = []
    page.on("console", lambda message: problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto("/fact-checks/")
    page.get_by_label("Cerca tra le verifiche").fill("Serchio")
    page.get_by_role("button", name="Cerca").click()
    expect(page.locator("#result-count")).to_contain_text("1 verifica contiene")
    screenshot(page, "public-fact-check-index")
    page.get_by_role("link", name="il ponte sul Serchio riaprirà entro marzo").click()

    page.wait_for_url(f"**/fact-checks/{claim.public_slug}/")
    expect(page.locator("#verdict")).to_contain_text("Quasi falso")
    expect(page.locator("#source")).to_contain_text("il sindaco Marco Neri")
    expect(page.locator("#evidence")).to_contain_text("Cronoprogramma dei lavori del Comune")
    review = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert review["url"] == page.url
    assert review["reviewRating"]["ratingValue"] == 2
    screenshot(page, "public-fact-check")

    page.locator("#other-language").click()
    expect(page.locator("#verdict")).to_contain_text("Mostly false")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, "public-fact-check-en")
    assert problems == []
