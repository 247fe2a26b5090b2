"""Every non-trivial read."""

from claims.models import Article


def article_recent(*, limit: int = 20):
    return Article.objects.select_related("submitted_by").only(
        "id",
        "title",
        "text",
        "language",
        "extraction_state",
        "submitted_at",
        "submitted_by__username",
    )[:limit]
