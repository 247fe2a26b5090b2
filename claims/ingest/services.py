"""Writes for articles that come from the web: by link and as HTML.

An article submitted by link is stored at once in the "fetching" state with
no text; the fetch task (claims/ingest/tasks.py) fills it through
article_apply_page and queues the usual extraction. The same canonical URL,
or the same text, is the same article.
"""

import logging
from functools import partial
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.exceptions import SubmissionRefused, WorkflowError
from claims.ingest import ssrf
from claims.ingest.pages import ExtractedPage, NoArticleText, decode_html, extract_page
from claims.models import Article, ExtractionState
from claims.services.articles import (
    MAX_URL_LENGTH,
    SubmissionResult,
    _clean_metadata,
    article_content_hash,
    decode_article_bytes,
    enqueue_extraction,
    normalize_article_text,
    normalize_language,
    validate_article_text,
    validate_article_url,
)

logger = logging.getLogger(__name__)

# Query parameters that only say where a click came from.
_TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid"}


def canonical_url(url: str) -> str:
    """The form of a link that identifies an article: lower-case scheme and host,
    no default port, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = (
        host
        if port is None or (scheme, port) in (("http", 80), ("https", 443))
        else (f"{host}:{port}")
    )
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def enqueue_fetch(article_id: int) -> bool:
    """Send the fetch task; False when the broker cannot be reached (the article
    stays "fetching" and `article_retry_fetch` can send it again)."""
    from kombu.exceptions import OperationalError

    from claims.ingest.tasks import fetch_article

    try:
        fetch_article.delay(article_id)
    except OperationalError:
        logger.warning("Broker unreachable: article %s stays in the fetching state", article_id)
        return False
    return True


def _existing_for_url(canonical: str) -> Article | None:
    # The exclude lets the database use the partial unique index on canonical_url.
    return (
        Article.objects.filter(canonical_url=canonical)
        .exclude(canonical_url="")
        .order_by("pk")
        .first()
    )


def _user(user):
    return user if getattr(user, "pk", None) else None


@transaction.atomic
def article_submit_url(
    *,
    url: str,
    submitted_by=None,
    language: str | None = None,
    title: str = "",
) -> SubmissionResult:
    """Store an article to be fetched from url and queue the fetch after commit.

    Nothing is fetched here. A link already submitted (same canonical URL)
    returns the existing article with created=False. Addresses that are
    refused whatever they resolve to (a literal private IP, a metadata host)
    are refused at once; names are resolved and checked by the task.
    """
    url = validate_article_url(url)
    if not url:
        raise SubmissionRefused(_("Give the article's address (http or https)."), code="url")
    canonical = canonical_url(url)
    if len(canonical) > MAX_URL_LENGTH:
        # Re-encoding the query can lengthen it (é becomes %C3%A9).
        raise SubmissionRefused(
            _("The address is longer than %(limit)d characters.") % {"limit": MAX_URL_LENGTH},
            code="url",
        )
    try:
        ssrf.check_literal_host(urlsplit(url).hostname or "")
    except ssrf.AddressRefused as exc:
        raise SubmissionRefused(exc.message, code="refused_address") from None
    if language:
        language = normalize_language(language, "")
    existing = _existing_for_url(canonical)
    if existing is not None:
        return SubmissionResult(article=existing, created=False)
    article = Article(
        url=url,
        canonical_url=canonical,
        text="",
        content_hash=None,
        language=language or "",
        title=_clean_metadata(title, _("title"), 500),
        submitted_by=_user(submitted_by),
        extraction_state=ExtractionState.FETCHING,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # The same link was submitted a moment ago.
        return SubmissionResult(article=Article.objects.get(canonical_url=canonical), created=False)
    transaction.on_commit(partial(enqueue_fetch, article.pk))
    return SubmissionResult(article=article, created=True)


def _page_language(explicit: str, page: ExtractedPage, text: str) -> str:
    if explicit:
        return normalize_language(explicit, text)
    if page.language:
        return normalize_language(page.language, text)
    return normalize_language(None, text)


def _fill_from_page(article: Article, page: ExtractedPage) -> None:
    article.raw_html = page.html
    article.title = article.title or _clean_metadata(page.title, "title", 500)
    article.author = article.author or _clean_metadata(page.author, "author", 300)
    article.outlet = article.outlet or _clean_metadata(page.outlet, "outlet", 200)
    article.published_at = article.published_at or page.published_at
    article.fetched_at = timezone.now()
    article.fetch_error_code = ""
    article.extraction_error = ""


@transaction.atomic
def article_apply_page(*, article_id: int, page: ExtractedPage, final_url: str = "") -> Article:
    """Fill a fetched article with its page's text and metadata, then queue extraction.

    When another article already has the same text, this one becomes a
    duplicate pointing to it (state "duplicate", no text of its own) and
    nothing is extracted twice. Safe to run again: an article that is no
    longer fetching is returned unchanged.
    """
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None or article.extraction_state != ExtractionState.FETCHING:
        return article
    text = normalize_article_text(page.text)
    try:
        validate_article_text(text)
        language = _page_language(article.language, page, text)
    except SubmissionRefused as exc:
        code = "too_large" if exc.code == "too_long" else exc.code
        return _mark_fetch_failed(article, code=code, reason=exc.message)
    _fill_from_page(article, page)
    article.language = language
    content_hash = article_content_hash(text)
    original = Article.objects.filter(content_hash=content_hash).exclude(pk=article.pk).first()
    # The page may name its canonical address (a link with tracking, a mobile
    # or AMP copy): an article already stored under it is the same article.
    declared = canonical_url(page.canonical or final_url) if (page.canonical or final_url) else ""
    if original is None and declared and declared != article.canonical_url:
        original = _existing_for_url(declared)
    if original is None:
        article.text = text
        article.content_hash = content_hash
        article.extraction_state = ExtractionState.QUEUED
        try:
            with transaction.atomic():
                article.save()
        except IntegrityError:
            # The same text arrived by another way a moment ago.
            original = Article.objects.get(content_hash=content_hash)
            article.text, article.content_hash = "", None
    if original is not None:
        article.extraction_state = ExtractionState.DUPLICATE
        article.duplicate_of = original.duplicate_of or original
        article.save()
        return article
    transaction.on_commit(partial(enqueue_extraction, article.pk))
    return article


def _mark_fetch_failed(article: Article, *, code: str, reason: str) -> Article:
    article.extraction_state = ExtractionState.FAILED
    article.fetch_error_code = code[:32]
    article.extraction_error = reason[:2000]
    article.save(
        update_fields=["extraction_state", "fetch_error_code", "extraction_error", "updated_at"]
    )
    return article


@transaction.atomic
def article_mark_fetch_failed(*, article_id: int, code: str, reason: str) -> Article | None:
    """Record why a link could not become an article (timeout, refused_address, ...)."""
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None or article.extraction_state != ExtractionState.FETCHING:
        return article
    return _mark_fetch_failed(article, code=code, reason=reason)


@transaction.atomic
def article_retry_fetch(*, article: Article) -> Article:
    """Fetch a link again after a failure."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not article.canonical_url or article.content_hash:
        raise WorkflowError(_("This article was not submitted by link, or is already fetched."))
    if article.extraction_state not in (ExtractionState.FAILED, ExtractionState.FETCHING):
        raise WorkflowError(_("This article is not waiting for its page."))
    article.extraction_state = ExtractionState.FETCHING
    article.extraction_error = ""
    article.fetch_error_code = ""
    article.save(
        update_fields=["extraction_state", "extraction_error", "fetch_error_code", "updated_at"]
    )
    transaction.on_commit(partial(enqueue_fetch, article.pk))
    return article


