"""The REST API under /api/: see claims/api/views.py and /api/docs/."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import APIRootView, DefaultRouter

from claims.api import published, views, webhooks
from claims.api.editing import EditableClaimViewSet
from claims.api.errors import api_not_found

app_name = "api"


class Root(APIRootView):
    """The API's entry points; /api/docs/ describes them."""

    permission_classes = [IsAuthenticated]


class Router(DefaultRouter):
    APIRootView = Root


router = Router(trailing_slash=True)
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", EditableClaimViewSet, basename="claim")
router.register("sources", views.SourceViewSet, basename="source")
router.register("ratings", views.RatingViewSet, basename="rating")
router.register("webhooks", webhooks.WebhookViewSet, basename="webhook")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file, so the
    # Content-Security-Policy keeps forbidding inline scripts; Swagger UI
    # does need inline styles.
    path(
        "docs/",
        csp_update({"style-src": [UNSAFE_INLINE]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path("published/", published.published_search, name="published-list"),
    path("published/<int:pk>/", published.published_detail, name="published-detail"),
    *router.urls,
    re_path(r"^.*$", api_not_found),
]
