"""The API's endpoints. Each one parses, calls a service or a read, and
renders; the rules are in claims/services and the permissions in the roles."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import services
from claims.api import filters, serializers
from claims.api.errors import PreconditionFailed, PreconditionRequired
from claims.exceptions import EditConflict
from claims.ingest import services as ingest_services
from claims.models import Rating
from claims.services import publication

ERRORS = {
    400: OpenApiResponse(serializers.ErrorSerializer, description="Invalid input or refused."),
    401: OpenApiResponse(serializers.ErrorSerializer, description="Not authenticated."),
    403: OpenApiResponse(serializers.ErrorSerializer, description="The role does not allow it."),
    404: OpenApiResponse(serializers.ErrorSerializer, description="Not found."),
}
READ_ERRORS = {code: ERRORS[code] for code in (401, 403, 404)}


# An action that takes the version the client read answers 409 when it is stale.
STALE_VERSION = {
    409: OpenApiResponse(serializers.ConflictSerializer, description="Stale version."),
}


def _with_errors(response, *codes, extra=None):
    result = {200: response} if not isinstance(response, dict) else dict(response)
    result.update({code: ERRORS[code] for code in codes})
    result.update(extra or {})
    return result


@extend_schema_view(
    list=extend_schema(
        summary="List articles",
        responses=_with_errors(serializers.ArticleSerializer(many=True), 400, 401, 403),
    ),
    retrieve=extend_schema(
        summary="An article with its claims and extraction state",
        responses=_with_errors(serializers.ArticleDetailSerializer, 401, 403, 404),
    ),
)
class ArticleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.ArticleFilter
    required_perms = {
        "list": ["claims.view_article"],
        "retrieve": ["claims.view_article"],
        "create": ["claims.add_article"],
        # Retrying is submitting the same text again: whoever may submit may retry.
        "retry": ["claims.add_article", "claims.view_article"],
        "metadata": ["claims.view_article"],
    }

    @property
    def throttle_scope(self):
        return "article_submit" if self.action in ("create", "retry") else None

    def get_queryset(self):
        if self.action == "retrieve":
            return filters.article_list_queryset().defer(None)
        return filters.article_list_queryset()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        if self.action == "create":
            return serializers.ArticleCreateSerializer
        return serializers.ArticleSerializer

    @extend_schema(
        summary="Submit an article's text",
        description=(
            "Stores the article and queues its extraction. The same text submitted "
            "again returns the existing article with 200 instead of 201."
        ),
        request=serializers.ArticleCreateSerializer,
        responses=_with_errors(
            {
                201: serializers.ArticleDetailSerializer,
                200: serializers.ArticleDetailSerializer,
            },
            400,
            401,
            403,
        ),
    )
    def create(self, request):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        if not fields.get("text", "").strip() and fields.get("url", "").strip():
            # A link alone: the worker fetches the page (see claims/ingest).
            result = ingest_services.article_submit_url(
                url=fields["url"],
                submitted_by=request.user,
                language=fields.get("language") or None,
                title=fields.get("title", ""),
            )
        else:
            result = services.article_submit(submitted_by=request.user, **fields)
        article = filters.article_list_queryset().defer(None).get(pk=result.article.pk)
        body = serializers.ArticleDetailSerializer(article, context=self.get_serializer_context())
        if not result.created:
            return Response(body.data)
        return Response(body.data, status=status.HTTP_201_CREATED, headers=_location(body.data))

    @extend_schema(
        summary="Extract a failed (or finished) article again",
        request=None,
        responses=_with_errors(serializers.ArticleSerializer, 400, 401, 403, 404),
    )
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        article = self.get_object()
        if article.canonical_url and not article.content_hash:
            ingest_services.article_retry_fetch(article=article)  # its page never arrived
        else:
            services.article_retry_extraction(article=article)
        article = self.get_queryset().get(pk=article.pk)
        return Response(serializers.ArticleSerializer(article, context={"request": request}).data)


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        'The ETag (version) you read, e.g. "3", instead of the `version` field; '
        "`*` changes the claim whatever its version."
    ),
)


@extend_schema_view(
    list=extend_schema(
        summary="List claims",
        responses=_with_errors(serializers.ClaimSerializer(many=True), 400, 401, 403),
    ),
    retrieve=extend_schema(
        summary="A claim (its ETag is its version)",
        responses=_with_errors(serializers.ClaimDetailSerializer, 401, 403, 404),
    ),
)
class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.ClaimFilter
    required_perms = {
        "list": ["claims.view_claim"],
        "retrieve": ["claims.view_claim"],
        # Every role that reviews has set_verdict; the services check the finer rules.
        "partial_update": ["claims.view_claim", "claims.set_verdict"],
        "comments": ["claims.view_comment"],
        "add_comment": ["claims.view_claim", "claims.add_comment"],
        "evidence": ["claims.view_evidence"],
        "add_evidence": ["claims.view_claim", "claims.add_evidence"],
        "history": ["claims.view_claimevent"],
        "approve": ["claims.view_claim", "claims.publish_claim"],
        "withdraw": ["claims.view_claim", "claims.withdraw_claim"],
        "metadata": ["claims.view_claim"],
    }

    def get_queryset(self):
        # Newest first by default (the primary key's index); `ordering` changes it.
        return filters.claim_list_queryset().order_by("-id")

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.ClaimSerializer
        if self.action == "partial_update":
            return serializers.ClaimUpdateSerializer
        return serializers.ClaimDetailSerializer

    def retrieve(self, request, *args, **kwargs):
        claim = self.get_object()
        response = Response(
            serializers.ClaimDetailSerializer(claim, context=self.get_serializer_context()).data
        )
        response["ETag"] = f'"{claim.version}"'
        return response

    @extend_schema(
        summary="Change a claim's attribution, verdict, assignee or state",
        description=(
            "Send only the fields to change, plus the `version` you read (or an "
            "If-Match header with the ETag). If someone saved the claim since, the "
            "answer is 409 with the claim's current state: review it and send again."
        ),
        parameters=[IF_MATCH],
        request=serializers.ClaimUpdateSerializer,
        responses=_with_errors(
            serializers.ClaimDetailSerializer,
            400,
            401,
            403,
            404,
            extra={
                409: OpenApiResponse(serializers.ConflictSerializer, description="Stale version."),
                412: OpenApiResponse(
                    serializers.ConflictSerializer, description="Stale version in If-Match."
                ),
                428: OpenApiResponse(serializers.ErrorSerializer, description="No version sent."),
            },
        ),
    )
    def partial_update(self, request, pk=None):
        claim = self.get_object()
        data = serializers.ClaimUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version", None)
        from_header = version is None
        if from_header:
            version = _if_match_version(request)
        if version == IF_MATCH_ANY:
            version = claim.version  # If-Match: * asks only that the claim exists
        if version is None:
            raise PreconditionRequired()
        try:
            claim = services.claim_update(
                claim=claim, user=request.user, expected_version=version, changes=changes
            )
        except EditConflict as conflict:
            if from_header:
                raise PreconditionFailed.of(conflict) from None
            raise
        claim = self.get_queryset().get(pk=claim.pk)
        response = Response(
            serializers.ClaimDetailSerializer(claim, context=self.get_serializer_context()).data
        )
        response["ETag"] = f'"{claim.version}"'
        return response

    def _claim_response(self, claim):
        claim = self.get_queryset().get(pk=claim.pk)
        response = Response(
            serializers.ClaimDetailSerializer(claim, context=self.get_serializer_context()).data
        )
        response["ETag"] = f'"{claim.version}"'
        return response

    @extend_schema(
        summary="Approve the claim's pending version (publish it, or its correction)",
        description=(
            "Publishes a claim in review, or makes a published claim's pending "
            "correction public. Refused (400) to anyone who wrote part of it."
        ),
        request=serializers.ApproveSerializer,
        responses=_with_errors(
            serializers.ClaimDetailSerializer, 400, 401, 403, 404, extra=STALE_VERSION
        ),
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        claim = self.get_object()
        data = serializers.ApproveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        claim = publication.claim_approve(
            claim=claim,
            user=request.user,
            expected_version=data.validated_data.get("version"),
            note=data.validated_data.get("note", ""),
        )
        return self._claim_response(claim)

    @extend_schema(
        summary="Withdraw a published fact-check, with a public reason",
        request=serializers.WithdrawSerializer,
        responses=_with_errors(
            serializers.ClaimDetailSerializer, 400, 401, 403, 404, extra=STALE_VERSION
        ),
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        claim = self.get_object()
        data = serializers.WithdrawSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        claim = publication.claim_withdraw(
            claim=claim,
            user=request.user,
            expected_version=data.validated_data.get("version"),
            reason=data.validated_data["reason"],
        )
        return self._claim_response(claim)

    @extend_schema(
        summary="Comments on a claim",
        filters=False,
        responses=_with_errors(serializers.CommentSerializer(many=True), 401, 403, 404),
    )
    @action(detail=True, methods=["get"])
    def comments(self, request, pk=None):
        claim = self.get_object()
        page = self.paginate_queryset(claim.comments.select_related("author"))
        return self.get_paginated_response(serializers.CommentSerializer(page, many=True).data)

    @extend_schema(
        summary="Comment on a claim",
        request=serializers.CommentCreateSerializer,
        responses=_with_errors({201: serializers.CommentSerializer}, 400, 401, 403, 404),
    )
    @comments.mapping.post
    def add_comment(self, request, pk=None):
        claim = self.get_object()
        data = serializers.CommentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = services.claim_add_comment(claim=claim, user=request.user, **data.validated_data)
        # A comment has no address of its own: Location is the claim's comments.
        return Response(
            serializers.CommentSerializer(comment).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(request.path)},
        )

    @extend_schema(
        summary="Evidence for a claim",
        filters=False,
        responses=_with_errors(serializers.EvidenceSerializer(many=True), 401, 403, 404),
    )
    @action(detail=True, methods=["get"])
    def evidence(self, request, pk=None):
        claim = self.get_object()
        page = self.paginate_queryset(claim.evidence.select_related("added_by"))
        return self.get_paginated_response(serializers.EvidenceSerializer(page, many=True).data)

    @extend_schema(
        summary="Add evidence (a link) to a claim",
        request=serializers.EvidenceCreateSerializer,
        responses=_with_errors({201: serializers.EvidenceSerializer}, 400, 401, 403, 404),
    )
    @evidence.mapping.post
    def add_evidence(self, request, pk=None):
        claim = self.get_object()
        data = serializers.EvidenceCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        evidence = services.claim_add_evidence(
            claim=claim, user=request.user, **data.validated_data
        )
        return Response(
            serializers.EvidenceSerializer(evidence).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(request.path)},
        )

    @extend_schema(
        summary="A claim's audit trail, newest first",
        filters=False,
        responses=_with_errors(serializers.ClaimEventSerializer(many=True), 401, 403, 404),
    )
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        claim = self.get_object()
        page = self.paginate_queryset(claim.events.select_related("actor"))
        return self.get_paginated_response(serializers.ClaimEventSerializer(page, many=True).data)


IF_MATCH_ANY = "*"


def _location(data) -> dict:
    return {"Location": data["url"]} if data.get("url") else {}


def _if_match_version(request) -> int | str | None:
    header = request.headers.get("If-Match", "").strip()
    if not header:
        return None
    if header == IF_MATCH_ANY:
        return IF_MATCH_ANY
    value = header.split(",")[0].strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    try:
        return int(value)
    except ValueError:
        from rest_framework.exceptions import ValidationError

        raise ValidationError({"If-Match": [_('Expected the ETag you read, e.g. "3".')]}) from None


@extend_schema_view(
    list=extend_schema(
        summary="List sources",
        responses=_with_errors(serializers.SourceSerializer(many=True), 400, 401, 403),
    ),
)
class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.SourceFilter
    required_perms = {
        "list": ["claims.view_source"],
        "retrieve": ["claims.view_source", "claims.view_claim"],
        "metadata": ["claims.view_source"],
    }
    recent_claims = 50

    def get_queryset(self):
        return filters.source_list_queryset()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.SourceDetailSerializer
        return serializers.SourceSerializer

    @extend_schema(
        summary="A source with its scorecard and latest claims",
        description=(
            "`recent_claims` holds the latest 50; `claims_url` lists them all "
            "(with the claim list's filters)."
        ),
        responses=_with_errors(serializers.SourceDetailSerializer, 401, 403, 404),
    )
    def retrieve(self, request, pk=None):
        source = self.get_object()
        source.scorecard = filters.source_scorecard(source)
        source.recent_claims = (
            filters.claim_list_queryset()
            .filter(source=source)
            .order_by("-created_at", "-id")[: self.recent_claims]
        )
        source.claims_url = request.build_absolute_uri(
            reverse("api:claim-list") + f"?source={source.pk}"
        )
        return Response(
            serializers.SourceDetailSerializer(source, context=self.get_serializer_context()).data
        )


@extend_schema_view(
    list=extend_schema(
        summary="The verdict scale",
        responses=_with_errors(serializers.RatingSerializer(many=True), 401, 403),
    ),
    retrieve=extend_schema(
        summary="One rating", responses=_with_errors(serializers.RatingSerializer, 401, 403, 404)
    ),
)
class RatingViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Rating.objects.order_by("position")
    serializer_class = serializers.RatingSerializer
    lookup_field = "slug"
    pagination_class = None
    required_perms = {
        "list": ["claims.view_rating"],
        "retrieve": ["claims.view_rating"],
        "metadata": ["claims.view_rating"],
    }
