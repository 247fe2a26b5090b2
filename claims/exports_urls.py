"""Export downloads under /exports/."""

app_name = "exports"

urlpatterns = []
