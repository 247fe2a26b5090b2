from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView

from claims.public.sitemaps import SITEMAPS
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
    # Public, no login: published fact-checks, their feeds and sitemap.
    path("fact-checks/", include("claims.public.urls")),
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("claims.urls")),
]
