"""End to end: a real Celery worker process consumes the queue and writes claims.

With REDIS_URL and DATABASE_URL set (CI), that is Redis and PostgreSQL; on the
embedded default, the filesystem broker and SQLite.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from claims import services
from claims.models import Article, ExtractionState

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = [
    (
        "it",
        "La portavoce della Protezione civile, Laura Neri, ha detto che l'allerta "
        "resterà attiva fino a domenica. Secondo i tecnici del Comune, il fiume è "
        "salito di due metri in una notte.",
    ),
    (
        "en",
        "The county's fire chief, Daniel Moss, said crews had contained 80 percent of "
        "the blaze. According to the weather service, winds will ease on Thursday.",
    ),
]


@pytest.fixture
def worker(transactional_db):
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    env["FACTCHECK_TEST_WORKER_DB_NAME"] = str(connection.settings_dict["NAME"])
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factcheck",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for(predicate, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.worker
def test_a_real_worker_extracts_submitted_articles_into_claims(worker):
    ids = [services.article_submit(text=text, language=lang).article.pk for lang, text in ARTICLES]

    def all_done():
        states = set(Article.objects.filter(pk__in=ids).values_list("extraction_state", flat=True))
        return states <= {ExtractionState.DONE, ExtractionState.FAILED}

    finished = wait_for(all_done, timeout=90)
    if not finished:
        worker.terminate()
        output = worker.communicate(timeout=20)[0]
        pytest.fail(f"the worker did not finish in time; its log:\n{output[-4000:]}")
    for article in Article.objects.filter(pk__in=ids):
        assert article.extraction_state == ExtractionState.DONE, article.extraction_error
        assert article.claims.exists()
        sources = " ".join(article.claims.values_list("source_text", flat=True))
        assert "Neri" in sources or "Moss" in sources
