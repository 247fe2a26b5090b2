"""Hostile imports and feeds: every bad row or item is skipped with its reason
recorded where its page shows it, and the rest is imported; a broker that was
down at upload does not leave an import pending forever."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from claims.ingest import feeds, imports, services
from claims.ingest.feeds import feed_poll, feed_register
from claims.ingest.imports import import_job_create, import_job_run
from claims.ingest.localsite import news_text
from claims.ingest.tasks import poll_feed, requeue_stuck_imports
from claims.models import Article, Feed, FeedItem, ImportJob, ImportState

pytestmark = pytest.mark.django_db
pytest.importorskip("feedparser")

LONG_URL = "https://gazzetta.example/" + "a" * 2010  # 2,035 characters


@pytest.fixture
def no_queue(monkeypatch):
    monkeypatch.setattr(services, "enqueue_fetch", lambda pk: True)


def run(job) -> ImportJob:
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_a_row_with_a_url_the_column_cannot_hold_is_skipped_and_the_rest_imported(no_queue):
    rows = [
        {"text": news_text(1), "language": "it"},
        {"url": LONG_URL, "language": "it"},
        {"text": news_text(2), "url": LONG_URL, "language": "it"},
        {"text": news_text(3), "language": "it"},
    ]
    data = "\n".join(json.dumps(row) for row in rows).encode()
    job = run(import_job_create(filename="lotto.jsonl", data=data))
    assert job.state == ImportState.DONE
    assert (job.created_count, job.error_count) == (2, 2)
    errors = dict(job.row_errors.values_list("row", "message"))
    assert set(errors) == {2, 3}
    assert all("longer than 2000" in message for message in errors.values())


def test_a_jsonl_line_nested_200k_deep_is_one_row_error(no_queue):
    deep = "[" * 200_000 + "]" * 200_000
    data = "\n".join(
        [json.dumps({"text": news_text(4)}), deep, json.dumps({"text": news_text(5)})]
    ).encode()
    job = run(import_job_create(filename="annidato.jsonl", data=data))
    assert job.state == ImportState.DONE
    assert (job.created_count, job.error_count) == (2, 1)
    assert "nested too deeply" in job.row_errors.get().message


def test_a_csv_cell_over_131072_characters_is_read_like_any_article(client, settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 1_000_000
    long_text = (news_text(6) + " ") * (140_000 // len(news_text(6)) + 1)
    assert len(long_text) > 131_072
    data = (
        "text,title,language\n"
        f'"{news_text(7)}",Uno,it\n'
        f'"{long_text}",Lungo,it\n'
        f'"{news_text(8)}",Tre,it\n'
    )
    job = import_job_create(filename="lungo.csv", data=data.encode())
    assert job.total_rows == 3
    job = run(job)
    assert job.state == ImportState.DONE
    assert job.created_count == 3, list(job.row_errors.values_list("message", flat=True))
    assert len(Article.objects.get(title="Lungo").text) > 131_072


def test_a_csv_cell_longer_than_an_article_may_be_is_refused_for_that_row(settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 150_000
    too_long = "parola " * 30_000  # 210,000 characters
    data = f'text,language\n"{news_text(9)}",it\n"{too_long}",it\n"{news_text(10)}",it\n'
    job = run(import_job_create(filename="troppo.csv", data=data.encode()))
    assert (job.created_count, job.error_count) == (2, 1)
    assert "limit" in job.row_errors.get().message


def test_uploading_a_csv_with_a_huge_first_cell_is_not_a_500(client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from tests.api.factories import role_user

    client.force_login(role_user("editor", "bruno"))
    big = "x" * 200_000
    upload = SimpleUploadedFile("grande.csv", f'text,title\n"{big}",Uno\n'.encode())
    response = client.post(reverse("ingest:import_list"), {"file": upload})
    assert response.status_code in (302, 400)


def test_a_feed_item_whose_title_holds_a_nul_is_stored_cleaned_and_later_items_too(
    site, allow_loopback, no_queue
):
    feed = feed_register(url=site.url("/nul-feed.xml"), language="it").feed
    result = feed_poll(feed_id=feed.pk)
    assert result.new_items == 3
    titles = set(FeedItem.objects.values_list("title", flat=True))
    assert titles == {"Notizia 0", "AB", "Notizia 2"}
    feed.refresh_from_db()
    assert feed.last_success_at and not feed.last_error


def test_an_item_the_database_refuses_is_recorded_on_the_feed_and_the_rest_imported(
    site, allow_loopback, no_queue, monkeypatch
):
    real = feeds._submit_item

    def refuse_the_second(feed, entry):
        if entry["title"] == "Notizia 1":
            # What PostgreSQL said to the NUL of `&#0;` before titles were cleaned.
            from django.db import DataError

            raise DataError("A string literal cannot contain NUL (0x00) characters.")
        return real(feed, entry)

    monkeypatch.setattr(feeds, "_submit_item", refuse_the_second)
    feed = feed_register(url=site.url("/feed.xml"), language="it").feed
    result = feed_poll(feed_id=feed.pk)
    assert result.new_items == 4
    feed.refresh_from_db()
    assert "Notizia 1" in feed.last_error and "NUL" in feed.last_error
    assert feed.last_success_at


def test_an_empty_feed_answer_is_recorded_as_the_feeds_error(site, allow_loopback):
    feed = feed_register(url=site.url("/empty-feed.xml")).feed
    poll_feed(feed.pk)
    feed.refresh_from_db()
    assert "empty" in feed.last_error
    assert feed.last_polled_at and feed.last_success_at is None


def test_a_crashing_poll_is_recorded_on_the_feed(monkeypatch):
    feed = Feed.objects.create(url="https://a.example/f", canonical_url="https://a.example/f")

    def crash(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(feeds, "fetch", crash)
    assert poll_feed(feed.pk) == 0
    feed.refresh_from_db()
    assert "parser exploded" in feed.last_error and feed.last_polled_at


def test_an_import_left_pending_while_the_broker_was_down_is_sent_again(monkeypatch, settings):
    sent = []
    job = import_job_create(filename="tardi.jsonl", data=json.dumps({"text": news_text(11)}))
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    fresh = import_job_create(filename="ora.jsonl", data=json.dumps({"text": news_text(12)}))
    finished = import_job_create(filename="fatto.jsonl", data=json.dumps({"text": news_text(13)}))
    import_job_run(job_id=finished.pk)
    ImportJob.objects.filter(pk=finished.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )

    from claims.ingest import tasks

    monkeypatch.setattr(tasks.run_import, "delay", lambda job_id: sent.append(job_id))
    assert requeue_stuck_imports() == 1
    assert sent == [job.pk]
    assert fresh.pk not in sent
    assert "requeue-stuck-imports" in settings.CELERY_BEAT_SCHEDULE


def test_the_sweeper_leaves_imports_pending_while_the_broker_is_still_down(monkeypatch):
    from kombu.exceptions import OperationalError

    from claims.ingest import tasks

    job = import_job_create(filename="tardi.jsonl", data=json.dumps({"text": news_text(14)}))
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))

    def broker_down(job_id):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.run_import, "delay", broker_down)
    assert requeue_stuck_imports() == 0
    job.refresh_from_db()
    assert job.state == ImportState.PENDING
    assert "could not be reached" in job.error
    assert imports.import_jobs_requeue_stuck  # the service the beat task calls
