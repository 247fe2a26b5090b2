"""Public fact-check pages under /fact-checks/ (no login)."""

from django.urls import path
from django.views.decorators.http import require_safe

from claims.public import feeds, views
from claims.public.views import public_cache

app_name = "public"

urlpatterns = [
    path("", views.fact_check_index, name="index"),
    path("feed/rss/", require_safe(public_cache(feeds.FactCheckFeed())), name="feed_rss"),
    path("feed/atom/", require_safe(public_cache(feeds.FactCheckAtomFeed())), name="feed_atom"),
    path("<slug:key>/", views.fact_check, name="fact_check"),
]
