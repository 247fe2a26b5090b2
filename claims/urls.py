from django.urls import path
from django.views.i18n import set_language

from claims import views
from claims.views import quality, sources
from claims.views.tokens import my_tokens

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_new, name="article_new"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/progress/", views.article_progress, name="article_progress"),
    path("articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/attribution/", views.claim_attribution, name="claim_attribution"),
    path("claims/<int:pk>/verdict/", views.claim_verdict, name="claim_verdict"),
    path("claims/<int:pk>/status/", views.claim_status, name="claim_status"),
    path("claims/<int:pk>/approve/", views.claim_approve, name="claim_approve"),
    path(
        "claims/<int:pk>/discard-correction/",
        views.claim_discard_correction,
        name="claim_discard_correction",
    ),
    path("claims/<int:pk>/withdraw/", views.claim_withdraw, name="claim_withdraw"),
    path("claims/<int:pk>/assign/", views.claim_assign, name="claim_assign"),
    path("claims/<int:pk>/comments/", views.claim_comment, name="claim_comment"),
    path("claims/<int:pk>/evidence/", views.claim_evidence, name="claim_evidence"),
    path("account/tokens/", my_tokens, name="my_tokens"),
    path("queue/", views.queue, name="queue"),
    path("queue/decide/", views.queue_decide, name="queue_decide"),
    path("queue/review/", views.queue_review, name="queue_review"),
    path("queue/take/", views.queue_take, name="queue_take"),
    path("queue/undo/", views.queue_undo, name="queue_undo"),
    path("queue/bulk/", views.queue_bulk, name="queue_bulk"),
    path("search/", views.search_results, name="search"),
    # Issue 15: speaker pages and the extraction quality page.
    path("sources/", sources.source_list, name="source_list"),
    path("sources/suggest/", sources.source_suggest, name="source_suggest"),
    path("sources/<int:pk>/", sources.source_detail, name="source_detail"),
    path("sources/<int:pk>/edit/", sources.source_edit, name="source_edit"),
    path("sources/<int:pk>/merge/", sources.source_merge_view, name="source_merge"),
    path("quality/extraction/", quality.extraction_quality_page, name="extraction_quality"),
    # Django's own view: stores the choice in the language cookie (and session).
    path("i18n/setlang/", set_language, name="set_language"),
]
