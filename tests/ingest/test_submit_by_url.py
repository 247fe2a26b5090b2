"""Submitting an article by its link: stored at once, fetched by a task, never in the request."""

import pytest

from claims.exceptions import SubmissionRefused
from claims.ingest import services
from claims.ingest.services import article_submit_url, canonical_url
from claims.ingest.tasks import fetch_article
from claims.models import Article, ExtractionState
from tests.conftest import wait_for


@pytest.fixture
def sent(monkeypatch):
    """What would have gone to the queue: ("fetch"|"extract", article id)."""
    calls = []
    monkeypatch.setattr(services, "enqueue_fetch", lambda pk: calls.append(("fetch", pk)) or True)
    monkeypatch.setattr(services, "enqueue_extraction", lambda pk: calls.append(("extract", pk)))
    return calls


def submit_and_fetch(url, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_submit_url(url=url, **kwargs).article
    with django_capture_on_commit_callbacks(execute=True):
        fetch_article(article.pk)
    article.refresh_from_db()
    return article


@pytest.mark.django_db
def test_a_link_is_stored_as_fetching_and_queued_without_fetching_it(
    site, sent, user, django_capture_on_commit_callbacks, settings
):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    with django_capture_on_commit_callbacks(execute=True):
        result = article_submit_url(url=site.url("/article.html"), submitted_by=user)
    article = result.article
    assert result.created
    assert article.extraction_state == ExtractionState.FETCHING
    assert article.text == "" and article.content_hash is None
    assert article.submitted_by == user
    assert sent == [("fetch", article.pk)]
    assert site.requests == []  # nothing fetched in the request


@pytest.mark.django_db
def test_the_same_link_again_is_the_same_article(sent):
    first = article_submit_url(url="https://News.Example/politica/voto?id=7&utm_source=tw#top")
    again = article_submit_url(url="https://news.example:443/politica/voto?id=7&fbclid=abc")
    assert first.created and not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_canonical_urls_drop_what_does_not_identify_the_page():
    assert canonical_url("HTTP://Example.ORG:80?utm_medium=x#frag") == "http://example.org/"
    assert canonical_url("https://a.example/x?b=2&a=1") == "https://a.example/x?b=2&a=1"
    assert canonical_url("http://a.example:8080/x") == "http://a.example:8080/x"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/", "http://[::1]:8000/"],
)
def test_a_literal_internal_address_is_refused_at_once(url, sent):
    with pytest.raises(SubmissionRefused) as caught:
        article_submit_url(url=url)
    assert caught.value.code == "refused_address"
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["ftp://example.org/a", "javascript:alert(1)", "", "not a url"])
def test_only_http_and_https_links_are_accepted(url, sent):
    with pytest.raises(SubmissionRefused):
        article_submit_url(url=url)


