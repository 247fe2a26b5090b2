"""Export downloads under /exports/ (admin role; see claims/exports.py)."""

from django.urls import path, re_path

from claims.api import export_views
from claims.api.errors import api_not_found

app_name = "exports"

urlpatterns = [
    path("claims.csv", export_views.ClaimsCsvExport.as_view(), name="claims-csv"),
    path("claims.json", export_views.ClaimsJsonExport.as_view(), name="claims-json"),
    path("claimreview.jsonld", export_views.ClaimReviewExport.as_view(), name="claimreview"),
    path(
        "claimreview/<int:pk>.jsonld",
        export_views.ClaimReviewDetail.as_view(),
        name="claimreview-detail",
    ),
    re_path(r"^.*$", api_not_found),
]
