"""The search box in the top bar, in a real browser, at desk and phone widths."""

import pytest
from playwright.sync_api import expect

from claims.models import Source, SourceKind
from tests.browser.conftest import log_in
from tests.factories import ArticleFactory, ClaimFactory
from tests.screens.roles import PASSWORD, make_user

pytestmark = pytest.mark.browser

# What of the search (the box, when shown, and the results) reaches past the window.
WIDER_THAN_THE_WINDOW = """() =>
    [...document.querySelectorAll('#main *, .search-box, .search-box *')]
    .filter(e => e.checkVisibility())
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map(e => e.tagName + '#' + e.id)"""


@pytest.mark.parametrize("width", [1366, 390])
def test_the_top_bar_searches_claims_articles_and_sources(new_page, screenshot, width):
    make_user("fc_anna", "fact-checker")
    article = ArticleFactory(
        title="Kyiv chiede nuovi aiuti",
        text="Zelensky ha detto che le sanzioni funzionano e che servono altri aiuti.",
    )
    ClaimFactory(article=article, content="le sanzioni funzionano", source_text="Zelensky")
    Source.objects.create(
        name="Volodymyr Zelensky", normalized_name="volodymyr zelensky", kind=SourceKind.PERSON
    )
    page = new_page()
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 900})
    log_in(page, "fc_anna", PASSWORD)

    if width == 390:  # on a phone the box is in the menu, which opens first
        page.locator("#menu > summary").click()
    box = page.get_by_role("searchbox", name="Search")
    assert page.evaluate(WIDER_THAN_THE_WINDOW) == []
    box.fill("sanzione")
    box.press("Enter")
    page.wait_for_url("**/search/?q=sanzione")
    expect(page.locator("section[aria-labelledby=found-claims]")).to_contain_text(
        "le sanzioni funzionano"
    )
    expect(page.locator("section[aria-labelledby=found-articles]")).to_contain_text(
        "Kyiv chiede nuovi aiuti"
    )

    page.locator("#search-q").fill("Zelenskij")
    page.locator("#search-q").press("Enter")
    expect(page.locator("section[aria-labelledby=found-sources]")).to_contain_text(
        "Volodymyr Zelensky"
    )
    expect(page.locator("section[aria-labelledby=found-sources]")).to_contain_text("spelt alike")
    # Nothing of the search (box and results) is wider than the window. The
    # top bar's own links are the phone layout's business (base.html).
    assert page.evaluate(WIDER_THAN_THE_WINDOW) == []
    screenshot(page, f"search-{width}")
