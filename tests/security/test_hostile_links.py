"""Links an attacker chooses: evidence addresses, `next`, feed items, long URLs.
Refused with a 400 and a message beside the field, never a 500; only local
paths for `next`; only http(s) addresses ever rendered as links."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Article, Evidence, Feed, FeedItem
from tests.api.factories import role_user
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

LONG_URL = "https://example.org/" + "a" * 2020  # 2,040 characters: Django's validator allows 2,048


@pytest.fixture
def browser():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(role_user("fact-checker", "anna"))
    client.cookies["django_language"] = "en"
    return client


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        'https://example.org/"onmouseover="alert(1)',
        "https://exa mple.org/",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        LONG_URL,
    ],
)
def test_a_bad_evidence_link_is_a_400_with_the_message_beside_the_field(browser, url):
    claim = ClaimFactory()
    response = browser.post(
        reverse("claims:claim_evidence", args=[claim.pk]), {"url": url, "description": "x"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert any(
        words in html
        for words in ("not a valid http or https address", "longer than 2000", "at most 2000")
    )
    assert 'id="id_url"' in html and "aria-invalid" in html or "errorlist" in html
    assert not Evidence.objects.exists()


def test_the_api_refuses_a_2040_character_url_with_400(browser):
    response = browser.post(
        "/api/articles/",
        {"text": "Il sindaco ha detto che piove.", "url": LONG_URL},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "longer than 2000" in response.json()["detail"]
    link_only = browser.post("/api/articles/", {"url": LONG_URL}, content_type="application/json")
    assert link_only.status_code == 400
    assert not Article.objects.exists()


def test_a_link_whose_canonical_form_outgrows_the_column_is_refused(browser):
    url = "https://example.org/?q=" + "é" * 1900
    response = browser.post("/api/articles/", {"url": url}, content_type="application/json")
    assert response.status_code == 400
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
    ],
)
def test_next_is_never_a_link_or_a_redirect_elsewhere(browser, target):
    claim = ClaimFactory()
    page = browser.get(reverse("claims:claim_detail", args=[claim.pk]), {"next": target})
    html = page.content.decode()
    assert "Back to the queue" not in html
    assert all("evil" not in href and "script" not in href for href in hrefs(html))
    response = browser.post(
        reverse("claims:claim_comment", args=[claim.pk]), {"body": "ok", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:claim_detail", args=[claim.pk])


def test_a_local_next_is_kept(browser):
    claim = ClaimFactory()
    page = browser.get(
        reverse("claims:claim_detail", args=[claim.pk]), {"next": "/queue/?status=open"}
    )
    assert 'href="/queue/?status=open"' in page.content.decode()


def test_only_http_links_of_a_feed_and_of_evidence_are_rendered_as_links(browser):
    feed = Feed.objects.create(
        url="https://example.org/feed", canonical_url="https://example.org/feed"
    )
    for n, url in enumerate(
        ["javascript:alert(1)", "data:text/html,<b>x</b>", "https://example.org/fine"]
    ):
        FeedItem.objects.create(feed=feed, guid=str(n), url=url, title=f"item {n}")
    editor = Client()
    editor.force_login(role_user("editor", "bruno"))
    html = editor.get(reverse("ingest:feed_detail", args=[feed.pk])).content.decode()
    assert "item 0" in html and "item 1" in html
    links = hrefs(html)
    assert "https://example.org/fine" in links
    assert not [h for h in links if h.lower().startswith(("javascript", "data"))]

    claim = ClaimFactory(article=ArticleFactory(url=""))
    Evidence.objects.create(claim=claim, url="javascript:alert(2)", added_by=browser_user())
    html = browser.get(reverse("claims:claim_detail", args=[claim.pk])).content.decode()
    assert "javascript:alert(2)" in html  # shown as text
    assert not [h for h in hrefs(html) if h.lower().startswith("javascript")]


def browser_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="anna")
