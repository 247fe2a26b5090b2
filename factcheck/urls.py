from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from claims.views.health import healthz

urlpatterns = [
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
    path("", include("claims.urls")),
]
