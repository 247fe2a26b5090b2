"""The database failing in the middle of writing an extraction's claims."""

import pytest
from django.db import connection

from claims import services
from claims.models import Article, ExtractionState
from claims.tasks import extract_article
from tests.factories import ArticleFactory

TEXT = (
    "Il direttore dell'ospedale, Luca Greco, ha detto che il nuovo reparto aprirà a luglio. "
    "Secondo la Regione, i posti letto saranno quaranta."
)

# The last write of an extraction (marking the article done) fails, after the
# claims were inserted: a real error raised by the database itself.
FAILING_TRIGGER = {
    "postgresql": [
        """CREATE OR REPLACE FUNCTION simulated_disk_failure() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'simulated disk failure'; END; $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER simulated_disk_failure BEFORE UPDATE ON claims_article
           FOR EACH ROW WHEN (NEW.extraction_state = 'done')
           EXECUTE FUNCTION simulated_disk_failure()""",
    ],
    "sqlite": [
        """CREATE TRIGGER simulated_disk_failure BEFORE UPDATE ON claims_article
           FOR EACH ROW WHEN NEW.extraction_state = 'done'
           BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END""",
    ],
}


@pytest.fixture
def failing_database(transactional_db):
    statements = FAILING_TRIGGER[connection.vendor]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)

    def heal():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("DROP TRIGGER IF EXISTS simulated_disk_failure ON claims_article")
            else:
                cursor.execute("DROP TRIGGER IF EXISTS simulated_disk_failure")

    yield heal
    heal()


def test_a_failed_claims_write_rolls_back_retries_and_leaves_no_partial_claims(failing_database):
    article = ArticleFactory(text=TEXT, language="it")

    extract_article.apply(args=[article.pk])  # the task and its bounded retries

    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert "simulated disk failure" in article.extraction_error
    assert article.extraction_attempts == extract_article.max_retries + 1
    assert article.claims.count() == 0, "the claims inserted before the failure rolled back"

    failing_database()
    services.article_retry_extraction(article=article)
    extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE
    assert article.claims.exists()
    assert Article.objects.count() == 1
