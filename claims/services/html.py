"""The main text of an uploaded HTML page, without menus, scripts and footers."""

from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError

from claims.services.articles import decode_article_bytes


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str


def html_to_text(html: str | bytes) -> HtmlText:
    """The article body (paragraphs separated by newlines) and the page's title.

    trafilatura finds the main content; a page too small or odd for it falls
    back to all visible text, so an upload never silently becomes empty.
    Undecodable or binary bytes raise SubmissionRefused, like any other upload.
    """
    if isinstance(html, bytes):
        html = decode_article_bytes(html)
    if not html.strip():
        return HtmlText(text="", title="")
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    title = ""
    metadata = trafilatura.extract_metadata(html)
    if metadata is not None and metadata.title:
        title = metadata.title.strip()
    if not text or not text.strip():
        text = _visible_text(html)
    return HtmlText(text=text.strip(), title=title[:500])


def _visible_text(html: str) -> str:
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for element in root.xpath("//script|//style|//noscript|//template|//head"):
        element.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
