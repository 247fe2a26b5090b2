from django.contrib import admin
from django.urls import include, path

from claims.views.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/", include("claims.api.urls")),
    path("exports/", include("claims.exports_urls")),
    path("ingest/", include("claims.ingest.urls")),
    path("", include("claims.urls")),
]
