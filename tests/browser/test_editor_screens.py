"""The fact-checkers' and editors' daily path, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Article, Claim, ClaimStatus, ExtractionState
from tests.browser.conftest import log_in
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import PASSWORD, ensure_rating_scale, make_user

pytestmark = pytest.mark.browser

ARTICLE = (
    "La portavoce della Protezione civile, Laura Neri, ha detto che l'allerta resterà "
    "attiva fino a domenica. Secondo i tecnici del Comune, il fiume è salito di due metri "
    "in una notte. Il sindaco avrebbe chiesto aiuto alla Regione, come riporta l'Ansa."
)


def _article_with_claims(n=3):
    sentences = [
        f"Il sindaco Rossi ha detto che il ponte numero {i} riaprirà a marzo." for i in range(n)
    ]
    text = " ".join(sentences)
    article = ArticleFactory(
        title="Ponti di Borgo Nuovo", text=text, extraction_state=ExtractionState.DONE
    )
    claims = []
    offset = 0
    for i, sentence in enumerate(sentences):
        content = f"il ponte numero {i} riaprirà a marzo"
        start = offset + sentence.index(content)
        claims.append(
            ClaimFactory(
                article=article,
                position=i,
                content=content,
                content_start=start,
                content_end=start + len(content),
                source_text="Il sindaco Rossi",
                source_start=offset,
                source_end=offset + len("Il sindaco Rossi"),
                cue_text="ha detto",
                cue_start=offset + sentence.index("ha detto"),
                cue_end=offset + sentence.index("ha detto") + len("ha detto"),
            )
        )
        offset += len(sentence) + 1
    return article, claims


@pytest.mark.worker
def test_submit_an_article_and_watch_its_extraction_finish_without_a_reload(
    worker, new_page, screenshot
):
    make_user("fc_anna", "fact-checker")
    page = new_page()
    log_in(page, "fc_anna", PASSWORD)
    page.get_by_role("link", name="Submit an article").click()
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Title").fill("Allerta meteo")
    page.get_by_label("Language").last.select_option("it")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    # A marker that a full reload would wipe: the progress must update in place.
    page.evaluate("window.__noReload = true")
    expect(page.locator("#extraction [data-state]")).to_have_attribute(
        "data-state", "done", timeout=90_000
    )
    assert page.evaluate("window.__noReload") is True
    article = Article.objects.get(title="Allerta meteo")
    assert article.extraction_state == ExtractionState.DONE, worker.log()[-3000:]
    count = article.claims.count()
    expect(page.locator("#claims-heading")).to_contain_text(f"{count} claim")
    expect(page.locator(".article-text mark.claim")).to_have_count(
        page.locator(".claim-list li.claim-item").count()
    )
    expect(page.locator(".article-text")).to_contain_text("Laura Neri")
    screenshot(page, "article-page-after-extraction")


def test_review_with_keyboard_shortcuts_publish_as_second_editor_and_see_history(
    new_page, screenshot
):
    ratings = ensure_rating_scale() or None
    make_user("fc_anna", "fact-checker")
    make_user("ed_carla", "editor")
    article, claims = _article_with_claims()
    first, second, third = claims

    page = new_page()
    log_in(page, "fc_anna", PASSWORD)
    page.goto(f"/queue/?article={article.pk}")
    expect(page.locator("#queue-counts")).to_contain_text("3 claims in this queue")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(first.pk))

    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#shortcuts")).to_be_hidden()

    page.keyboard.press("j")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(second.pk))
    page.keyboard.press("k")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(first.pk))

    page.keyboard.press("a")
    expect(page.locator("#current-assignee")).to_have_text("fc_anna")

    page.keyboard.press("5")  # "False"
    expect(page.locator("#verdict-5")).to_be_checked()
    page.keyboard.press("s")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(second.pk))
    first.refresh_from_db()
    assert first.verdict.slug == "false" and first.status == ClaimStatus.IN_REVIEW
    expect(page.locator("#queue-counts")).to_contain_text("2 without a verdict")

    page.keyboard.press("2")
    page.keyboard.press("s")
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(third.pk))
    page.keyboard.press("u")  # takes back the decision on the second claim
    expect(page.locator("#current-claim")).to_have_attribute("data-claim", str(second.pk))
    second.refresh_from_db()
    assert second.verdict is None and second.status == ClaimStatus.UNVERIFIED
    screenshot(page, "review-queue")

    page.keyboard.press("e")
    page.wait_for_url(re.compile(rf"/claims/{second.pk}/\?edit=attribution"))
    expect(page.locator("#id_source_text")).to_be_focused()
    page.goto(f"/queue/?article={article.pk}&claim={first.pk}")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/claims/{first.pk}/"))
    expect(page.get_by_role("button", name="Approve and publish")).to_be_disabled()
    expect(page.locator("#why-published")).to_contain_text("Only an editor")

    editor = new_page()
    log_in(editor, "ed_carla", PASSWORD)
    editor.goto(f"/claims/{first.pk}/")
    editor.get_by_role("button", name="Approve and publish").click()
    expect(editor.locator("#claim-state")).to_have_text("Published")
    history = editor.locator("#history tbody")
    expect(history).to_contain_text("ed_carla")
    expect(history).to_contain_text("In review")
    expect(history).to_contain_text("Published")
    expect(history).to_contain_text("fc_anna")
    expect(history).to_contain_text("False")
    first.refresh_from_db()
    assert first.published_by.username == "ed_carla"
    assert ratings is None


def test_two_people_saving_the_same_claim_the_second_sees_a_conflict(new_page):
    ensure_rating_scale()
    make_user("fc_anna", "fact-checker")
    make_user("ed_bruno", "editor")
    _, claims = _article_with_claims(1)
    claim = claims[0]

    anna, bruno = new_page(), new_page()
    log_in(anna, "fc_anna", PASSWORD)
    log_in(bruno, "ed_bruno", PASSWORD)
    anna.goto(f"/claims/{claim.pk}/")
    bruno.goto(f"/claims/{claim.pk}/")

    anna.locator("#id_source_text").fill("Mario Rossi, sindaco")
    anna.get_by_role("button", name="Save attribution").click()
    expect(anna.locator(".messages")).to_contain_text("Attribution corrected.")

    bruno.locator("#id_source_text").fill("Il primo cittadino")
    bruno.get_by_role("button", name="Save attribution").click()
    conflict = bruno.locator("#conflict")
    expect(conflict).to_contain_text("Someone else changed the same field")
    expect(conflict.locator(".current-value").first).to_have_text("Mario Rossi, sindaco")
    expect(conflict.locator(".your-value").first).to_have_text("Il primo cittadino")
    # What bruno typed is kept in the form, to save again or replace.
    expect(bruno.locator("#id_source_text")).to_have_value("Il primo cittadino")
    claim.refresh_from_db()
    assert claim.source_text == "Mario Rossi, sindaco"
    assert claim.corrected_by.username == "fc_anna"


def test_a_fact_checker_is_refused_an_editors_action(new_page):
    ratings = list(__import__("claims.models", fromlist=["Rating"]).Rating.objects.all())
    if not ratings:
        ensure_rating_scale()
    fc = make_user("fc_anna", "fact-checker")
    make_user("ed_bruno", "editor")
    _, claims = _article_with_claims(1)
    claim = claims[0]
    from claims.models import Rating

    claim = services.claim_set_verdict(
        claim=claim, user=fc, expected_version=None, verdict=Rating.objects.first()
    )
    claim = services.claim_set_status(
        claim=claim, user=fc, expected_version=None, status="in_progress"
    )
    claim = services.claim_set_status(
        claim=claim, user=fc, expected_version=None, status="in_review"
    )

    page = new_page()
    log_in(page, "fc_anna", PASSWORD)
    page.goto("/queue/")
    expect(page.locator("#bulk-form")).to_have_count(0)
    page.goto(f"/claims/{claim.pk}/")
    expect(page.get_by_role("button", name="Approve and publish")).to_be_disabled()
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.request.post(
        f"/claims/{claim.pk}/status/",
        form={"csrfmiddlewaretoken": token, "version": str(claim.version), "status": "published"},
        headers={"Referer": page.url},
    )
    # Back on the claim page (not a bare error page), with the reason.
    assert response.status == 200 and response.url.endswith(f"/claims/{claim.pk}/")
    assert "Only an editor can publish a verdict." in response.text()
    response = page.request.post(
        "/queue/bulk/",
        form={"csrfmiddlewaretoken": token, "claims": str(claim.pk), "status": "dismissed"},
        headers={"Referer": page.url},
    )
    # Refused back to the queue, with the reason (never an error page).
    assert response.url.split("?")[0].endswith("/queue/")
    assert "Only an editor can change claims in bulk." in response.text()
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW


def test_the_interface_switches_to_italian_and_remembers_it(new_page):
    make_user("fc_anna", "fact-checker")
    page = new_page()
    log_in(page, "fc_anna", PASSWORD)
    page.get_by_label("Language", exact=True).first.select_option("it")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "it")
    page.goto("/queue/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.locator("h1")).to_have_text("Coda di revisione")


UNLABELLED_CONTROLS = """
() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(el => el.type !== 'hidden')
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))
"""


def test_every_control_has_a_label_and_the_pages_work_by_keyboard(new_page):
    ensure_rating_scale()
    make_user("ed_bruno", "editor")
    article, claims = _article_with_claims(2)
    page = new_page()
    log_in(page, "ed_bruno", PASSWORD)
    for url in (
        "/",
        "/articles/",
        "/articles/new/",
        f"/articles/{article.pk}/",
        f"/claims/{claims[0].pk}/",
        "/queue/",
    ):
        page.goto(url)
        assert page.evaluate(UNLABELLED_CONTROLS) == [], url
    # The skip link is the first stop of the keyboard, and focus is visible.
    page.goto("/queue/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
