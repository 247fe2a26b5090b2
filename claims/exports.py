"""Claims leaving the system: CSV, JSON and schema.org ClaimReview (JSON-LD).

Every export streams: rows come from the database in chunks (.iterator(),
a server-side cursor on PostgreSQL) and are encoded one at a time, so the
web process's memory does not grow with the number of claims. The claim
list's filters (claims/api/filters.py) select what is exported.
"""

import csv
import datetime
import json
from collections.abc import Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from claims import claimreview
from claims.models import Claim, VersionState
from claims.public.addresses import fact_check_url
from claims.public_record import PublicRecord, iter_public_records, public_record
from claims.timeformat import iso_utc

CHUNK_SIZE = 2000
# Claims per round trip of the ClaimReview export (each chunk: the claims, their
# public records, evidence and corrections).
CLAIMREVIEW_CHUNK_SIZE = 500

# The columns of the CSV and the keys of the JSON export, in order. A key
# the API also has means the same there (`article` and `source` are ids).
EXPORT_FIELDS = {
    "id": "id",
    "article": "article_id",
    "article_title": "article__title",
    "article_url": "article__url",
    "article_outlet": "article__outlet",
    "language": "article__language",
    "position": "position",
    "content": "content",
    "content_start": "content_start",
    "content_end": "content_end",
    "source_text": "source_text",
    "source": "source_id",
    "source_name": "source__name",
    "source_kind": "source_kind",
    "cue_text": "cue_text",
    "channel_text": "channel_text",
    "quote_type": "quote_type",
    "hedged": "hedged",
    "status": "status",
    "verdict": "verdict__slug",
    "rationale": "rationale",
    "assignee": "assignee__username",
    "version": "version",
    "created_at": "created_at",
    "updated_at": "updated_at",
    "published_at": "published_at",
}


def claim_export_rows(queryset: QuerySet) -> Iterator[dict]:
    """Plain dicts, one per claim, read in chunks."""
    names = list(EXPORT_FIELDS)
    lookups = list(EXPORT_FIELDS.values())
    for values in queryset.order_by("id").values_list(*lookups).iterator(chunk_size=CHUNK_SIZE):
        yield {
            name: iso_utc(value) if isinstance(value, datetime.datetime) else value
            for name, value in zip(names, values, strict=True)
        }


# A cell a spreadsheet would run as a formula (CSV injection): article text
# comes from the web, so "=HYPERLINK(...)" in a claim must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value, *, spreadsheet_safe: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if spreadsheet_safe and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_cell_to_text(cell: str) -> str:
    """The inverse of the spreadsheet-safe quoting, for programs reading the CSV."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


class _Echo:
    def write(self, value):
        return value


def stream_csv(rows: Iterable[dict], *, spreadsheet_safe: bool = True) -> Iterator[str]:
    """CSV rows. spreadsheet_safe prefixes formula-like text cells with an
    apostrophe (as spreadsheets themselves do); raw output leaves them be."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
    yield writer.writerow(list(EXPORT_FIELDS))
    for row in rows:
        yield writer.writerow(
            [_csv_value(value, spreadsheet_safe=spreadsheet_safe) for value in row.values()]
        )


def stream_json_array(items: Iterable[dict], *, indent: int | None = None) -> Iterator[str]:
    """A JSON array written item by item."""
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + json.dumps(
            item, cls=DjangoJSONEncoder, ensure_ascii=False, indent=indent
        )
        first = False
    yield "\n]\n"


def streaming_response(chunks: Iterator[str], *, content_type: str, filename: str):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def claims_csv_response(
    queryset: QuerySet, filename: str = "claims.csv", *, spreadsheet_safe: bool = True
):
    return streaming_response(
        stream_csv(claim_export_rows(queryset), spreadsheet_safe=spreadsheet_safe),
        content_type="text/csv; charset=utf-8",
        filename=filename,
    )


def claims_json_response(queryset: QuerySet, filename: str = "claims.json"):
    return streaming_response(
        stream_json_array(claim_export_rows(queryset)),
        content_type="application/json",
        filename=filename,
    )


# --- schema.org ClaimReview (built in claims/claimreview.py from the public record)


def claim_public_url(claim: Claim, request=None) -> str:
    """The address of the claim's public fact-check page (see claims/public/addresses.py)."""
    return fact_check_url(claim_id=claim.pk, slug=claim.public_slug, request=request)


def _corrections(record: PublicRecord) -> list[dict]:
    """The public notes of each approved correction, and of a withdrawal."""
    notes = [
        {
            "@type": "CorrectionComment",
            "text": note,
            "datePublished": claimreview.timestamp(when),
        }
        for when, note in record.corrections
        if note
    ]
    if record.withdrawn_at:
        notes.append(
            {
                "@type": "CorrectionComment",
                "text": record.withdrawn_reason,
                "datePublished": claimreview.timestamp(record.withdrawn_at),
            }
        )
    return notes


def claim_review(
    claim: Claim,
    *,
    request=None,
    record: PublicRecord | None = None,
    scale=None,
    publisher: dict | None = None,
) -> dict:
    """One published claim as a schema.org ClaimReview, from its public record:
    the version two people approved, never the working copy. A withdrawn one
    says so and gives no rating to reuse."""
    record = record if record is not None else public_record(claim)
    review = claimreview.claim_review(
        record,
        article=claim.article,
        url=claim_public_url(claim, request),
        scale=scale if scale is not None else claimreview.rating_scale(),
        publisher=publisher,
    )
    corrections = _corrections(record)
    if corrections:
        review["correction"] = corrections
    if record.withdrawn_at:
        review["creativeWorkStatus"] = "Withdrawn"
        review["dateModified"] = claimreview.timestamp(record.withdrawn_at)
        review.pop("reviewRating", None)
    return review


def published_claims(queryset: QuerySet) -> QuerySet:
    """Claims with a live public record (published by two people, not withdrawn)."""
    return (
        queryset.filter(versions__state=VersionState.APPROVED, versions__withdrawn_at__isnull=True)
        .distinct()
        .select_related("article", "source")
        .defer("article__text", "article__raw_html")
    )


def claim_review_for(claim: Claim, request=None, *, scale=None) -> dict | None:
    """The claim's ClaimReview for its public page; None unless it is published
    and not withdrawn (a withdrawn page carries no ClaimReview)."""
    record = public_record(claim)
    if record is None or record.withdrawn_at is not None:
        return None
    return claim_review(claim, request=request, record=record, scale=scale)


def claims_with_public_records(queryset: QuerySet, *, live_only: bool = True):
    """(claim, record) pairs a chunk at a time; withdrawn ones only if not live_only."""
    records = iter_public_records(queryset)
    while True:
        chunk = [record for _, record in zip(range(500), records, strict=False)]
        if not chunk:
            return
        claims = Claim.objects.select_related("article", "source").defer("article__text")
        by_id = claims.in_bulk([record.claim_id for record in chunk])
        for record in chunk:
            if live_only and record.is_withdrawn:
                continue
            yield by_id[record.claim_id], record


def claim_reviews(queryset: QuerySet, request=None) -> Iterator[dict]:
    """The feed: every live published claim of queryset; withdrawn ones leave it."""
    scale = claimreview.rating_scale()
    publisher = claimreview.publisher_node()
    for claim, record in claims_with_public_records(queryset):
        yield claim_review(claim, request=request, record=record, scale=scale, publisher=publisher)


def claimreview_response(queryset: QuerySet, request=None, filename="claimreview.jsonld"):
    return streaming_response(
        stream_json_array(claim_reviews(queryset, request)),
        content_type="application/ld+json",
        filename=filename,
    )
