"""The read-only published API for integrators: /api/published/.

Only published fact-checks, in the shape of Google's Fact Check Tools
claims search (`claims[]` with `text`, `claimant`, `claimDate` and
`claimReview[]`; `nextPageToken`), so a widget written for that API can read
this one. Readable with the permission `claims.view_published_factchecks`
(the `integration` group; the `admin` role has it too), or by everyone when
FACTCHECK_PUBLIC_API is on.
"""

import base64
import binascii
import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from claims import exports
from claims.api.serializers import ErrorSerializer
from claims.models import Claim, ClaimStatus, ClaimVersion, Language, VersionState
from claims.public_record import PublicRecord, public_record, public_records
from claims.timeformat import iso_utc

PUBLISHED_PERMISSION = "claims.view_published_factchecks"


class PublishedReader(BasePermission):
    """The permission (the `integration` and `admin` roles), or anyone when the desk opens it."""

    def has_permission(self, request, view):
        if getattr(settings, "FACTCHECK_PUBLIC_API", False):
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.has_perm(PUBLISHED_PERMISSION)


# --- Reads. Everything the published API and the webhooks say about a
# fact-check comes from these two functions: when fact-checks keep an approved
# public version apart from the working copy, they are what changes.


def published_fact_checks():
    """Claims whose approved version is live (published by two people, not withdrawn)."""
    live = ClaimVersion.objects.filter(
        claim=OuterRef("pk"), state=VersionState.APPROVED, withdrawn_at__isnull=True
    )
    return (
        Claim.objects.filter(Exists(live), status=ClaimStatus.PUBLISHED)
        .select_related("article", "source")
        .defer("article__text", "article__raw_html")
        # A claim published before publication times were kept has none.
        .annotate(review_date=Coalesce("published_at", "updated_at"))
    )


def records_by_claim(claims) -> dict[int, PublicRecord]:
    """The public records of a page of claims, in a fixed number of queries."""
    ids = [claim.pk for claim in claims]
    return {record.claim_id: record for record in public_records(Claim.objects.filter(pk__in=ids))}


def fact_check_record(claim: Claim, request=None, record: PublicRecord | None = None) -> dict:
    """A fact-check as integrators see it: its public record, the version two
    people approved, never the working copy."""
    record = record if record is not None else public_record(claim)
    article = claim.article
    language = article.language
    same_source = claim.source_id and claim.source_text == record.source_text
    claimant = claim.source.name if same_source else (record.source_text or None)
    if record.source_kind == "author":
        claimant = article.author or article.outlet or claimant
    return {
        "id": claim.pk,
        "text": record.content,
        "claimant": claimant or None,
        "claimDate": iso_utc(article.published_at),
        "languageCode": language,
        "claimReview": [
            {
                "publisher": publisher(),
                "url": exports.claim_public_url(claim, request),
                "title": record.content,
                "reviewDate": iso_utc(record.published_at or claim.updated_at),
                "textualRating": record.verdict.label_for(language),
                "languageCode": language,
            }
        ],
        "verdict": record.verdict.slug,
        "ratingValue": record.verdict.value,
        "rationale": record.rationale,
        "sourceKind": record.source_kind,
        "appearance": {
            "url": article.url or None,
            "headline": article.title or None,
            "outlet": article.outlet or None,
            "datePublished": iso_utc(article.published_at),
        },
        "dateModified": iso_utc(record.modified_at or record.published_at),
    }


def publisher() -> dict:
    site = (
        urlsplit(settings.FACTCHECK_PUBLISHER_URL).hostname
        if settings.FACTCHECK_PUBLISHER_URL
        else None
    )
    return {"name": settings.FACTCHECK_PUBLISHER_NAME, "site": site}


# --- The search's parameters and answer (the answer's serializers document it).


class SearchParameters(serializers.Serializer):
    query = serializers.CharField(
        required=False, max_length=500, help_text="Words in the claim, its claimant or rationale."
    )
    languageCode = serializers.RegexField(  # noqa: N815 - Google's parameter name
        r"^(it|en|IT|EN)(-[A-Za-z0-9]{1,8})*$",
        required=False,
        max_length=35,
        help_text="BCP-47 language of the fact-check, e.g. it, en, it-IT.",
    )
    reviewPublisherSiteFilter = serializers.CharField(  # noqa: N815
        required=False,
        max_length=253,
        help_text="Only fact-checks published by this site (the desk's own, or none).",
    )
    maxAgeDays = serializers.IntegerField(  # noqa: N815
        required=False,
        min_value=1,
        max_value=36_500,
        help_text="Published at most this many days ago.",
    )
    pageSize = serializers.IntegerField(  # noqa: N815
        required=False, min_value=1, max_value=100, default=10
    )
    pageToken = serializers.CharField(  # noqa: N815
        required=False, max_length=200, help_text="`nextPageToken` of the previous page."
    )
    claimant = serializers.CharField(
        required=False, max_length=300, help_text="Words in the name of who made the claim."
    )

    def validate_languageCode(self, value):  # noqa: N802
        primary = value.split("-")[0].lower()
        if primary not in Language.values:
            raise serializers.ValidationError(
                _("Fact-checks are in %(langs)s.") % {"langs": ", ".join(Language.values)}
            )
        return primary

    def validate_pageToken(self, value):  # noqa: N802
        try:
            published, pk = base64.urlsafe_b64decode(value.encode() + b"==").decode().split("|")
            return datetime.datetime.fromisoformat(published), int(pk)
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise serializers.ValidationError(_("Not a page token this API gave.")) from None


