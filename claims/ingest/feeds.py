"""RSS and Atom feeds: registered once, polled by Celery beat, new items submitted by link.

The feed document is fetched by claims/ingest/fetching.py (same address
rules and limits as an article) and only then handed to feedparser as bytes:
feedparser itself never opens a URL here.
"""

import calendar
import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.exceptions import SubmissionRefused
from claims.ingest import ssrf
from claims.ingest.fetching import FEED_TYPES, FetchError, fetch
from claims.ingest.services import article_submit_url, canonical_url
from claims.models import Feed, FeedItem
from claims.services.articles import (
    MAX_URL_LENGTH,
    normalize_language,
    validate_article_url,
)
from claims.text import clean_name

logger = logging.getLogger(__name__)

# A runaway feed cannot flood the queue in one run; the rest come next time.
MAX_NEW_ITEMS_PER_RUN = 500


@dataclass(frozen=True)
class FeedRegistration:
    feed: Feed
    created: bool


@dataclass(frozen=True)
class PollResult:
    feed: Feed
    new_items: int
    error: str = ""


@transaction.atomic
def feed_register(
    *, url: str, created_by=None, language: str | None = None, title: str = ""
) -> FeedRegistration:
    """Register a feed by its address; the same address again returns it."""
    url = validate_article_url(url)
    if not url:
        raise SubmissionRefused(_("Give the feed's address (http or https)."), code="url")
    try:
        ssrf.check_literal_host(urlsplit(url).hostname or "")
    except ssrf.AddressRefused as exc:
        raise SubmissionRefused(exc.message, code="refused_address") from None
    language = normalize_language(language, "") if language else ""
    canonical = canonical_url(url)
    if len(canonical) > MAX_URL_LENGTH:
        raise SubmissionRefused(
            _("The address is longer than %(limit)d characters.") % {"limit": MAX_URL_LENGTH},
            code="url",
        )
    existing = Feed.objects.filter(canonical_url=canonical).first()
    if existing is not None:
        return FeedRegistration(feed=existing, created=False)
    feed = Feed(
        url=url,
        canonical_url=canonical,
        language=language,
        title=title.strip()[:500],
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            feed.save()
    except IntegrityError:
        return FeedRegistration(feed=Feed.objects.get(canonical_url=canonical), created=False)
    return FeedRegistration(feed=feed, created=True)


@transaction.atomic
def feed_set_active(*, feed: Feed, active: bool) -> Feed:
    Feed.objects.filter(pk=feed.pk).update(active=active)
    feed.active = active
    return feed


def _entry_time(entry) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    except (OverflowError, ValueError):
        return None


def _entry_link(entry, base: str) -> str:
    link = entry.get("link") or ""
    if not link:
        for candidate in entry.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    return urljoin(base, link.strip()) if link else ""


def parse_feed(content: bytes, base_url: str) -> tuple[str, list[dict]]:
    """The feed's title and its entries (guid, url, title, published), in document order."""
    import feedparser  # only the worker and the poll command need it

    if not content.strip():
        raise FetchError("not_feed", _("The feed's address answered with an empty page."))
    try:
        parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    except Exception as exc:  # feedparser's own bugs on hostile input: a bad feed, not a crash
        raise FetchError(
            "not_feed", _("The feed could not be read (%(err)s).") % {"err": type(exc).__name__}
        ) from None
    if not parsed.get("version") and not parsed.get("entries"):
        problem = parsed.get("bozo_exception")
        raise FetchError(
            "not_feed",
            _("Not an RSS or Atom feed%(detail)s.")
            % {"detail": f" ({problem})" if problem else ""},
        )
    entries = []
    for entry in parsed.entries:
        url = _clean(_entry_link(entry, base_url))
        guid = _clean(entry.get("id") or url or "")
        if not guid:
            continue
        entries.append(
            {
                "guid": guid[:1000],
                "url": url,
                "title": _clean(entry.get("title") or "")[:500],
                "published_at": _entry_time(entry),
            }
        )
    return _clean(parsed.get("feed", {}).get("title") or "")[:500], entries


def _clean(value) -> str:
    """A feed's text without NUL and control characters (`&#0;` decodes to NUL,
    which PostgreSQL cannot store), normalized like every other name."""
    return clean_name(value)


def _record(feed_id: int, **fields) -> None:
    Feed.objects.filter(pk=feed_id).update(last_polled_at=timezone.now(), **fields)


def _submit_item(feed: Feed, entry: dict) -> bool:
    """Store one new item and submit its link; False when another run already has it."""
    try:
        with transaction.atomic():
            item = FeedItem.objects.create(
                feed=feed,
                guid=entry["guid"],
                url=entry["url"][:2000],
                title=entry["title"],
                published_at=entry["published_at"],
            )
            if not entry["url"]:
                item.error = _("The item has no link.")
            else:
                try:
                    with transaction.atomic():
                        result = article_submit_url(
                            url=entry["url"],
                            submitted_by=feed.created_by,
                            language=feed.language or None,
                            title=entry["title"],
                        )
                    item.article = result.article
                except SubmissionRefused as exc:
                    item.error = exc.message
            item.save(update_fields=["article", "error"])
    except IntegrityError:
        return False
    return True


def feed_poll(*, feed_id: int) -> PollResult:
    """Fetch a feed, store its new items and submit their links. Safe to run twice."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        raise Feed.DoesNotExist(feed_id)
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9"}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        page = fetch(feed.url, accept=FEED_TYPES, headers=headers)
        if page.status == 304:
            _record(feed.pk, last_success_at=timezone.now(), last_error="", last_new_items=0)
            feed.refresh_from_db()
            return PollResult(feed=feed, new_items=0)
        title, entries = parse_feed(page.content, page.url)
    except FetchError as exc:
        _record(feed.pk, last_error=exc.message)
        feed.refresh_from_db()
        return PollResult(feed=feed, new_items=0, error=exc.message)

    known = set(
        FeedItem.objects.filter(feed=feed, guid__in=[e["guid"] for e in entries]).values_list(
            "guid", flat=True
        )
    )
    fresh = [entry for entry in entries if entry["guid"] not in known]
    # Oldest first, so articles are submitted in the order they were published.
    if _newest_first(fresh):
        fresh.reverse()
    new_items, skipped = 0, []
    for entry in fresh[:MAX_NEW_ITEMS_PER_RUN]:
        try:
            new_items += _submit_item(feed, entry)
        except DatabaseError as exc:  # one item the database refuses costs that item only
            logger.warning("Feed %s: item %r skipped: %s", feed.pk, entry["guid"][:200], exc)
            skipped.append(
                _("Item “%(item)s” skipped: %(err)s")
                % {"item": (entry["title"] or entry["guid"])[:100], "err": str(exc)[:200]}
            )
    lower = {key.lower(): value for key, value in page.headers.items()}
    _record(
        feed.pk,
        last_success_at=timezone.now(),
        last_error="\n".join(skipped)[:5000],
        last_new_items=new_items,
        etag=lower.get("etag", "")[:500],
        last_modified=lower.get("last-modified", "")[:100],
        **({"title": title} if title and not feed.title else {}),
    )
    feed.refresh_from_db()
    return PollResult(feed=feed, new_items=new_items)


def _newest_first(entries: list[dict]) -> bool:
    times = [e["published_at"] for e in entries if e["published_at"]]
    return len(times) >= 2 and times[0] > times[-1]


def feeds_due() -> list[int]:
    return list(Feed.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))
