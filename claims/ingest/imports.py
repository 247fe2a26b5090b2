"""Batch imports: a JSONL or CSV file of articles, one per row.

Columns (CSV header or JSON keys): `text` or `url` (one of them is required),
`title`, `language`, `published`; `outlet` and `author` are read too. Each row
goes through the same services as a single submission, so the same text or
the same link is never stored twice and importing a file again adds nothing.
"""

import csv
import datetime as dt
import io
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from claims.exceptions import SubmissionRefused
from claims.ingest.services import article_submit_url
from claims.models import ImportJob, ImportRowError, ImportState
from claims.services.articles import article_submit, decode_article_bytes

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv")
PROGRESS_EVERY = 25
MAX_STORED_ERRORS = 1000


class ImportRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, as a person counts the lines (CSV: data rows after the header)
    values: dict | None
    error: str = ""


def guess_format(filename: str, data: str) -> str:
    name = filename.lower()
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".csv", ".tsv")):
        return "csv"
    return "jsonl" if data.lstrip().startswith("{") else "csv"


def iter_rows(data: str, fmt: str) -> Iterator[Row]:
    if fmt == "jsonl":
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                values = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Row(number, None, _("Not valid JSON: %(err)s") % {"err": exc.msg})
                continue
            except RecursionError:
                yield Row(number, None, _("Not an article: the JSON is nested too deeply."))
                continue
            if not isinstance(values, dict):
                yield Row(number, None, _("Each line must be a JSON object."))
                continue
            yield Row(number, values)
    else:
        sample = data[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        _allow_fields_of(data)
        reader = csv.DictReader(io.StringIO(data, newline=""), dialect=dialect)
        try:
            fieldnames = reader.fieldnames
        except csv.Error as exc:
            message = _("The CSV header cannot be read: %(err)s") % {"err": exc}
            raise ImportRefused(message) from None
        if not fieldnames or not {"text", "url"} & {
            (name or "").strip().lower() for name in fieldnames
        }:
            raise ImportRefused(_("The CSV file needs a header row with a “text” or “url” column."))
        number = 0
        while True:
            number += 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(number, None, _("This CSV row cannot be read: %(err)s") % {"err": exc})
                continue
            clean = {(k or "").strip().lower(): v for k, v in values.items() if k is not None}
            yield Row(number, clean)


def _allow_fields_of(data: str) -> None:
    """Let a CSV cell be as long as an article may be (Python's csv module
    stops at 131,072 characters by default); a longer cell is then refused by
    the article rules, row by row, like any other too-long text."""
    limit = max(settings.FACTCHECK_MAX_ARTICLE_CHARS + 1, min(len(data) + 1, 2**31 - 1))
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def count_rows(data: str, fmt: str) -> int:
    if fmt == "jsonl":
        return sum(1 for line in data.splitlines() if line.strip())
    _allow_fields_of(data)
    try:
        return max(0, sum(1 for _row in csv.reader(io.StringIO(data, newline=""))) - 1)
    except csv.Error as exc:
        raise ImportRefused(_("The CSV file cannot be read: %(err)s") % {"err": exc}) from None


def _text(values: dict, key: str) -> str:
    value = values.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return value.strip()


def parse_published(value: str) -> dt.datetime | None:
    if not value:
        return None
    # A bare date means that day wherever the newsroom is: noon, not midnight UTC.
    moment = parse_datetime(value) if len(value) > 10 else None
    if moment is None:
        day = parse_date(value[:10])
        if day is None:
            raise SubmissionRefused(
                _("“%(value)s” is not a date (use YYYY-MM-DD or ISO 8601).")
                % {"value": value[:40]},
                code="published",
            )
        moment = dt.datetime(day.year, day.month, day.day, 12, 0)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def import_row(values: dict, *, submitted_by=None, default_language: str | None = None):
    """Submit one row; the SubmissionResult, or SubmissionRefused with the reason."""
    text = values.get("text")
    text = text if isinstance(text, str) else ""
    url = _text(values, "url")
    language = _text(values, "language") or _text(values, "lang") or default_language
    title = _text(values, "title")
    published = parse_published(_text(values, "published") or _text(values, "published_at"))
    if text.strip():
        return article_submit(
            text=text,
            language=language,
            title=title,
            url=url,
            outlet=_text(values, "outlet"),
            author=_text(values, "author"),
            published_at=published,
            submitted_by=submitted_by,
        )
    if url:
        return article_submit_url(
            url=url, submitted_by=submitted_by, language=language, title=title
        )
    raise SubmissionRefused(_("The row has neither text nor url."), code="empty")


@transaction.atomic
def import_job_create(*, filename: str, data: bytes | str, created_by=None) -> ImportJob:
    """Store an uploaded file as an import waiting to run (refusing what cannot be read)."""
    if isinstance(data, bytes):
        try:
            data = decode_article_bytes(data)
        except SubmissionRefused as exc:
            raise ImportRefused(exc.message) from None
    data = data.replace("\x00", "")
    fmt = guess_format(filename, data)
    total = count_rows(data, fmt)
    if total == 0:
        raise ImportRefused(_("The file has no rows to import."))
    if fmt == "csv":
        list(zip(range(1), iter_rows(data, fmt), strict=False))  # refuses a CSV without a header
    return ImportJob.objects.create(
        filename=filename[:300],
        format=fmt,
        payload=data,
        total_rows=total,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )


def _save_progress(job: ImportJob, errors: list[ImportRowError]) -> None:
    with transaction.atomic():
        stored = ImportRowError.objects.filter(job=job).count()
        room = max(0, MAX_STORED_ERRORS - stored)
        ImportRowError.objects.bulk_create(errors[:room])
        ImportJob.objects.filter(pk=job.pk).update(
            processed_rows=job.processed_rows,
            created_count=job.created_count,
            existing_count=job.existing_count,
            error_count=job.error_count,
        )
    errors.clear()


def _import_one(job: ImportJob, row: Row, errors: list, default_language: str | None) -> None:
    message = row.error
    if not message:
        try:
            with transaction.atomic():  # a savepoint: a row the database refuses costs that row
                result = import_row(
                    row.values, submitted_by=job.created_by, default_language=default_language
                )
        except SubmissionRefused as exc:
            message = exc.message
        except (DatabaseError, ValueError, TypeError, RecursionError) as exc:
            logger.warning("Import %s, row %s skipped: %r", job.pk, row.number, exc)
            message = _("This row could not be stored: %(err)s") % {"err": str(exc)[:300]}
        else:
            if result.created:
                job.created_count += 1
            else:
                job.existing_count += 1
    if message:
        job.error_count += 1
        errors.append(ImportRowError(job=job, row=row.number, message=message[:1000]))
    job.processed_rows += 1


def import_job_run(
    *, job_id: int, default_language: str | None = None, progress: Callable | None = None
) -> ImportJob:
    """Import every row of a job, recording progress and each row's error.

    A refused row stops nothing but itself, and a job interrupted halfway can
    run again: the rows already stored are found again, not doubled.
    """
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.state == ImportState.DONE:
            return job
        job.state = ImportState.RUNNING
        job.processed_rows = job.created_count = job.existing_count = job.error_count = 0
        job.save(
            update_fields=[
                "state",
                "processed_rows",
                "created_count",
                "existing_count",
                "error_count",
            ]
        )
        ImportRowError.objects.filter(job=job).delete()
    errors: list[ImportRowError] = []
    rows = iter_rows(job.payload, job.format)
    try:
        while chunk := list(islice(rows, PROGRESS_EVERY)):
            # One transaction per batch of rows: a commit per row is most of
            # the cost of a large import. A refused row rolls back only itself.
            with transaction.atomic():
                for row in chunk:
                    _import_one(job, row, errors, default_language)
                _save_progress(job, errors)
            if progress:
                progress(job)
    except ImportRefused as exc:
        job.error = exc.message
        job.state = ImportState.FAILED
    else:
        job.state = ImportState.DONE
    _save_progress(job, errors)
    job.finished_at = timezone.now()
    job.payload = "" if job.state == ImportState.DONE else job.payload
    job.save(update_fields=["state", "error", "finished_at", "payload"])
    if progress:
        progress(job)
    return job


def import_job_mark_failed(*, job_id: int, reason: str) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        state=ImportState.FAILED, error=reason[:2000], finished_at=timezone.now()
    )


