"""Download endpoints under /exports/: DRF views so that tokens, sessions,
roles, throttling and JSON errors work as in the API, answering with a
streamed file. The claim list's filters are the query parameters."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.plumbing import build_array_type, build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import exports
from claims.api.filters import ClaimFilter, StrictBooleanField
from claims.api.published import PublishedReader
from claims.api.serializers import ErrorSerializer
from claims.models import Claim
from claims.public_record import public_record


class AnyAcceptNegotiation(BaseContentNegotiation):
    """A file download answers `Accept: text/csv` too; errors are rendered as JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


ERRORS = {
    code: OpenApiResponse(ErrorSerializer, description=description)
    for code, description in (
        (400, "An invalid filter, or an unknown parameter."),
        (401, "Not authenticated."),
        (403, "Only the admin role exports (the ClaimReview feed: the integration role too)."),
        (429, "Too many requests: see Retry-After."),
    )
}
# The JSON exports are arrays of objects (streamed), not one object.
ARRAY_OF_OBJECTS = build_array_type(build_basic_type(OpenApiTypes.OBJECT))


class ExportView(APIView):
    content_negotiation_class = AnyAcceptNegotiation
    # Documented with the claim list's own filter parameters (types and enums).
    filter_backends = [DjangoFilterBackend]
    queryset = Claim.objects.none()
    required_perms = {"get": ["claims.export_claims"], "head": ["claims.export_claims"]}
    filterset_class = ClaimFilter
    throttle_scope = "export"

    # Parameters an export takes besides the claim list's filters.
    extra_parameters: tuple[str, ...] = ()

    def filtered_claims(self, request):
        # A typo (`stauts=published`) would otherwise export everything.
        known = [*ClaimFilter.base_filters, *self.extra_parameters]
        unknown = sorted(set(request.query_params) - set(known))
        if unknown:
            from rest_framework.exceptions import ValidationError

            raise ValidationError(
                {name: [_("Unknown parameter. Known: %s.") % ", ".join(known)] for name in unknown}
            )
        filterset = ClaimFilter(request.query_params, queryset=Claim.objects.all(), request=request)
        if not filterset.is_valid():
            from rest_framework.exceptions import ValidationError

            raise ValidationError(filterset.errors)
        return filterset.qs

    @staticmethod
    def stamp(name: str, extension: str) -> str:
        return f"{name}-{timezone.localtime():%Y%m%d-%H%M}.{extension}"


class ClaimsCsvExport(ExportView):
    extra_parameters = ("raw",)

    @extend_schema(
        summary="Claims as CSV (admin role)",
        filters=True,
        parameters=[
            OpenApiParameter(
                "raw", OpenApiTypes.BOOL, OpenApiParameter.QUERY, description="true, false, 1 or 0"
            ),
        ],
        description=(
            "Streamed. Query parameters: the claim list's filters. Text cells that a "
            "spreadsheet would run as a formula (starting with = + - @) get a leading "
            "apostrophe unless `raw=true`."
        ),
        responses={(200, "text/csv"): OpenApiTypes.STR, **ERRORS},
    )
    def get(self, request):
        raw = _raw_parameter(request)
        return exports.claims_csv_response(
            self.filtered_claims(request),
            filename=self.stamp("claims", "csv"),
            spreadsheet_safe=not raw,
        )


class ClaimsJsonExport(ExportView):
    @extend_schema(
        summary="Claims as a JSON array (admin role)",
        filters=True,
        description="Streamed. Query parameters: the claim list's filters.",
        responses={(200, "application/json"): ARRAY_OF_OBJECTS, **ERRORS},
    )
    def get(self, request):
        return exports.claims_json_response(
            self.filtered_claims(request), filename=self.stamp("claims", "json")
        )


class ClaimReviewExport(ExportView):
    # The feed of published fact-checks: integrators read it like /api/published/.
    permission_classes = [PublishedReader]

    @extend_schema(
        summary="Published claims as schema.org ClaimReview JSON-LD (admin role)",
        filters=True,
        description="A JSON-LD array of ClaimReview nodes; the claim list's filters apply.",
        responses={(200, "application/ld+json"): ARRAY_OF_OBJECTS, **ERRORS},
    )
    def get(self, request):
        return exports.claimreview_response(
            self.filtered_claims(request), request, filename=self.stamp("claimreview", "jsonld")
        )


class ClaimReviewDetail(ExportView):
    throttle_scope = None
    permission_classes = [PublishedReader]

    @extend_schema(
        summary="One published claim as schema.org ClaimReview (admin role)",
        responses={
            (200, "application/ld+json"): OpenApiTypes.OBJECT,
            **ERRORS,
            404: OpenApiResponse(ErrorSerializer, description="No such published claim."),
        },
    )
    def get(self, request, pk: int):
        claim = get_object_or_404(
            Claim.objects.select_related("article", "source").defer("article__text"), pk=pk
        )
        record = public_record(claim)
        if record is None:
            raise Http404
        # A withdrawn fact-check still answers here, saying it was withdrawn.
        review = exports.claim_review(claim, request=request, record=record)
        response = Response(review, content_type="application/ld+json")
        response["Content-Disposition"] = f'inline; filename="claimreview-{claim.pk}.jsonld"'
        return response


def _raw_parameter(request) -> bool:
    from django.core.exceptions import ValidationError as FormError
    from rest_framework.exceptions import ValidationError

    try:
        return bool(StrictBooleanField(required=False).clean(request.query_params.get("raw")))
    except FormError as exc:
        raise ValidationError({"raw": exc.messages}) from None
