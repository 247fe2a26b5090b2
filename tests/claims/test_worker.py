"""End to end: a real Celery worker process consumes the queue and writes claims.

With REDIS_URL and DATABASE_URL set (CI), that is Redis and PostgreSQL; on the
embedded default, the filesystem broker and SQLite.
"""

import pytest

from claims import services
from claims.models import Article, ExtractionState
from tests.conftest import wait_for

ARTICLES = [
    (
        "it",
        "Laura Neri ha detto che l'allerta resterà attiva fino a domenica. "
        "Secondo i tecnici del Comune, il fiume è salito di due metri in una notte.",
    ),
    (
        "en",
        "Daniel Moss said crews had contained 80 percent of the blaze. "
        "According to the weather service, winds will ease on Thursday.",
    ),
]


@pytest.mark.worker
def test_a_real_worker_extracts_submitted_articles_into_claims(worker):
    ids = [services.article_submit(text=text, language=lang).article.pk for lang, text in ARTICLES]

    def all_done():
        states = set(Article.objects.filter(pk__in=ids).values_list("extraction_state", flat=True))
        return states <= {ExtractionState.DONE, ExtractionState.FAILED}

    finished = wait_for(all_done, timeout=90)
    if not finished:
        pytest.fail(f"the worker did not finish in time; its log:\n{worker.log()[-4000:]}")
    for article in Article.objects.filter(pk__in=ids):
        assert article.extraction_state == ExtractionState.DONE, article.extraction_error
        assert article.claims.exists()
        sources = " ".join(article.claims.values_list("source_text", flat=True))
        assert "Neri" in sources or "Moss" in sources
