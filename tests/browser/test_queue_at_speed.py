"""The review queue at speed, in a real browser: the claim panel is swapped
in place (no page load), the list keeps its place and its highlight, and
editors decide from the keyboard."""

import pytest
from playwright.sync_api import expect

from claims.models import ClaimEvent, ClaimStatus
from tests.browser.conftest import log_in
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import PASSWORD, ensure_rating_scale, make_user

pytestmark = pytest.mark.browser

CURRENT_ROW_UNCOVERED = """() => {
  const row = document.querySelector("tr[data-queue-row].current");
  if (!row) return "no current row";
  const box = row.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) {
    return `out of view: ${box.top}-${box.bottom} of ${window.innerHeight}`;
  }
  const hit = document.elementFromPoint(box.left + 10, box.top + box.height / 2);
  return row.contains(hit) ? "ok" : "covered by " + (hit && hit.className);
}"""


def _queue(n, **kwargs):
    article = ArticleFactory(title="Bilancio comunale")
    return article, [
        ClaimFactory(article=article, content=f"la spesa {i} è cresciuta del {i}%", **kwargs)
        for i in range(n)
    ]


def _small_window(new_page):
    page = new_page()
    page.set_viewport_size({"width": 1366, "height": 700})
    return page


def test_j_and_save_swap_the_panel_in_place_and_keep_the_row_in_view(new_page, screenshot):
    ensure_rating_scale()
    make_user("fc_anna", "fact-checker")
    article, claims = _queue(22)
    page = _small_window(new_page)
    log_in(page, "fc_anna", PASSWORD)
    page.goto(f"/queue/?article={article.pk}")
    page.evaluate("window.noReload = true")  # gone if the page reloads

    for index in range(1, 15):
        page.keyboard.press("j")
        expect(page.locator("#current-claim")).to_have_attribute(
            "data-claim", str(claims[index].pk)
        )
        expect(page.locator("tr[data-queue-row].current")).to_have_attribute(
            "data-claim", str(claims[index].pk)
        )
        assert page.evaluate(CURRENT_ROW_UNCOVERED) == "ok"
    assert page.evaluate("window.noReload") is True
    assert page.url.endswith(f"claim={claims[14].pk}")  # a reload comes back here
    page.keyboard.press("k")
    expect(page.locator("tr[data-queue-row].current")).to_have_attribute(
        "data-claim", str(claims[13].pk)
    )

    # Save and next: the saved row changes in place, the list does not move.
    list_top = page.evaluate(
        "document.querySelector('[data-queue-list]').getBoundingClientRect().top"
    )
    page.keyboard.press("3")
    page.keyboard.press("s")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(claims[14].pk))
    expect(page.locator(f"#queue-row-{claims[13].pk}")).to_contain_text("In review")
    expect(page.locator("#current-claim")).to_contain_text("Saved:")
    assert page.evaluate("window.noReload") is True
    assert page.evaluate(CURRENT_ROW_UNCOVERED) == "ok"
    after = page.evaluate("document.querySelector('[data-queue-list]').getBoundingClientRect().top")
    assert abs(after - list_top) < 60  # at most the scroll to keep the new row in view

    # Ctrl+Enter saves from the rationale; Escape leaves it so letters are keys again.
    page.keyboard.press("2")
    page.locator("#decision-rationale").fill("Il dato del bilancio dice altro.")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") != "decision-rationale"
    page.locator("#decision-rationale").focus()
    page.keyboard.press("Control+Enter")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(claims[15].pk))
    claims[14].refresh_from_db()
    assert claims[14].rationale == "Il dato del bilancio dice altro."
    assert claims[14].status == ClaimStatus.IN_REVIEW
    assert page.evaluate("window.noReload") is True
    screenshot(page, "queue-at-speed")


def test_editors_publish_send_back_and_dismiss_with_keys(new_page, screenshot):
    ensure_rating_scale()
    from claims.models import Rating

    editor = make_user("ed_bruno", "editor")
    checker = make_user("fc_anna", "fact-checker")
    verdict = Rating.objects.order_by("position").first()
    article = ArticleFactory(title="Sanità")
    own, others, back, dull = (
        ClaimFactory(
            article=article,
            content=f"affermazione {i}",
            status=ClaimStatus.IN_REVIEW,
            verdict=verdict,
            verdict_set_by=editor if i == 0 else checker,
        )
        for i in range(4)
    )
    page = _small_window(new_page)
    log_in(page, "ed_bruno", PASSWORD)
    page.goto(f"/queue/?status=in_review&article={article.pk}")
    page.evaluate("window.noReload = true")

    # Your own verdict: publishing is disabled and the panel says why.
    publish = page.locator("#review-form [data-decision=p]")
    expect(publish).to_be_disabled()
    expect(page.locator("#why-publish")).to_contain_text("You set this verdict")
    page.keyboard.press("p")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(own.pk))
    own.refresh_from_db()
    assert own.status == ClaimStatus.IN_REVIEW

    page.keyboard.press("j")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(others.pk))
    page.keyboard.press("p")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(back.pk))
    expect(page.locator(f"#queue-row-{others.pk}")).to_contain_text("Published")
    others.refresh_from_db()
    assert others.status == ClaimStatus.PUBLISHED and others.published_by == editor

    page.keyboard.press("b")  # a note first: b puts the cursor in it
    expect(page.locator("#review-note")).to_be_focused()
    page.keyboard.type("Serve la fonte del dato.")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(dull.pk))
    back.refresh_from_db()
    assert back.status == ClaimStatus.IN_PROGRESS
    assert ClaimEvent.objects.filter(claim=back, reason="Serve la fonte del dato.").exists()
    expect(page.locator("#current-heading")).to_be_focused()  # out of the note: keys again

    page.keyboard.press("d")
    expect(page.locator("#current-claim")).to_contain_text("Dismissed")
    dull.refresh_from_db()
    assert dull.status == ClaimStatus.DISMISSED
    assert page.evaluate("window.noReload") is True
    screenshot(page, "queue-editor-decisions")
