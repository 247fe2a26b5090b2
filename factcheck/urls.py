from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from claims.views.health import healthz


class FaviconView(RedirectView):
    """/favicon.ico for pages that name no icon (the admin, the API's pages, feed readers)."""

    def get_redirect_url(self, *args, **kwargs):
        # Resolved per request: in production the static name carries its hash.
        return static("img/favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/", include("claims.api.urls")),
    path("exports/", include("claims.exports_urls")),
    path("ingest/", include("claims.ingest.urls")),
    path("", include("claims.urls")),
]
