"""Webhook endpoints through the API: /api/webhooks/ (admin role)."""

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims.api.serializers import ErrorSerializer, StrictFieldsMixin
from claims.webhooks import services
from claims.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent


class WebhookEndpointSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices))

    class Meta:
        model = WebhookEndpoint
        fields = ["id", "url", "events", "active", "description", "created_at"]
        read_only_fields = fields


class WebhookCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    url = serializers.CharField(max_length=2000, help_text="http(s) address that receives POSTs.")
    secret = serializers.CharField(
        min_length=services.MIN_SECRET_LENGTH,
        max_length=200,
        write_only=True,
        help_text="Deliveries are signed with it (X-Factcheck-Signature).",
    )
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices), min_length=1
    )
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event_id",
            "event",
            "state",
            "response_code",
            "attempts",
            "last_error",
            "created_at",
            "last_attempt_at",
            "delivered_at",
        ]
        read_only_fields = fields


def _errors(*codes):
    descriptions = {
        400: "Invalid input or refused.",
        401: "Not authenticated.",
        403: "Only the admin role manages webhooks.",
        404: "Not found.",
        413: "The request body is too large.",
        429: "Too many requests: see Retry-After.",
    }
    return {
        code: OpenApiResponse(ErrorSerializer, description=descriptions[code]) for code in codes
    }


@extend_schema_view(
    list=extend_schema(
        summary="Webhook endpoints",
        responses={200: WebhookEndpointSerializer(many=True), **_errors(401, 403, 404, 429)},
    ),
    retrieve=extend_schema(
        summary="A webhook endpoint",
        responses={200: WebhookEndpointSerializer, **_errors(401, 403, 404, 429)},
    ),
)
class WebhookViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = WebhookEndpoint.objects.order_by("id")
    serializer_class = WebhookEndpointSerializer
    required_perms = {
        "list": ["claims.view_webhookendpoint"],
        "retrieve": ["claims.view_webhookendpoint"],
        "create": ["claims.add_webhookendpoint"],
        "deliveries": ["claims.view_webhookendpoint", "claims.view_webhookdelivery"],
        "metadata": ["claims.view_webhookendpoint"],
    }

    def get_serializer_class(self):
        return WebhookCreateSerializer if self.action == "create" else WebhookEndpointSerializer

    @extend_schema(
        summary="Register a webhook endpoint (admin role)",
        description=(
            "Events are POSTed as JSON `{id, event, created, data}`, signed in "
            '`X-Factcheck-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.'
        ),
        request=WebhookCreateSerializer,
        responses={201: WebhookEndpointSerializer, **_errors(400, 401, 403, 413, 429)},
    )
    def create(self, request):
        data = WebhookCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = services.webhook_register(user=request.user, **data.validated_data)
        location = request.build_absolute_uri(reverse("api:webhook-detail", args=[endpoint.pk]))
        return Response(
            WebhookEndpointSerializer(endpoint).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": location},
        )

    @extend_schema(
        summary="The endpoint's delivery log, newest first",
        filters=False,
        responses={200: WebhookDeliverySerializer(many=True), **_errors(401, 403, 404, 429)},
    )
    @action(detail=True, methods=["get"])
    def deliveries(self, request, pk=None):
        endpoint = self.get_object()
        page = self.paginate_queryset(endpoint.deliveries.order_by("-created_at", "-id"))
        return self.get_paginated_response(WebhookDeliverySerializer(page, many=True).data)
