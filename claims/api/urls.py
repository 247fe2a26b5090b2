"""The REST API under /api/ (see the API issue)."""

app_name = "api"

urlpatterns = []
