"""Feeds: registered once, polled, new items submitted by link, nothing twice."""

import pytest
from django.core.management import call_command

from claims.exceptions import SubmissionRefused
from claims.ingest import services, tasks
from claims.ingest.feeds import feed_poll, feed_register, parse_feed
from claims.ingest.localsite import rss_feed
from claims.models import Article, ExtractionState, Feed, FeedItem
from tests.conftest import wait_for

pytestmark = pytest.mark.django_db
# Pinned in pyproject.toml with this feature; skip rather than fail on an older venv.
pytest.importorskip("feedparser")


@pytest.fixture
def no_queue(monkeypatch):
    sent = []
    monkeypatch.setattr(services, "enqueue_fetch", lambda pk: sent.append(pk))
    return sent


def test_a_feed_is_registered_once(user):
    first = feed_register(url="https://gazzetta.example/rss.xml?utm_source=x", created_by=user)
    again = feed_register(url="https://GAZZETTA.example/rss.xml")
    assert first.created and not again.created
    assert again.feed.pk == first.feed.pk


@pytest.mark.parametrize("url", ["http://169.254.169.254/feed", "ftp://a.example/f", ""])
def test_a_feed_on_a_refused_address_is_not_registered(url):
    with pytest.raises(SubmissionRefused):
        feed_register(url=url)
    assert not Feed.objects.exists()


def test_polling_submits_new_items_and_a_second_poll_adds_nothing(
    site, allow_loopback, no_queue, django_capture_on_commit_callbacks
):
    site.feed_items = 5
    feed = feed_register(url=site.url("/feed.xml"), language="it").feed
    with django_capture_on_commit_callbacks(execute=True):
        result = feed_poll(feed_id=feed.pk)
    assert result.new_items == 5 and not result.error
    feed.refresh_from_db()
    assert feed.title == "Gazzetta locale"
    assert feed.last_polled_at and feed.last_success_at and feed.last_new_items == 5
    items = list(feed.items.order_by("pk"))
    assert [item.title for item in items] == [f"Notizia {n}" for n in range(5)]
    assert all(item.article.extraction_state == ExtractionState.FETCHING for item in items)
    assert {item.article.language for item in items} == {"it"}
    assert items[0].published_at.isoformat() == "2026-03-01T08:00:00+00:00"
    assert sorted(no_queue) == sorted(item.article_id for item in items)

    assert feed_poll(feed_id=feed.pk).new_items == 0
    site.feed_start, site.feed_items = 3, 4  # items 3..6: two are new
    assert feed_poll(feed_id=feed.pk).new_items == 2
    assert FeedItem.objects.count() == 7
    assert Article.objects.count() == 7


def test_an_atom_feed_is_read_too(site, allow_loopback, no_queue):
    feed = feed_register(url=site.url("/atom.xml")).feed
    assert feed_poll(feed_id=feed.pk).new_items == 5
    assert feed.items.filter(guid="urn:gazzetta:3", url=site.url("/news/3.html")).exists()


def test_a_page_that_is_no_feed_shows_the_error(site, allow_loopback, no_queue):
    feed = feed_register(url=site.url("/broken-feed.xml")).feed
    result = feed_poll(feed_id=feed.pk)
    feed.refresh_from_db()
    assert "Not an RSS or Atom feed" in result.error
    assert feed.last_error == result.error
    assert feed.last_polled_at and feed.last_success_at is None
    assert not feed.items.exists()


def test_a_feed_on_loopback_is_refused_when_polled(site, settings, no_queue):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    feed = feed_register(url=site.url("/feed.xml")).feed
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    result = feed_poll(feed_id=feed.pk)
    assert "Refused address" in result.error
    assert site.requests == []


def test_an_item_link_to_an_internal_address_is_kept_with_its_error():
    feed = Feed.objects.create(url="https://a.example/rss", canonical_url="https://a.example/rss")
    title, entries = parse_feed(rss_feed("http://10.0.0.5", 1), "https://a.example/rss")
    from claims.ingest.feeds import _submit_item

    assert _submit_item(feed, entries[0])
    item = FeedItem.objects.get()
    assert item.article is None and "Refused address" in item.error


def test_the_beat_task_queues_every_active_feed(monkeypatch):
    active = feed_register(url="https://a.example/rss").feed
    paused = feed_register(url="https://b.example/rss").feed
    Feed.objects.filter(pk=paused.pk).update(active=False)
    queued = []
    monkeypatch.setattr(tasks.poll_feed, "delay", lambda feed_id: queued.append(feed_id))
    assert tasks.poll_feeds() == 1
    assert queued == [active.pk]


def test_the_beat_schedule_polls_feeds(settings):
    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "claims.ingest.tasks.poll_feeds" in tasks_scheduled


def test_poll_feeds_command_registers_and_polls(site, allow_loopback, no_queue, capsys):
    call_command("poll_feeds", "--add", site.url("/feed.xml"), "--lang", "it")
    out = capsys.readouterr().out
    assert "Registered feed" in out and "5 new items" in out
    call_command("poll_feeds")
    assert "0 new items" in capsys.readouterr().out


@pytest.mark.worker
def test_a_real_worker_polls_a_feed_and_fetches_its_items(site, allow_loopback, loopback_worker):
    site.feed_items = 3
    feed = feed_register(url=site.url("/feed.xml"), language="it").feed
    tasks.poll_feed.delay(feed.pk)

    def fetched():
        states = list(Article.objects.values_list("extraction_state", flat=True))
        return len(states) == 3 and ExtractionState.FETCHING not in states

    if not wait_for(fetched, timeout=60):
        pytest.fail(f"the worker did not finish in time; its log:\n{loopback_worker.log()[-4000:]}")
    texts = list(Article.objects.values_list("text", flat=True))
    assert all("milioni di euro" in text for text in texts)
