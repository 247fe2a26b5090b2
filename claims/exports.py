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

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max, Min, QuerySet
from django.http import StreamingHttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from claims.models import Claim, ClaimStatus, Rating, SourceKind
from claims.timeformat import iso_utc

CHUNK_SIZE = 2000

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


# --- schema.org ClaimReview


PERSON_KINDS = {SourceKind.PERSON, SourceKind.ROLE, SourceKind.ANONYMOUS}


def rating_scale_bounds() -> tuple[int, int]:
    """(worst, best) numeric values of the newsroom's rating scale."""
    bounds = Rating.objects.aggregate(worst=Min("value"), best=Max("value"))
    return bounds["worst"] or 0, bounds["best"] or 0


def claim_public_url(claim: Claim, request=None) -> str:
    """The claim's public page when configured, else its permalink here."""
    template = getattr(settings, "FACTCHECK_CLAIM_URL_TEMPLATE", "")
    if template:
        return template.format(id=claim.pk)
    for name in ("claims:claim_detail", "claims:claim-detail", "claims:claim"):
        try:
            path = reverse(name, args=[claim.pk])
            break
        except NoReverseMatch:
            continue
    else:
        path = reverse("exports:claimreview-detail", args=[claim.pk])
    return request.build_absolute_uri(path) if request is not None else path


def _date(value):
    if value is None:
        return None
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date().isoformat()


def _claim_author(claim: Claim) -> dict | None:
    article = claim.article
    if claim.source_kind == SourceKind.AUTHOR:
        if article.author:
            return {"@type": "Person", "name": article.author}
        if article.outlet:
            return {"@type": "Organization", "name": article.outlet}
        return None
    name = claim.source.name if claim.source_id else claim.source_text
    if not name:
        return None
    kind = "Person" if claim.source_kind in PERSON_KINDS else "Organization"
    return {"@type": kind, "name": name}


def _publisher() -> dict:
    publisher = {"@type": "Organization", "name": settings.FACTCHECK_PUBLISHER_NAME}
    if settings.FACTCHECK_PUBLISHER_URL:
        publisher["url"] = settings.FACTCHECK_PUBLISHER_URL
    return publisher


def claim_review(claim: Claim, *, bounds: tuple[int, int], request=None) -> dict:
    """One published claim as a schema.org ClaimReview (a JSON-LD node)."""
    article = claim.article
    language = article.language
    worst, best = bounds
    item = {"@type": "Claim"}
    author = _claim_author(claim)
    if author:
        item["author"] = author
    appearance = {"@type": "CreativeWork"}
    if article.url:
        appearance["url"] = article.url
    if article.title:
        appearance["headline"] = article.title
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    item["appearance"] = appearance
    item["datePublished"] = _date(article.published_at or article.submitted_at)
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_public_url(claim, request),
        "claimReviewed": claim.content,
        "itemReviewed": item,
        "author": _publisher(),
        "datePublished": _date(claim.published_at),
        "inLanguage": language,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": claim.verdict.value,
            "bestRating": best,
            "worstRating": worst,
            "alternateName": claim.verdict.label_for(language),
        },
    }
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    return review


def published_claims(queryset: QuerySet) -> QuerySet:
    return (
        queryset.filter(status=ClaimStatus.PUBLISHED, verdict__isnull=False)
        .select_related("article", "source", "verdict")
        .defer("article__text")
    )


def claim_reviews(queryset: QuerySet, request=None) -> Iterator[dict]:
    bounds = rating_scale_bounds()
    for claim in published_claims(queryset).order_by("id").iterator(chunk_size=500):
        yield claim_review(claim, bounds=bounds, request=request)


def claimreview_response(queryset: QuerySet, request=None, filename="claimreview.jsonld"):
    return streaming_response(
        stream_json_array(claim_reviews(queryset, request)),
        content_type="application/ld+json",
        filename=filename,
    )
