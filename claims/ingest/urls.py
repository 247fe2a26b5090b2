"""Screens for feeds and batch imports."""

app_name = "ingest"

urlpatterns = []