class PublisherSerializer(serializers.Serializer):
    name = serializers.CharField()
    site = serializers.CharField(allow_null=True)


class ClaimReviewSerializer(serializers.Serializer):
    publisher = PublisherSerializer()
    url = serializers.CharField(help_text="The fact-check's public page.")
    title = serializers.CharField()
    reviewDate = serializers.DateTimeField()  # noqa: N815
    textualRating = serializers.CharField()  # noqa: N815
    languageCode = serializers.ChoiceField(choices=Language.choices)  # noqa: N815


class AppearanceSerializer(serializers.Serializer):
    url = serializers.CharField(allow_null=True)
    headline = serializers.CharField(allow_null=True)
    outlet = serializers.CharField(allow_null=True)
    datePublished = serializers.DateTimeField(allow_null=True)  # noqa: N815


class FactCheckSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    claimant = serializers.CharField(allow_null=True)
    claimDate = serializers.DateTimeField(allow_null=True)  # noqa: N815
    languageCode = serializers.ChoiceField(choices=Language.choices)  # noqa: N815
    claimReview = ClaimReviewSerializer(many=True)  # noqa: N815
    verdict = serializers.CharField(help_text="The rating's slug (see /api/ratings/).")
    ratingValue = serializers.IntegerField()  # noqa: N815
    rationale = serializers.CharField(allow_blank=True)
    sourceKind = serializers.CharField()  # noqa: N815
    appearance = AppearanceSerializer()
    dateModified = serializers.DateTimeField()  # noqa: N815


class SearchResultSerializer(serializers.Serializer):
    claims = FactCheckSerializer(many=True)
    nextPageToken = serializers.CharField(  # noqa: N815
        allow_null=True, help_text="Pass as pageToken for the next page; null on the last."
    )


def _search(params: dict):
    queryset = published_fact_checks()
    for word in (params.get("query") or "").split()[:10]:
        queryset = queryset.filter(
            Q(content__icontains=word)
            | Q(source__name__icontains=word)
            | Q(source_text__icontains=word)
            | Q(rationale__icontains=word)
        )
    for word in (params.get("claimant") or "").split()[:10]:
        queryset = queryset.filter(Q(source__name__icontains=word) | Q(source_text__icontains=word))
    if params.get("languageCode"):
        queryset = queryset.filter(article__language=params["languageCode"])
    if params.get("maxAgeDays"):
        since = timezone.now() - datetime.timedelta(days=params["maxAgeDays"])
        queryset = queryset.filter(review_date__gte=since)
    site = (params.get("reviewPublisherSiteFilter") or "").lower().removeprefix("www.")
    own = (publisher()["site"] or "").lower().removeprefix("www.")
    if site and site != own:
        queryset = queryset.none()
    if params.get("pageToken"):
        published, pk = params["pageToken"]
        queryset = queryset.filter(
            Q(review_date__lt=published) | Q(review_date=published, pk__lt=pk)
        )
    return queryset.order_by("-review_date", "-pk")


def _page_token(claim: Claim) -> str:
    raw = f"{claim.review_date.astimezone(datetime.UTC).isoformat()}|{claim.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="An invalid or unknown parameter."),
    401: OpenApiResponse(ErrorSerializer, description="Not authenticated (API not public)."),
    403: OpenApiResponse(ErrorSerializer, description="No permission to read fact-checks."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: see Retry-After."),
}


def _refuse_unknown(request, known) -> None:
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        raise ValidationError(
            {name: [_("Unknown parameter. Known: %s.") % ", ".join(known)] for name in unknown}
        )


@extend_schema(
    operation_id="api_published_search",
    summary="Search published fact-checks",
    description=(
        "Shaped like Google's Fact Check Tools `claims:search`. Newest first; "
        "page with `nextPageToken`. Unknown parameters are refused."
    ),
    parameters=[SearchParameters],
    responses={200: SearchResultSerializer, **ERRORS},
)
@api_view(["GET"])
@permission_classes([PublishedReader])
def published_search(request):
    _refuse_unknown(request, SearchParameters().fields)
    # A plain dict: DRF would skip an empty `?query=` from a QueryDict.
    params = SearchParameters(data=request.query_params.dict())
    params.is_valid(raise_exception=True)
    size = params.validated_data["pageSize"]
    rows = list(_search(params.validated_data)[: size + 1])
    next_token = _page_token(rows[size - 1]) if len(rows) > size else None
    records = records_by_claim(rows[:size])
    return Response(
        {
            "claims": [
                fact_check_record(claim, request, records[claim.pk]) for claim in rows[:size]
            ],
            "nextPageToken": next_token,
        }
    )


@extend_schema(
    operation_id="api_published_retrieve",
    summary="One published fact-check",
    responses={
        200: FactCheckSerializer,
        304: OpenApiResponse(description="Not modified since the ETag you sent."),
        **ERRORS,
        404: OpenApiResponse(ErrorSerializer, description="No published fact-check with this id."),
    },
)
@api_view(["GET"])
@permission_classes([PublishedReader])
def published_detail(request, pk: int):
    _refuse_unknown(request, ())
    claim = get_object_or_404(published_fact_checks(), pk=pk)
    return Response(fact_check_record(claim, request))
