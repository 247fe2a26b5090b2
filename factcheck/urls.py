from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from claims.public.sitemaps import SITEMAPS
from claims.views.health import healthz

urlpatterns = [
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
