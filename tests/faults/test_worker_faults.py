"""Faults around the queue, with real worker processes: nothing submitted is
lost or duplicated. Redelivery after a lost worker is a Redis feature (the
filesystem broker of `make run` deletes a message as it hands it out), so the
kill tests need REDIS_URL: CI always sets it."""

import os
import signal
import subprocess
import sys

import pytest
from django.conf import settings

from claims import services
from claims.extraction import extract
from claims.models import Article, ExtractionState
from claims.services.articles import claim_extraction_key
from tests.conftest import ROOT, child_process_env, wait_for

pytestmark = pytest.mark.worker
needs_redis = pytest.mark.skipif(
    not settings.CELERY_BROKER_URL.startswith("redis"),
    reason="redelivery of unacknowledged messages needs the Redis broker (set REDIS_URL)",
)

PARAGRAPH = (
    "L'assessore ai trasporti {n}, Carla Rossi, ha detto che la linea {n} sarà "
    "prolungata entro il {year}. Secondo i tecnici del Comune, i lavori costeranno "
    "{cost} milioni di euro. «Non ci saranno ritardi», ha aggiunto Rossi. "
    "Il cantiere {n} avrebbe già accumulato due mesi di ritardo, secondo fonti sindacali.\n\n"
)


def long_article(paragraphs: int = 1500) -> str:
    """Long enough (about 400,000 characters) that extraction takes a while."""
    return "".join(
        PARAGRAPH.format(n=n, year=2030 + n % 9, cost=10 + n % 90) for n in range(paragraphs)
    )


def state_of(article_id: int) -> str:
    return Article.objects.values_list("extraction_state", flat=True).get(pk=article_id)


def assert_one_set_of_claims(article: Article) -> None:
    expected = {claim_extraction_key(record) for record in extract(article.text, article.language)}
    stored = list(article.claims.values_list("extraction_key", flat=True))
    assert len(stored) == len(set(stored)), "no claim may be stored twice"
    assert set(stored) == expected


@needs_redis
def test_a_pool_child_killed_mid_extraction_is_redelivered_and_leaves_one_set_of_claims(
    start_worker,
):
    worker = start_worker()
    article = services.article_submit(text=long_article(), language="it").article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.RUNNING, 60), worker.log()
    children = worker.pool_children()
    assert children, "the prefork worker must have a pool child"
    os.kill(children[0], signal.SIGKILL)

    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, 240), worker.log()
    article.refresh_from_db()
    assert article.extraction_attempts >= 2, "the killed attempt and the redelivered one"
    assert "WorkerLostError" in worker.log()
    assert_one_set_of_claims(article)


@needs_redis
def test_a_whole_worker_killed_mid_extraction_is_redelivered_after_the_visibility_timeout(
    start_worker,
):
    # A visibility timeout of seconds, not an hour, so the test can wait for
    # it; still longer than the extraction, or a healthy worker's message
    # would be handed out again while it runs. The sweep runs every second.
    fast_redelivery = {
        "CELERY_VISIBILITY_TIMEOUT": "30",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
    }
    first = start_worker(**fast_redelivery)
    article = services.article_submit(text=long_article(), language="it").article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.RUNNING, 60), first.log()
    first.kill_all()
    assert state_of(article.pk) == ExtractionState.RUNNING

    second = start_worker(**fast_redelivery)
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, 240), second.log()
    article.refresh_from_db()
    assert article.extraction_attempts >= 2
    assert_one_set_of_claims(article)


@needs_redis
def test_an_article_submitted_while_redis_is_down_is_kept_and_extracted_once_it_is_back(
    start_worker, tmp_path
):
    path = tmp_path / "article.txt"
    path.write_text(PARAGRAPH.format(n=1, year=2031, cost=40), encoding="utf-8")
    env = child_process_env(
        CELERY_BROKER_URL="redis://127.0.0.1:9/0",  # nothing listens there
        DJANGO_LANGUAGE_CODE="en",
    )
    submitted = subprocess.run(
        [sys.executable, "manage.py", "submit_article", str(path), "--lang", "it"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert submitted.returncode == 0, submitted.stderr
    article = Article.objects.get(pk=int(submitted.stdout.strip()))
    assert article.extraction_state == ExtractionState.QUEUED
    assert "queue could not be reached" in article.extraction_error
    assert "queue could not be reached" in submitted.stderr, "the user is told"

    # Redis is back: the sweeper sends it, a worker extracts it.
    worker = start_worker()
    from django.core.management import call_command

    call_command("requeue_stuck", "--queued-for", "0")
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, 60), worker.log()
    article.refresh_from_db()
    assert article.extraction_error == ""
    assert article.claims.exists()
