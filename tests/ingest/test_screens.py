"""The ingest screens: submit a link, feeds, imports with progress, repeated claims."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from claims.ingest import imports, services, views
from claims.ingest.localsite import news_text
from claims.models import Article, ExtractionState, Feed, ImportJob, ImportState, Rating
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def queue(monkeypatch):
    sent = []
    monkeypatch.setattr(services, "enqueue_fetch", lambda pk: sent.append(("fetch", pk)))
    monkeypatch.setattr(imports, "import_job_enqueue", lambda pk: sent.append(("import", pk)))
    monkeypatch.setattr(views, "_enqueue_poll", lambda pk: sent.append(("poll", pk)) or True)
    return sent


@pytest.mark.parametrize(
    "name", ["ingest:index", "ingest:feed_list", "ingest:import_list", "ingest:url_submit"]
)
def test_the_ingest_pages_need_a_login(name, client):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_overview_lists_feeds_and_imports(editor):
    Feed.objects.create(
        url="https://a.example/rss",
        canonical_url="https://a.example/rss",
        title="Gazzetta RSS",
        last_error="Timeout: too slow.",
    )
    response = client_for(editor).get(reverse("ingest:index"))
    assert response.status_code == 200
    assert b"Gazzetta RSS" in response.content and b"Timeout: too slow." in response.content


def test_a_link_submitted_on_screen_goes_to_the_article_page(
    editor, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            reverse("ingest:url_submit"), {"url": "https://news.example/a", "language": "it"}
        )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:article_detail", args=[article.pk])
    assert queue == [("fetch", article.pk)]


def test_a_refused_link_is_explained_beside_the_form(editor, queue):
    response = client_for(editor).post(
        reverse("ingest:url_submit"), {"url": "http://169.254.169.254/latest/"}
    )
    assert response.status_code == 400
    assert b"metadata" in response.content
    assert not Article.objects.exists()


def test_a_reader_cannot_submit(reader, queue):
    response = client_for(reader).post(reverse("ingest:url_submit"), {"url": "https://a.example/"})
    assert response.status_code == 403


def test_the_fetch_state_shows_the_reason_and_reloads_once_fetched(editor):
    article = ArticleFactory(
        text="",
        content_hash=None,
        url="https://a.example/x",
        extraction_state=ExtractionState.FAILED,
        fetch_error_code="timeout",
        extraction_error="Timeout: a.example did not answer in time.",
    )
    client = client_for(editor)
    response = client.get(reverse("ingest:fetch_state", args=[article.pk]))
    assert b"did not answer in time" in response.content
    assert b"Fetch again" in response.content
    response = client.get(reverse("ingest:fetch_state", args=[article.pk]) + "?was=fetching")
    assert response["HX-Refresh"] == "true"


def test_a_feed_is_registered_and_read_at_once(editor, queue):
    response = client_for(editor).post(
        reverse("ingest:feed_list"), {"url": "https://gazzetta.example/rss.xml", "language": "it"}
    )
    feed = Feed.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("ingest:feed_detail", args=[feed.pk])
    assert feed.language == "it"
    assert queue == [("poll", feed.pk)]
    page = client_for(editor).get(response["Location"])
    assert b"not yet" in page.content and b"Read it now" in page.content


def test_the_feed_page_lists_its_items_with_their_articles(editor):
    feed = Feed.objects.create(url="https://a.example/rss", canonical_url="https://a.example/rss")
    article = ArticleFactory(title="Notizia fetched")
    feed.items.create(guid="1", url="https://a.example/1", title="Primo", article=article)
    feed.items.create(guid="2", url="http://10.0.0.1/", title="Secondo", error="Refused address")
    response = client_for(editor).get(reverse("ingest:feed_detail", args=[feed.pk]))
    assert b"Primo" in response.content and b"Refused address" in response.content
    client_for(editor).post(reverse("ingest:feed_toggle", args=[feed.pk]))
    feed.refresh_from_db()
    assert not feed.active


def test_an_uploaded_file_is_imported_by_a_worker_and_shows_progress(
    editor, queue, django_capture_on_commit_callbacks
):
    data = "\n".join(json.dumps({"text": news_text(n), "language": "it"}) for n in range(3))
    upload = SimpleUploadedFile("lotto.jsonl", data.encode(), content_type="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(reverse("ingest:import_list"), {"file": upload})
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("ingest:import_detail", args=[job.pk])
    assert queue == [("import", job.pk)]
    page = client_for(editor).get(response["Location"])
    assert b"0 of 3 rows" in page.content and b'hx-trigger="every 1s"' in page.content
    imports.import_job_run(job_id=job.pk)
    page = client_for(editor).get(response["Location"], HTTP_HX_REQUEST="true")
    assert b"3 of 3 rows" in page.content and b"hx-trigger" not in page.content
    assert ImportJob.objects.get().state == ImportState.DONE


def test_an_unreadable_upload_is_refused_with_the_reason(editor, queue):
    upload = SimpleUploadedFile("x.csv", b"titolo\nuno\n")
    response = client_for(editor).post(reverse("ingest:import_list"), {"file": upload})
    assert response.status_code == 400 and b"header" in response.content
    assert not ImportJob.objects.exists()


def test_an_editor_applies_a_verdict_from_the_also_appears_in_list(editor):
    false = Rating.objects.get(slug="false")
    source = ClaimFactory(
        content="la diga resterà chiusa per sei mesi da aprile",
        verdict=false,
        article=ArticleFactory(title="La diga chiude"),
    )
    repeat = ClaimFactory(content="La diga resterà chiusa per sei mesi, da aprile.")
    client = client_for(editor)
    page = client.get(reverse("ingest:claim_repeats", args=[repeat.pk]), HTTP_HX_REQUEST="true")
    assert b"La diga chiude" in page.content and b"Apply this verdict" in page.content
    response = client.post(
        reverse("ingest:claim_apply_verdict", args=[repeat.pk]),
        {
            "source_claim": source.pk,
            "version": repeat.version,
            "next": "//evil.example/",
            "reason": "Stessa notizia",
        },
    )
    assert response["Location"] == reverse("ingest:claim_repeats", args=[repeat.pk])
    repeat.refresh_from_db()
    assert repeat.verdict == false
