"""Editors reshape claims in the article's text, in a real browser, with the keyboard."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim, ClaimStatus, ExtractionCorrection, ExtractionState
from claims.services.editing import claim_record
from tests.browser.conftest import log_in
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import PASSWORD, make_user

pytestmark = pytest.mark.browser

TEXT = (
    "La sindaca Paola Greco ha detto che il nuovo ponte costerà 12 milioni. "
    "Secondo il Comune, i lavori finiranno nel 2027. "
    "Grazie a tutti per la pazienza."
)


def _span(words):
    start = TEXT.index(words)
    return start, start + len(words)


def _claim(article, words, source=None, cue=None):
    start, end = _span(words)
    fields = {}
    for name, value in (("source", source), ("cue", cue)):
        if value:
            s, e = _span(value)
            fields.update({f"{name}_text": value, f"{name}_start": s, f"{name}_end": e})
        else:
            fields.update({f"{name}_text": "", f"{name}_start": None, f"{name}_end": None})
    claim = ClaimFactory(
        article=article,
        content=words,
        content_start=start,
        content_end=end,
        extraction_key=f"{start}:{end}:",
        source_kind="person" if source else "author",
        quote_type="indirect" if source else "none",
        extractor_version="0.4.1",
        **fields,
    )
    claim.extracted_record = {**claim_record(claim), "version": "0.4.1"}
    claim.save()
    return claim


@pytest.fixture
def article(db):
    article = ArticleFactory(
        title="Il ponte di Borgo",
        text=TEXT,
        extraction_state=ExtractionState.DONE,
        extractor_version="0.4.1",
    )
    ponte = _claim(
        article, "il nuovo ponte costerà 12 milioni", "La sindaca Paola Greco", "ha detto"
    )
    grazie = _claim(article, "Grazie a tutti per la pazienza")
    return article, ponte, grazie


def _select_words(page, skip: int, count: int):
    """Focus the text, go to its start, move over `skip` words, select `count` words."""
    text = page.locator("#article-text")
    text.focus()
    page.keyboard.press("Home")
    for _ in range(skip):
        page.keyboard.press("ArrowRight")
    for _ in range(count):
        page.keyboard.press("Shift+ArrowRight")


def test_an_editor_adds_respans_splits_merges_and_rejects_claims_in_the_text(
    article, new_page, screenshot
):
    article, ponte, grazie = article
    make_user("ed_text", "editor")
    page = new_page()
    log_in(page, "ed_text", PASSWORD)
    page.goto(f"/articles/{article.pk}/")
    status = page.locator("#editor-status")

    # Add "i lavori finiranno nel 2027" (words 16 to 20), selected with the keyboard.
    _select_words(page, 16, 5)
    expect(page.locator("[data-selection]")).to_contain_text("i lavori finiranno nel 2027")
    page.get_by_role("button", name="Add the selection as a claim").click()
    expect(status).to_have_text("Claim added.")
    added = Claim.objects.get(article=article, content="i lavori finiranno nel 2027")
    expect(page.locator(f'.article-text mark.claim[data-claim="{added.pk}"]')).to_have_count(1)

    # Its source "il Comune" and cue "Secondo", chosen by selecting them.
    _select_words(page, 14, 2)
    page.locator('#editor-claim [data-set="source"]').click()
    expect(status).to_have_text("Saved.")
    _select_words(page, 13, 1)
    page.locator('#editor-claim [data-set="cue"]').click()
    expect(page.locator(f'.article-text .att-cue[data-claim="{added.pk}"]')).to_have_text("Secondo")
    added.refresh_from_db()
    assert (added.source_text, added.cue_text) == ("il Comune", "Secondo")
    # The highlight follows: the source's words are marked, and said, for screen readers.
    expect(page.locator(f'.article-text .att-source[data-claim="{added.pk}"]')).to_have_text(
        "il Comune"
    )
    expect(page.locator(".article-text")).to_contain_text("(source of claim 2)")

    # Click the first claim's highlight, narrow its source to "Paola Greco".
    page.locator(f'.article-text mark.claim[data-claim="{ponte.pk}"]').first.click()
    expect(page.locator("#editor-claim legend")).to_have_text("Claim 1")
    _select_words(page, 2, 2)
    page.locator('#editor-claim [data-set="source"]').click()
    expect(page.locator(f'.article-text .att-source[data-claim="{ponte.pk}"]')).to_have_text(
        "Paola Greco"
    )
    # A channel typed instead of selected: the server finds the words in the text.
    page.get_by_label("Channel (type it)").fill("Comune")
    page.get_by_role("button", name="Save attribution").click()
    expect(page.locator(f'.article-text .att-channel[data-claim="{ponte.pk}"]')).to_have_text(
        "Comune"
    )
    screenshot(page, "article-editing")

    # Split it at "costerà", then merge the two parts again.
    _select_words(page, 10, 0)
    page.get_by_role("button", name="Split at the cursor").click()
    expect(status).to_have_text("Claim split in two.")
    ponte.refresh_from_db()
    assert ponte.content == "il nuovo ponte"
    part = Claim.objects.get(article=article, content="costerà 12 milioni")
    assert part.source_text == "Paola Greco"
    page.locator(f'[data-edit-claim="{ponte.pk}"]').click()
    page.get_by_role("button", name="Merge with the next claim").click()
    expect(status).to_have_text("Claims merged.")
    ponte.refresh_from_db()
    assert ponte.content == "il nuovo ponte costerà 12 milioni"
    assert not Claim.objects.filter(pk=part.pk).exists()

    # The greeting is not a claim: reached from the list, with the keyboard only.
    page.locator(f'[data-edit-claim="{grazie.pk}"]').focus()
    page.keyboard.press("Enter")
    expect(page.locator("#editor-claim legend")).to_have_text("Claim 3")
    page.get_by_role("button", name="Mark not a claim").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text("Marked not a claim.")
    grazie.refresh_from_db()
    assert grazie.status == ClaimStatus.NOT_A_CLAIM
    expect(page.get_by_role("button", name="Restore as a claim")).to_be_visible()

    actions = set(ExtractionCorrection.objects.values_list("action", flat=True))
    assert actions == {"added", "respanned", "split", "merged", "not_a_claim"}


def test_a_refused_edit_says_why_and_changes_nothing(article, new_page):
    article, ponte, _grazie = article
    make_user("ed_refused", "editor")
    page = new_page()
    log_in(page, "ed_refused", PASSWORD)
    page.goto(f"/articles/{article.pk}/")
    page.locator(f'[data-edit-claim="{ponte.pk}"]').click()
    # The cursor at the claim's first word: nothing to cut off.
    _select_words(page, 7, 0)
    page.get_by_role("button", name="Split at the cursor").click()
    expect(page.locator("#editor-error")).to_contain_text("at:")
    ponte.refresh_from_db()
    assert ponte.version == 1


def test_the_quality_page_and_a_speaker_page_in_the_browser(article, new_page, screenshot):
    article, ponte, grazie = article
    from claims.services import editing

    editor = make_user("ed_quality", "editor")
    editing.claim_mark_not_a_claim(claim=grazie, user=editor, expected_version=None)
    start, end = _span("Paola Greco")
    editing.claim_edit_extraction(
        claim=ponte,
        user=editor,
        expected_version=None,
        source_start=start,
        source_end=end,
        source_kind="person",
    )
    page = new_page()
    log_in(page, "ed_quality", PASSWORD)
    page.goto("/")
    page.get_by_role("link", name="Extraction quality").click()
    row = page.locator('tr[data-version="0.4.1"][data-language="it"]')
    expect(row.locator('[data-figure="not_a_claim"]')).to_have_text("1")
    expect(row.locator('[data-figure="corrected-source"]')).to_have_text("1")
    expect(row.locator('[data-figure="precision"]')).to_have_text("0.500")
    row.locator('[data-figure="corrected-source"] a').click()
    expect(page.locator("#quality-items")).to_contain_text("Paola Greco")
    screenshot(page, "extraction-quality")

    page.goto(f"/claims/{ponte.pk}/")
    page.locator(".badge-source a").click()
    expect(page.locator("h1")).to_have_text("Paola Greco")
    expect(page.locator("#source-claims")).to_contain_text("il nuovo ponte costerà 12 milioni")
    screenshot(page, "source-page")
