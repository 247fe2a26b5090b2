"""An article out of a web page: main text and metadata, with trafilatura.

Used for fetched links, feed items and uploaded HTML alike, so the same page
gives the same article whichever way it came in.
"""

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)


class NoArticleText(Exception):
    """trafilatura found no main text worth calling an article."""

    code = "no_text"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str
    author: str
    outlet: str
    published_at: dt.datetime | None
    language: str  # the page's declared language ("" when it declares none)
    html: str
    canonical: str = ""  # the page's own canonical address (link rel=canonical, og:url)


def decode_html(content: bytes, charset: str | None = None) -> str:
    """The page as text: the HTTP charset, else the <meta> one, else UTF-8 (lenient)."""
    candidates = [charset]
    match = _META_CHARSET.search(content[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in candidates:
        if not name:
            continue
        try:
            return content.decode(name).replace("\x00", "")
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    # PostgreSQL refuses NUL in text, and no page needs it.
    return text.replace("\x00", "")


def _published(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, 12, 0))


def min_text_chars() -> int:
    return int(getattr(settings, "FACTCHECK_FETCH_MIN_TEXT_CHARS", 200))


def extract_page(html: str, *, url: str = "") -> ExtractedPage:
    """Main text and metadata of an HTML page; NoArticleText when there is none."""
    document = None
    if html.strip():
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    text = (getattr(document, "text", None) or "").strip()
    title = (getattr(document, "title", None) or "").strip()
    # trafilatura keeps the headline as the first line; the title field has it.
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()
    if len(text) < min_text_chars():
        raise NoArticleText(
            _("No article text found on the page (%(count)d characters of main text).")
            % {"count": len(text)}
        )
    lang = _HTML_LANG.search(html[:4096])
    return ExtractedPage(
        text=text,
        title=title[:500],
        author=(getattr(document, "author", None) or "").strip()[:300],
        outlet=(getattr(document, "sitename", None) or "").strip()[:200],
        published_at=_published(getattr(document, "date", None)),
        language=lang.group(1).lower() if lang else "",
        html=html,
        canonical=_http_url(getattr(document, "url", None)),
    )


def _http_url(value: str | None) -> str:
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) and len(value) <= 2000 else ""
