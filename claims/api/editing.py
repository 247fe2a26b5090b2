"""The API's side of editors owning the claims: POST /api/claims/, PATCH with
span fields and "not_a_claim", split and merge. The rules are in
claims/services/editing.py; a refusal names the field it is about."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from claims.api import filters
from claims.api.errors import PreconditionFailed, PreconditionRequired
from claims.api.serializers import (
    ClaimDetailSerializer,
    ClaimUpdateSerializer,
    ConflictSerializer,
    ErrorSerializer,
    StrictFieldsMixin,
)
from claims.api.views import (
    IF_MATCH,
    IF_MATCH_ANY,
    ClaimViewSet,
    _if_match_version,
    _with_errors,
)
from claims.exceptions import EditConflict
from claims.models import Article, QuoteType, Source, SourceKind
from claims.services import editing

SPAN_HELP = "Character offset into the article's text, [start, end); null clears the span."


# The database column's limit; no article is this long (FACTCHECK_MAX_ARTICLE_CHARS).
MAX_OFFSET = 2_147_483_647


def _offset(**kwargs):
    return serializers.IntegerField(
        min_value=0,
        max_value=MAX_OFFSET,
        required=False,
        allow_null=True,
        help_text=SPAN_HELP,
        **kwargs,
    )


class SpanFieldsMixin(serializers.Serializer):
    content_start = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, required=False, help_text=SPAN_HELP
    )
    content_end = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, required=False, help_text=SPAN_HELP
    )
    source_start = _offset()
    source_end = _offset()
    cue_start = _offset()
    cue_end = _offset()
    channel_start = _offset()
    channel_end = _offset()
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(),
        required=False,
        allow_null=True,
        help_text="A known source's id (from /api/sources/), instead of typing its name.",
    )


class ClaimCreateSerializer(StrictFieldsMixin, SpanFieldsMixin):
    """A claim the extractor missed. `source_text`, `cue_text` and `channel_text`
    may be typed instead of offsets: the words are then found in the text."""

    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.only("id"))
    content_start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, help_text=SPAN_HELP)
    content_end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, help_text=SPAN_HELP)
    source_text = serializers.CharField(max_length=500, allow_blank=True, required=False)
    cue_text = serializers.CharField(max_length=300, allow_blank=True, required=False)
    channel_text = serializers.CharField(max_length=300, allow_blank=True, required=False)
    source_kind = serializers.ChoiceField(choices=SourceKind.choices, required=False)
    quote_type = serializers.ChoiceField(choices=QuoteType.choices, required=False)
    hedged = serializers.BooleanField(required=False)


class ClaimEditSerializer(SpanFieldsMixin, ClaimUpdateSerializer):
    """A PATCH of a claim: the fields of ClaimUpdateSerializer plus the span offsets.
    `{"status": "not_a_claim"}` marks an extraction error."""


class SplitSerializer(StrictFieldsMixin, serializers.Serializer):
    at = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, help_text="Offset in the article's text."
    )
    version = serializers.IntegerField(min_value=1, required=False)


class MergeSerializer(StrictFieldsMixin, serializers.Serializer):
    other = serializers.IntegerField(
        min_value=1, max_value=MAX_OFFSET, help_text="The adjacent claim's id."
    )
    version = serializers.IntegerField(min_value=1, required=False)


class SplitResultSerializer(serializers.Serializer):
    first = ClaimDetailSerializer()
    second = ClaimDetailSerializer()


def _refused(exc: editing.SpanRefused) -> ValidationError:
    return ValidationError({exc.field: [exc.message]})


STATUS_CODES = _with_errors(
    ClaimDetailSerializer,
    400,
    401,
    403,
    404,
    extra={
        409: OpenApiResponse(ConflictSerializer, description="Stale version."),
        412: OpenApiResponse(ConflictSerializer, description="Stale version in If-Match."),
        428: OpenApiResponse(ErrorSerializer, description="No version sent."),
    },
)


class EditableClaimViewSet(ClaimViewSet):
    """ClaimViewSet, plus the actions that reshape a claim's extraction."""

    required_perms = {
        **ClaimViewSet.required_perms,
        "create": ["claims.view_claim", "claims.correct_attribution"],
        "split": ["claims.view_claim", "claims.correct_attribution"],
        "merge": ["claims.view_claim", "claims.correct_attribution"],
    }

    def get_serializer_class(self):
        if self.action == "create":
            return ClaimCreateSerializer
        if self.action == "partial_update":
            return ClaimEditSerializer
        if self.action == "split":
            return SplitSerializer
        if self.action == "merge":
            return MergeSerializer
        return super().get_serializer_class()

    def _answer(self, claim, code=status.HTTP_200_OK):
        claim = self.get_queryset().get(pk=claim.pk)
        response = Response(
            ClaimDetailSerializer(claim, context=self.get_serializer_context()).data, status=code
        )
        response["ETag"] = f'"{claim.version}"'
        return response

    def _version(self, request, data, claim=None) -> int:
        version = data.pop("version", None)
        if version is None:
            version = _if_match_version(request)
        if version == IF_MATCH_ANY:
            # If-Match: * asks only that the claim exists.
            version = claim.version if claim is not None else None
        if version is None:
            raise PreconditionRequired()
        return version

    @extend_schema(
        summary="Add a claim the extractor missed",
        description=(
            "Give the article and the claim's content offsets; optionally the source, "
            "cue and channel as offsets or typed words, and the attribution values."
        ),
        request=ClaimCreateSerializer,
        responses=_with_errors({201: ClaimDetailSerializer}, 400, 401, 403),
    )
    def create(self, request):
        data = ClaimCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        article = values.pop("article")
        try:
            claim = editing.claim_add(article=article, user=request.user, **values)
        except editing.SpanRefused as exc:
            raise _refused(exc) from None
        return self._answer(claim, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Change a claim: spans, attribution, verdict, assignee or state",
        description=(
            "Send only the fields to change, plus the `version` you read (or an If-Match "
            "header). Span offsets (`content_start`, `source_end`, ...) re-cut the claim; "
            '`{"status": "not_a_claim"}` marks an extraction error. A stale version is '
            "answered with 409 and the claim's current state."
        ),
        parameters=[IF_MATCH],
        request=ClaimEditSerializer,
        responses=STATUS_CODES,
    )
    def partial_update(self, request, pk=None):
        claim = self.get_object()
        data = ClaimEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        from_header = "version" not in changes
        version = self._version(request, changes, claim)
        try:
            claim = editing.claim_edit(
                claim=claim, user=request.user, expected_version=version, changes=changes
            )
        except editing.SpanRefused as exc:
            raise _refused(exc) from None
        except EditConflict as conflict:
            # A failed precondition given in the header is 412; a stale `version` field 409.
            if from_header:
                raise PreconditionFailed.of(conflict) from None
            raise
        return self._answer(claim)

    @extend_schema(
        summary="Split a claim in two at an offset",
        parameters=[IF_MATCH],
        request=SplitSerializer,
        responses=_with_errors(
            {201: SplitResultSerializer},
            400,
            401,
            403,
            404,
            extra={k: v for k, v in STATUS_CODES.items() if k in (409, 428)},
        ),
    )
    @action(detail=True, methods=["post"])
    def split(self, request, pk=None):
        claim = self.get_object()
        data = SplitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        version = self._version(request, values)
        try:
            first, second = editing.claim_split(
                claim=claim, user=request.user, expected_version=version, at=values["at"]
            )
        except editing.SpanRefused as exc:
            raise _refused(exc) from None
        context = self.get_serializer_context()
        rows = filters.claim_list_queryset().in_bulk([first.pk, second.pk])
        return Response(
            {
                "first": ClaimDetailSerializer(rows[first.pk], context=context).data,
                "second": ClaimDetailSerializer(rows[second.pk], context=context).data,
            },
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Merge a claim with the adjacent one",
        description="The earlier claim stays and spans both; the other one is removed.",
        parameters=[IF_MATCH],
        request=MergeSerializer,
        responses=STATUS_CODES,
    )
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        claim = self.get_object()
        data = MergeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        version = self._version(request, values)
        try:
            kept = editing.claim_merge(
                claim=claim, other=values["other"], user=request.user, expected_version=version
            )
        except editing.SpanRefused as exc:
            raise _refused(exc) from None
        return self._answer(kept)
