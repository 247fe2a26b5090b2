"""Every editor screen at a phone's 390 px and a laptop's 1366 px: nothing
scrolls sideways, the menu folds into a <details> on the phone, tables become
cards, and the queue shows the claim at hand before the list. Screenshots of
each screen at both widths land in test-artifacts/screenshots/."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from claims.models import ClaimEvent, ExtractionState, Feed, FeedItem, ImportJob
from tests.browser.conftest import log_in
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import PASSWORD, ensure_rating_scale, make_user

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
# A long unbroken word is what pushes a narrow page sideways.
LONG_TITLE = "Bilancio regionale: https://www.example.org/" + "molto-lungo-" * 12


def _desk():
    """An editor, an article with claims, history, comments, a feed and an import."""
    ensure_rating_scale()
    editor = make_user("ed_phone", "editor")
    text = " ".join(
        f"Il presidente della Regione ha detto che il bilancio {i} è in pareggio da anni."
        for i in range(6)
    )
    article = ArticleFactory(
        title=LONG_TITLE,
        text=text,
        language="it",
        extraction_state=ExtractionState.DONE,
        submitted_by=editor,
    )
    claims = []
    for i in range(6):
        content = f"il bilancio {i} è in pareggio da anni"
        start = text.index(content)
        claims.append(
            ClaimFactory(
                article=article,
                position=i,
                content=content,
                content_start=start,
                content_end=start + len(content),
                source_text="Il presidente della Regione",
            )
        )
    for n in range(8):
        ClaimEvent.objects.create(
            claim=claims[0],
            actor=editor,
            action="correct_attribution",
            field="source_text",
            old_value="Il presidente",
            new_value="Il presidente della Regione Lombardia " * 2,
            reason=f"correzione numero {n} " + "motivazione-senza-spazi" * 4,
        )
    feed = Feed.objects.create(
        url="https://feeds.example.org/" + "sezione/" * 12,
        canonical_url="feeds.example.org/x",
        title="",
        language="it",
        created_by=editor,
        last_polled_at=timezone.now(),
        last_error="Timeout " + "x" * 150,
    )
    FeedItem.objects.create(
        feed=feed,
        guid="g1",
        url="https://news.example.org/" + "a" * 120,
        title="",
        published_at=timezone.now(),
        error="HTTP 404",
    )
    job = ImportJob.objects.create(
        filename="archivio-" + "2026-" * 20 + ".jsonl",
        format="jsonl",
        state="done",
        total_rows=1200,
        processed_rows=1200,
        created_count=1100,
        existing_count=95,
        error_count=5,
        created_by=editor,
    )
    return article, claims, feed, job


def _screens(article, claims, feed, job):
    return [
        ("dashboard", "/"),
        ("article-list", "/articles/"),
        ("article-page", f"/articles/{article.pk}/"),
        ("claim-page", f"/claims/{claims[0].pk}/"),
        ("queue", f"/queue/?status=&claim={claims[2].pk}"),
        ("submit", "/articles/new/"),
        ("ingest", "/ingest/"),
        ("ingest-link", "/ingest/url/"),
        ("feeds", "/ingest/feeds/"),
        ("feed", f"/ingest/feeds/{feed.pk}/"),
        ("imports", "/ingest/imports/"),
        ("import", f"/ingest/imports/{job.pk}/"),
    ]


# The elements that stick out on the right, to say what to fix when the test fails.
WIDER_THAN_THE_WINDOW = """() => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    const spills = el.scrollWidth > el.clientWidth + 1
      && getComputedStyle(el).overflowX === "visible";
    if (box.width > 0 && (box.right > window.innerWidth + 0.5 || spills) && el.checkVisibility()) {
      out.push(`${el.tagName.toLowerCase()}.${el.className}#${el.id}: ${Math.round(box.right)} px`);
    }
  }
  return out.slice(0, 12);
}"""


def _page_at(new_page, viewport):
    page = new_page("en")
    page.set_viewport_size(viewport)
    return page


def _assert_no_sideways_scroll(page, name):
    widths = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        culprits = page.evaluate(WIDER_THAN_THE_WINDOW)
        pytest.fail(f"{name} is {widths[0]} px wide in a {widths[1]} px window: {culprits}")


@pytest.mark.parametrize(
    "viewport, language",
    [(PHONE, "en"), (LAPTOP, "en"), (PHONE, "it")],
    ids=["390", "1366", "390-italian"],
)
def test_no_screen_scrolls_sideways(new_page, screenshot, viewport, language):
    article, claims, feed, job = _desk()
    page = _page_at(new_page, viewport)
    suffix = f"{viewport['width']}" + ("" if language == "en" else f"-{language}")
    login_path = "/accounts/login/"
    page.goto(login_path)
    _assert_no_sideways_scroll(page, "login")
    screenshot(page, f"login-{suffix}")
    log_in(page, "ed_phone", PASSWORD)
    if language != "en":  # logged in with the English labels, then the interface switches
        page.context.add_cookies([{"name": "django_language", "value": language, "url": page.url}])
    for name, path in _screens(article, claims, feed, job):
        response = page.goto(path)
        assert response.status == 200, (name, path, response.status)
        page.wait_for_load_state("networkidle")
        _assert_no_sideways_scroll(page, name)
        screenshot(page, f"{name}-{suffix}")


def test_the_phone_menu_folds_and_opens_without_scripts(browser, live_server, screenshot):
    make_user("fc_menu", "fact-checker")
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False, locale="en-GB"
    )
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    try:
        log_in(page, "fc_menu", PASSWORD)
        queue_link = page.get_by_role("link", name="Review queue")
        expect(queue_link).to_be_hidden()
        bar = page.locator(".topbar").bounding_box()
        assert bar["height"] <= 64, f"the top bar takes {bar['height']} px of a phone's screen"
        page.locator("#menu > summary").click()
        expect(queue_link).to_be_visible()
        screenshot(page, "menu-open-390")
        queue_link.click()
        page.wait_for_url("**/queue/")
    finally:
        context.close()


def test_the_laptop_shows_the_whole_navigation_at_once(new_page):
    make_user("fc_wide", "fact-checker")
    page = _page_at(new_page, LAPTOP)
    log_in(page, "fc_wide", PASSWORD)
    expect(page.locator("#menu > summary")).to_be_hidden()
    for name in ("Dashboard", "Articles", "Submit an article", "Review queue", "Log out"):
        expect(
            page.get_by_role("link", name=name, exact=True).or_(
                page.get_by_role("button", name=name, exact=True)
            )
        ).to_be_visible()


def test_on_a_phone_the_queue_shows_the_claim_at_hand_first(new_page):
    article, claims, _feed, _job = _desk()
    page = _page_at(new_page, PHONE)
    log_in(page, "ed_phone", PASSWORD)
    page.goto(f"/queue/?status=&claim={claims[3].pk}")
    current = page.locator("#current-claim").bounding_box()
    first_row = page.locator("tr[data-queue-row]").first.bounding_box()
    assert current["y"] < first_row["y"], "the decision panel must come before the list"
    filters = page.locator("form.filters").bounding_box()
    assert current["y"] < filters["y"], "the claim at hand comes before the filters"
    assert current["y"] < PHONE["height"] / 3, f"the claim at hand starts at {current['y']} px"
    # Tables are cards: a row fits the screen and its cells sit one below the other.
    assert first_row["width"] <= PHONE["width"]
    cells = page.locator("tr[data-queue-row]").first.locator("td:not(:has(input))").all()
    tops = [cell.bounding_box()["y"] for cell in cells]
    assert tops == sorted(tops) and len(set(tops)) == len(tops), tops
    page.get_by_role("link", name="All claims in this queue").click()
    assert page.evaluate("window.scrollY") > 0


def test_on_a_laptop_the_queue_counts_never_cover_a_row(new_page):
    article, claims, _feed, _job = _desk()
    page = _page_at(new_page, LAPTOP)
    log_in(page, "ed_phone", PASSWORD)
    page.goto("/queue/?status=")
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(200)
    bar = page.locator("#queue-counts").bounding_box()
    for row in page.locator("tr[data-queue-row]").all():
        box = row.bounding_box()
        overlaps = box["y"] < bar["y"] + bar["height"] and bar["y"] < box["y"] + box["height"]
        assert not overlaps, "the counts bar covers a row"


def test_the_favicon_is_served(new_page, live_server):
    make_user("fc_icon", "fact-checker")
    page = _page_at(new_page, LAPTOP)
    log_in(page, "fc_icon", PASSWORD)
    href = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(href).status == 200
    assert page.request.get("/favicon.ico").status == 200