@pytest.mark.django_db
def test_the_fetch_task_fills_the_article_and_queues_extraction(
    site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    article = submit_and_fetch(site.url("/article.html"), django_capture_on_commit_callbacks)
    assert article.extraction_state == ExtractionState.QUEUED
    assert article.text.startswith("Il presidente del consorzio di bonifica")
    assert article.title == "La diga di Valle Orsa sarà chiusa per lavori"
    assert article.author == "Giulia Marchetti"
    assert article.outlet == "Corriere di Valle Orsa"
    assert article.published_at.date().isoformat() == "2026-02-14"
    assert article.language == "it"
    assert "<nav>" in article.raw_html
    assert article.content_hash and article.fetched_at
    assert sent[-1] == ("extract", article.pk)


@pytest.mark.django_db
def test_a_language_given_at_submission_wins_over_the_page(
    site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    article = submit_and_fetch(
        site.url("/article.html"), django_capture_on_commit_callbacks, language="en"
    )
    assert article.language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "code", "words"),
    [
        ("/no-article.html", "no_text", "No article text"),
        ("/slow.html", "timeout", "Timeout"),
        ("/huge.html", "too_large", "Too large"),
        ("/report.pdf", "not_html", "Not HTML"),
        ("/redirect-private", "refused_address", "Refused address"),
        ("/redirect-metadata", "refused_address", "metadata"),
    ],
)
def test_a_failed_fetch_shows_the_reason(
    path, code, words, site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    article = submit_and_fetch(site.url(path), django_capture_on_commit_callbacks)
    assert article.extraction_state == ExtractionState.FAILED
    assert article.fetch_error_code == code
    assert words in article.extraction_error
    assert not [call for call in sent if call[0] == "extract"]


@pytest.mark.django_db
def test_a_link_whose_text_is_already_stored_becomes_a_duplicate_of_it(
    site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    first = submit_and_fetch(site.url("/article.html"), django_capture_on_commit_callbacks)
    second = submit_and_fetch(site.url("/redirect-to-article"), django_capture_on_commit_callbacks)
    assert second.pk != first.pk
    assert second.extraction_state == ExtractionState.DUPLICATE
    assert second.duplicate_of == first
    assert second.content_hash is None
    assert [call for call in sent if call[0] == "extract"] == [("extract", first.pk)]


@pytest.mark.django_db
def test_running_the_fetch_task_twice_changes_nothing(
    site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    article = submit_and_fetch(site.url("/article.html"), django_capture_on_commit_callbacks)
    fetch_article(article.pk)
    fetch_article(987654)  # gone: nothing to do
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.QUEUED
    assert len(site.requests) == 1


@pytest.mark.django_db
def test_a_failed_link_can_be_fetched_again(
    site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    site.slow_seconds = 3
    article = submit_and_fetch(site.url("/slow.html"), django_capture_on_commit_callbacks)
    assert article.extraction_state == ExtractionState.FAILED
    site.slow_seconds = 0
    with django_capture_on_commit_callbacks(execute=True):
        services.article_retry_fetch(article=article)
    fetch_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.QUEUED, article.extraction_error


@pytest.mark.django_db
def test_uploaded_html_goes_through_the_same_extraction(sent, user):
    html = (site_pages() / "article.html").read_bytes()
    result = services.article_submit_html(html=html, submitted_by=user)
    article = result.article
    assert result.created
    assert article.extraction_state == ExtractionState.QUEUED
    assert article.author == "Giulia Marchetti"
    assert article.text.startswith("Il presidente del consorzio di bonifica")
    again = services.article_submit_html(html=html)
    assert not again.created and again.article.pk == article.pk


@pytest.mark.django_db
def test_uploaded_html_without_an_article_is_refused(sent):
    with pytest.raises(SubmissionRefused) as caught:
        services.article_submit_html(html=(site_pages() / "no-article.html").read_text())
    assert caught.value.code == "no_text"


def site_pages():
    from claims.ingest.localsite import PAGES

    return PAGES


@pytest.mark.worker
def test_a_real_worker_fetches_a_submitted_link(site, allow_loopback, loopback_worker):
    article = article_submit_url(url=site.url("/article.html")).article
    missing = article_submit_url(url=site.url("/no-article.html")).article

    def fetched():
        states = set(
            Article.objects.filter(pk__in=[article.pk, missing.pk]).values_list(
                "extraction_state", flat=True
            )
        )
        return ExtractionState.FETCHING not in states

    if not wait_for(fetched, timeout=60):
        pytest.fail(f"the worker did not fetch in time; its log:\n{loopback_worker.log()[-4000:]}")
    article.refresh_from_db()
    missing.refresh_from_db()
    assert article.text.startswith("Il presidente del consorzio di bonifica")
    assert article.extraction_state != ExtractionState.FAILED, article.extraction_error
    assert missing.extraction_state == ExtractionState.FAILED
    assert missing.fetch_error_code == "no_text"


@pytest.mark.django_db
def test_links_left_fetching_are_sent_again_by_the_sweeper(sent):
    import datetime as dt

    from django.utils import timezone

    from claims.ingest.tasks import requeue_stuck_fetches

    stuck = article_submit_url(url="https://a.example/stuck").article
    fresh = article_submit_url(url="https://a.example/fresh").article
    Article.objects.filter(pk=stuck.pk).update(updated_at=timezone.now() - dt.timedelta(hours=1))
    assert requeue_stuck_fetches() == 1
    assert sent == [("fetch", stuck.pk)]
    assert fresh.pk not in [pk for _kind, pk in sent]


@pytest.mark.django_db
def test_a_page_whose_canonical_address_is_stored_is_a_duplicate_of_that_article(
    site, sent, allow_loopback, django_capture_on_commit_callbacks
):
    from tests.factories import ArticleFactory

    # Stored earlier from the outlet's own address (article.html names it as canonical).
    earlier = ArticleFactory(
        canonical_url="https://corriere-valleorsa.example/cronaca/diga-chiusa",
        url="https://corriere-valleorsa.example/cronaca/diga-chiusa",
    )
    article = submit_and_fetch(site.url("/article.html"), django_capture_on_commit_callbacks)
    assert article.extraction_state == ExtractionState.DUPLICATE
    assert article.duplicate_of == earlier
