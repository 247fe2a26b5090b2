from django.contrib import admin
from django.contrib.auth import views as auth_views
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
    # Login, logout and password change. Not the password reset by e-mail: the
    # app sends no mail, so an administrator sets a new password instead
    # (docs/OPERATIONS.md); a routed reset form would only fail, unthrottled.
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
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