@transaction.atomic
def article_submit_html(
    *,
    html: str | bytes,
    url: str = "",
    submitted_by=None,
    language: str | None = None,
    title: str = "",
) -> SubmissionResult:
    """Store an uploaded HTML page as an article, extracted like a fetched one.

    The same text (or the same canonical URL) returns the existing article.
    A page without article text is refused with the reason.
    """
    if isinstance(html, bytes):
        if b"\x00" in html:
            decode_article_bytes(html)  # raises the "binary file" refusal
        html = decode_html(html)
    url = validate_article_url(url)
    canonical = canonical_url(url) if url else ""
    if canonical:
        existing = _existing_for_url(canonical)
        if existing is not None:
            return SubmissionResult(article=existing, created=False)
    try:
        page = extract_page(html, url=url)
    except NoArticleText as exc:
        raise SubmissionRefused(exc.message, code="no_text") from None
    text = normalize_article_text(page.text)
    validate_article_text(text)
    content_hash = article_content_hash(text)
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is not None:
        return SubmissionResult(article=existing, created=False)
    article = Article(
        url=url,
        canonical_url=canonical,
        text=text,
        content_hash=content_hash,
        language=_page_language(language or "", page, text),
        title=_clean_metadata(title, _("title"), 500),
        submitted_by=_user(submitted_by),
        extraction_state=ExtractionState.QUEUED,
    )
    _fill_from_page(article, page)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        existing = Article.objects.filter(Q(content_hash=content_hash)).first()
        if existing is None and canonical:
            existing = Article.objects.get(canonical_url=canonical)
        return SubmissionResult(article=existing, created=False)
    transaction.on_commit(partial(enqueue_extraction, article.pk))
    return SubmissionResult(article=article, created=True)


def articles_requeue_stuck_fetches(*, older_than) -> list[int]:
    """Send the fetch task again for links left "fetching" longer than older_than
    (the broker was down at submission, or a worker died mid-fetch)."""
    cutoff = timezone.now() - older_than
    stuck = list(
        Article.objects.filter(
            extraction_state=ExtractionState.FETCHING, updated_at__lt=cutoff
        ).values_list("pk", flat=True)[:500]
    )
    sent = []
    for article_id in stuck:
        if not enqueue_fetch(article_id):
            break  # the broker is still down: the next sweep tries again
        Article.objects.filter(pk=article_id).update(updated_at=timezone.now())
        sent.append(article_id)
    return sent