def import_job_enqueue(job_id: int) -> bool:
    """Send the import task; False when the broker cannot be reached."""
    from kombu.exceptions import OperationalError

    from claims.ingest.tasks import run_import

    try:
        run_import.delay(job_id)
    except OperationalError:
        ImportJob.objects.filter(pk=job_id).update(
            error=_("The task queue could not be reached: upload the file again later.")
        )
        return False
    return True


def import_jobs_requeue_stuck(*, pending_for: dt.timedelta, running_for: dt.timedelta) -> list[int]:
    """Send again the imports nobody is running: left pending when the broker
    was down at upload, or left running by a worker that was lost. Run by beat,
    like the stuck-article sweeper; running an import twice adds nothing."""
    now = timezone.now()
    stuck = list(
        ImportJob.objects.filter(
            Q(state=ImportState.PENDING, created_at__lt=now - pending_for)
            | Q(state=ImportState.RUNNING, created_at__lt=now - running_for)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:100]
    )
    sent = [job_id for job_id in stuck if import_job_enqueue(job_id)]
    if sent:
        ImportJob.objects.filter(pk__in=sent).update(error="")
    return sent


@transaction.atomic
def import_job_submit(*, filename: str, data: bytes | str, created_by=None) -> ImportJob:
    """Store an uploaded file and have a worker import it after commit."""
    job = import_job_create(filename=filename, data=data, created_by=created_by)
    transaction.on_commit(partial(import_job_enqueue, job.pk))
    return job
