"""Screens for links, feeds, batch imports and repeated claims."""

from django.urls import path

from claims.ingest import views

app_name = "ingest"

urlpatterns = [
    path("", views.index, name="index"),
    path("url/", views.url_submit, name="url_submit"),
    path("articles/<int:pk>/fetch-state/", views.fetch_state, name="fetch_state"),
    path("articles/<int:pk>/fetch-again/", views.fetch_retry, name="fetch_retry"),
    path("feeds/", views.feed_list, name="feed_list"),
    path("feeds/<int:pk>/", views.feed_detail, name="feed_detail"),
    path("feeds/<int:pk>/poll/", views.feed_poll_now, name="feed_poll"),
    path("feeds/<int:pk>/toggle/", views.feed_toggle, name="feed_toggle"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("claims/<int:pk>/repeats/", views.claim_repeats, name="claim_repeats"),
    path("claims/<int:pk>/apply-verdict/", views.claim_apply_verdict, name="claim_apply_verdict"),
]
