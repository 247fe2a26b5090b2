"""Writes for articles: submission, and the extraction life cycle."""

import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import signals
from claims.checkworthiness import apply_checkworthiness
from claims.exceptions import SubmissionRefused, WorkflowError
from claims.models import Article, Claim, ExtractionState, Language
from claims.services.editing import extraction_overrides, extraction_record
from claims.services.sources import sources_for_mentions
from claims.text import duplicate_key_text

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = {choice.value for choice in Language}
# Control characters that never appear in a news article's text.
_BINARY_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


# Shown on a queued article while the broker is down; cleared once it is sent.
QUEUE_UNREACHABLE = gettext_lazy(
    "The task queue could not be reached. The article is saved and its extraction "
    "will start automatically once the queue is back."
)


@dataclass(frozen=True)
class SubmissionResult:
    article: Article
    created: bool


def decode_article_bytes(data: bytes) -> str:
    """UTF-8 (with or without a BOM) or a clear refusal."""
    if b"\x00" in data:
        raise SubmissionRefused(
            _("The file contains NUL bytes: it looks like a binary file, not an article."),
            code="binary",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SubmissionRefused(
            _(
                "The file is not valid UTF-8 text (undecodable byte at position %(pos)d). "
                "Save it as UTF-8 and try again."
            )
            % {"pos": exc.start},
            code="encoding",
        ) from None


def normalize_article_text(text: str) -> str:
    # One newline convention and one Unicode form (NFC: "è" one character, not
    # "e" plus an accent), so the same article pasted from Windows or a Mac, or
    # exported by another CMS, hashes the same and offsets mean the same.
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return unicodedata.normalize("NFC", text)


def article_content_hash(text: str) -> str:
    """The duplicate key: invisible characters (zero-width, bidi) do not count."""
    return hashlib.sha256(duplicate_key_text(text).encode("utf-8")).hexdigest()


def validate_article_text(text: str) -> None:
    if "\x00" in text:
        raise SubmissionRefused(
            _("The text contains NUL bytes: it looks like a binary file, not an article."),
            code="binary",
        )
    if not text:
        raise SubmissionRefused(_("The article is empty: paste or upload its text."), code="empty")
    limit = settings.FACTCHECK_MAX_ARTICLE_CHARS
    if len(text) > limit:
        raise SubmissionRefused(
            _("The article has %(count)s characters; the limit is %(limit)s.")
            % {"count": f"{len(text):,}", "limit": f"{limit:,}"},
            code="too_long",
        )
    sample = text[:20_000]
    if sum(ch in _BINARY_CONTROL for ch in sample) > len(sample) // 100:
        raise SubmissionRefused(
            _("The text is full of control characters: it looks like a binary file."),
            code="binary",
        )


def normalize_language(language: str | None, text: str) -> str:
    """A supported BCP-47 primary subtag ("it", "en"), detected when not given."""
    if language is None or not language.strip():
        from claims.extraction import detect_language

        return detect_language(text)
    primary = language.strip().replace("_", "-").split("-")[0].lower()
    if primary not in SUPPORTED_LANGUAGES:
        raise SubmissionRefused(
            _("Only Italian (it) and English (en) articles are supported, not “%(lang)s”.")
            % {"lang": language.strip()[:20]},
            code="language",
        )
    return primary


# The database's URL columns (Article, Evidence, Feed, FeedItem) hold 2,000
# characters; Django's URLValidator alone would pass up to 2,048.
MAX_URL_LENGTH = 2000
_NEVER_IN_URLS = frozenset('"<>\\`')


def validate_article_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        return ""
    if len(url) > MAX_URL_LENGTH:
        raise SubmissionRefused(
            _("The address is longer than %(limit)d characters.") % {"limit": MAX_URL_LENGTH},
            code="url",
        )
    # Quotes, angle brackets, backslashes and spaces are never literal in a URL
    # (they are sent %-encoded); Django's validator lets some of them pass.
    if any(char in _NEVER_IN_URLS or ord(char) < 33 or char == "\x7f" for char in url):
        raise SubmissionRefused(
            _("“%(url)s” is not a valid http or https address.") % {"url": url[:200]},
            code="url",
        )
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise SubmissionRefused(
            _("“%(url)s” is not a valid http or https address.") % {"url": url[:200]},
            code="url",
        ) from None
    return url


def _clean_metadata(value: str, field: str, max_length: int) -> str:
    value = unicodedata.normalize("NFC", (value or "").replace("\x00", "")).strip()
    if len(value) > max_length:
        raise SubmissionRefused(
            _("The %(field)s is longer than %(limit)d characters.")
            % {"field": field, "limit": max_length},
            code="metadata",
        )
    return value


@transaction.atomic
def article_submit(
    *,
    text: str | bytes,
    language: str | None = None,
    title: str = "",
    url: str = "",
    outlet: str = "",
    author: str = "",
    published_at=None,
    submitted_by=None,
) -> SubmissionResult:
    """Store an article and queue its extraction once the transaction commits.

    The same text submitted again returns the existing article. Refused input
    raises SubmissionRefused and stores nothing.
    """
    if isinstance(text, bytes):
        text = decode_article_bytes(text)
    text = normalize_article_text(text)
    validate_article_text(text)
    content_hash = article_content_hash(text)
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is not None:
        return SubmissionResult(article=existing, created=False)

    article = Article(
        text=text,
        content_hash=content_hash,
        language=normalize_language(language, text),
        title=_clean_metadata(title, _("title"), 500),
        url=validate_article_url(url),
        outlet=_clean_metadata(outlet, _("outlet"), 200),
        author=_clean_metadata(author, _("author"), 300),
        published_at=published_at,
        submitted_by=submitted_by if getattr(submitted_by, "pk", None) else None,
        extraction_state=ExtractionState.QUEUED,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Someone submitted the same text a moment ago.
        return SubmissionResult(
            article=Article.objects.get(content_hash=content_hash), created=False
        )
    transaction.on_commit(partial(enqueue_extraction, article.pk))
    return SubmissionResult(article=article, created=True)


def enqueue_extraction(article_id: int) -> bool:
    """Send the extraction task; False when the broker cannot be reached.

    The article stays queued either way, so `requeue_stuck` can send it later.
    """
    from kombu.exceptions import OperationalError

    from claims.tasks import extract_article

    try:
        extract_article.delay(article_id)
    except OperationalError:
        logger.warning("Broker unreachable: article %s stays queued for requeue_stuck", article_id)
        Article.objects.filter(pk=article_id).update(extraction_error=QUEUE_UNREACHABLE)
        return False
    return True


def article_start_extraction(*, article_id: int, extractor_version: str) -> Article | None:
    """Mark the start of an extraction attempt and return the article to extract
    (its text and language).

    None when there is nothing to do: the article is gone, or this extractor
    version already finished it (a message delivered twice, for example after
    a lost worker, costs nothing). The check and the mark are one statement,
    committed at once, so the attempt counts even if the extraction fails.
    """
    now = timezone.now()
    if connection.features.can_return_columns_from_insert:  # PostgreSQL, SQLite >= 3.35
        # One round trip, where the ORM needs an UPDATE and a SELECT.
        quote = connection.ops.quote_name
        columns = {
            key: quote(Article._meta.get_field(name).column) for key, name in _START_COLUMNS.items()
        }
        sql = (
            "UPDATE {table} SET {state} = %s, {started} = %s, {attempts} = {attempts} + 1, "
            "{updated} = %s WHERE {id} = %s AND NOT ({state} = %s AND {version} = %s) "
            "RETURNING {text}, {language}"
        ).format(table=quote(Article._meta.db_table), **columns)
        moment = connection.ops.adapt_datetimefield_value(now)
        with connection.cursor() as cursor:  # autocommit: one statement, one commit
            cursor.execute(
                sql,
                [
                    ExtractionState.RUNNING,
                    moment,
                    moment,
                    article_id,
                    ExtractionState.DONE,
                    extractor_version,
                ],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        loaded = {"id": article_id, "text": row[0], "language": row[1]}
        names = [f.attname for f in Article._meta.concrete_fields if f.attname in loaded]
        return Article.from_db(connection.alias, names, [loaded[name] for name in names])
    started = (
        Article.objects.filter(pk=article_id)
        .exclude(extraction_state=ExtractionState.DONE, extractor_version=extractor_version)
        .update(
            extraction_state=ExtractionState.RUNNING,
            extraction_started_at=now,
            extraction_attempts=F("extraction_attempts") + 1,
            updated_at=now,
        )
    )
    if not started:
        return None
    return Article.objects.only("text", "language").filter(pk=article_id).first()


# The placeholders of article_start_extraction's statement and their fields.
_START_COLUMNS = {
    "id": "id",
    "text": "text",
    "language": "language",
    "state": "extraction_state",
    "started": "extraction_started_at",
    "attempts": "extraction_attempts",
    "version": "extractor_version",
    "updated": "updated_at",
}


def article_mark_failed(*, article_id: int, reason: str) -> None:
    Article.objects.filter(pk=article_id).update(
        extraction_state=ExtractionState.FAILED,
        extraction_error=reason[:2000],
        updated_at=timezone.now(),
    )


@transaction.atomic
def article_retry_extraction(*, article: Article) -> Article:
    """Queue a new extraction of a failed (or finished) article."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.extraction_state in (ExtractionState.QUEUED, ExtractionState.RUNNING):
        raise WorkflowError(_("This article is already being extracted."))
    if not article.content_hash:
        # A link whose page never arrived, or a duplicate: there is no text.
        raise WorkflowError(
            _("This article has no text to extract yet: fetch its page again instead.")
        )
    article.extraction_state = ExtractionState.QUEUED
    article.extraction_error = ""
    article.save(update_fields=["extraction_state", "extraction_error", "updated_at"])
    transaction.on_commit(partial(enqueue_extraction, article.pk))
    return article


def claim_extraction_key(record) -> str:
    source_start = record.source.start if record.source else ""
    return f"{record.content.start}:{record.content.end}:{source_start}"


def _span_fields(prefix: str, span) -> dict:
    if span is None:
        return {f"{prefix}_text": "", f"{prefix}_start": None, f"{prefix}_end": None}
    return {
        f"{prefix}_text": span.text[:300],
        f"{prefix}_start": span.start,
        f"{prefix}_end": span.end,
    }


def _attribution_fields(record) -> dict:
    fields = {
        "source_text": record.source.text[:500] if record.source else "",
        "source_start": record.source.start if record.source else None,
        "source_end": record.source.end if record.source else None,
        "source_kind": record.source_kind,
        "quote_type": record.quote,
        "hedged": record.hedged,
    }
    fields.update(_span_fields("cue", record.cue))
    fields.update(_span_fields("channel", record.channel))
    return fields


# What a new extraction may change on a claim it finds again.
_REEXTRACTED_FIELDS = (
    "position",
    "extracted_record",
    "checkworthiness",
    "checkworthiness_reasons",
    "source",
    "source_kind",
    "quote_type",
    "hedged",
    *(f"{p}_{s}" for p in ("source", "cue", "channel") for s in ("text", "start", "end")),
)
_REEXTRACTED_ATTNAMES = tuple(Claim._meta.get_field(name).attname for name in _REEXTRACTED_FIELDS)


def _reextracted_values(claim: Claim) -> tuple:
    return tuple(getattr(claim, attname) for attname in _REEXTRACTED_ATTNAMES)


@transaction.atomic
def article_apply_extraction(*, article_id: int, records, extractor_version: str) -> Article:
    """Write an extraction's claims in one transaction.

    Idempotent: claims are matched on their spans, so applying the same
    records twice changes nothing. Whatever an editor touched (a corrected
    attribution, a status, a verdict, comments, evidence) survives.

    A handful of queries however many claims and speakers: the lock, the
    article's claims, its sources (sources_for_mentions), the writes, and
    the article's new state. New claims are fingerprinted for "also appears
    in" later, in batches (claims.ingest.repeats.claims_index).
    """
    article = Article.objects.select_for_update().only("pk").get(pk=article_id)
    existing = {claim.extraction_key: claim for claim in article.claims.all()}
    # Editors' claims stand: a new record on words they re-cut is skipped.
    answered = extraction_overrides(article_id, existing.values())
    seen: set[str] = set()
    to_create, to_update = [], []
    mentions: list[tuple[Claim, tuple]] = []
    before: dict[int, tuple] = {}
    now = timezone.now()
    for position, record in enumerate(records):
        key = claim_extraction_key(record)
        if key in seen:
            continue
        seen.add(key)
        claim = existing.get(key)
        if claim is None and answered(record, key):
            continue
        if claim is None:
            claim = Claim(
                article=article,
                extraction_key=key,
                content=record.content.text,
                content_start=record.content.start,
                content_end=record.content.end,
            )
            to_create.append(claim)
        else:
            before[claim.pk] = _reextracted_values(claim)
            claim.updated_at = now
            to_update.append(claim)
        claim.position = position
        claim.extractor_version = extractor_version
        if not claim.corrected_by_id:
            for name, value in _attribution_fields(record).items():
                setattr(claim, name, value)
            # What this version produced, for measuring it against the editors.
            claim.extracted_record = extraction_record(record, extractor_version)
            apply_checkworthiness(claim)
            mention = record.source.text if record.source else None
            mentions.append((claim, (record.source_name or mention, mention, record.source_kind)))

    # Every speaker of the article at once, in the order they are quoted.
    sources = sources_for_mentions(lookup for _claim, lookup in mentions)
    for claim, lookup in mentions:
        claim.source = sources[lookup]

    Claim.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        Claim.objects.filter(pk__in=[claim.pk for claim in to_update]).update(
            extractor_version=extractor_version, updated_at=now
        )
        # Only what the new extraction changed (usually nothing): building a
        # bulk update costs in proportion to claims times fields.
        changed = [c for c in to_update if _reextracted_values(c) != before[c.pk]]
        if changed:
            fields = [
                name
                for i, name in enumerate(_REEXTRACTED_FIELDS)
                if any(_reextracted_values(c)[i] != before[c.pk][i] for c in changed)
            ]
            Claim.objects.bulk_update(changed, fields, batch_size=500)
    _delete_untouched_stale_claims(article, [c for k, c in existing.items() if k not in seen])

    article.extraction_state = ExtractionState.DONE
    article.extraction_error = ""
    article.extracted_at = now
    article.extractor_version = extractor_version
    article.save(
        update_fields=[
            "extraction_state",
            "extraction_error",
            "extracted_at",
            "extractor_version",
            "updated_at",
        ]
    )
    transaction.on_commit(lambda: signals.article_extracted.send(sender=Article, article=article))
    return article


def _delete_untouched_stale_claims(article: Article, stale: list[Claim]) -> None:
    """Drop claims a new extraction no longer finds, unless an editor worked on them."""
    candidates = [claim.pk for claim in stale if not claim.is_touched_by_editor]
    if not candidates:
        return
    worked_on = set(
        Claim.objects.filter(pk__in=candidates)
        .filter(Q(comments__isnull=False) | Q(evidence__isnull=False))
        .values_list("pk", flat=True)
    )
    Claim.objects.filter(pk__in=set(candidates) - worked_on).delete()


def articles_requeue_stuck(*, queued_for: timedelta, running_for: timedelta) -> list[int]:
    """Send again the articles no worker has taken or finished in time.

    Covers a broker that was down when the article was submitted and a worker
    that died mid-extraction. Extraction is idempotent, so a duplicate send
    costs time, never data.
    """
    now = timezone.now()
    stuck = Article.objects.filter(
        Q(extraction_state=ExtractionState.QUEUED, updated_at__lt=now - queued_for)
        | Q(extraction_state=ExtractionState.RUNNING, extraction_started_at__lt=now - running_for)
    )
    sent = []
    for article_id in stuck.values_list("pk", flat=True).order_by("pk")[:1000]:
        if not enqueue_extraction(article_id):
            break  # the broker is still down: the next sweep tries again
        # Start the clock again so the next sweep does not send it twice.
        Article.objects.filter(pk=article_id).update(
            updated_at=now, extraction_started_at=now, extraction_error=""
        )
        sent.append(article_id)
    return sent
