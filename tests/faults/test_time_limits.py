"""An extraction past its soft time limit fails its article with the reason,
wherever in the extractor the limit strikes, and the worker goes on."""

import signal
import time
from contextlib import contextmanager

import pytest
from billiard.exceptions import SoftTimeLimitExceeded

from claims import services
from claims.extraction import extract
from claims.models import Article, ExtractionState
from claims.tasks import extract_article
from tests.conftest import wait_for
from tests.factories import ArticleFactory
from tests.faults.test_worker_faults import long_article


@contextmanager
def soft_time_limit(seconds: float, *, again_every: float = 0.0):
    """What Celery's prefork pool does to a task past its soft limit: raise
    SoftTimeLimitExceeded from a signal handler, in whatever code is running.

    again_every repeats it: Python itself drops an exception raised while a
    finalizer (__del__, a weakref callback) runs, whatever our code does, so a
    single signal can be lost by bad luck. Repeated, any loss is ours.
    """
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            raise SoftTimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, again_every)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("seconds", [0.05, 0.2, 0.4])
def test_the_extractor_never_swallows_the_time_limit(seconds):
    extract("Mario Rossi ha detto che piove.", "it")  # the pipeline is loaded: time is rules
    text = long_article(4000)  # over a second of work on a fast machine
    started = time.monotonic()
    with pytest.raises(SoftTimeLimitExceeded), soft_time_limit(seconds, again_every=0.05):
        extract(text, "it")
    # Raised at the first or one of the next signals, not at the end of the article.
    assert time.monotonic() - started < seconds + 0.5


@pytest.mark.django_db
def test_a_time_limit_inside_extraction_fails_the_article_with_the_reason():
    extract("Mario Rossi ha detto che piove.", "it")
    article = ArticleFactory(text=long_article(4000), language="it")
    with soft_time_limit(0.3):
        extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert "took longer than" in article.extraction_error
    assert "seconds" in article.extraction_error
    assert not article.claims.exists()


@pytest.mark.worker
def test_a_real_worker_with_a_one_second_limit_fails_a_long_article_and_stays_ready(
    start_worker, monkeypatch
):
    # The sender stamps the limits in the message: this process and the worker
    # are configured alike, as an operator sets one environment for both.
    monkeypatch.setattr(extract_article, "soft_time_limit", 1)
    monkeypatch.setattr(extract_article, "time_limit", 31)
    monkeypatch.setattr(extract_article, "_exec_options", None)  # Celery caches them per task
    worker = start_worker(FACTCHECK_EXTRACTION_SOFT_TIME_LIMIT="1")
    long_id = services.article_submit(text=long_article(3000), language="it").article.pk

    def finished(article_id):
        state = Article.objects.values_list("extraction_state", flat=True).get(pk=article_id)
        return state in (ExtractionState.DONE, ExtractionState.FAILED)

    if not wait_for(lambda: finished(long_id), timeout=120):
        pytest.fail(f"the long article never finished; worker log:\n{worker.log()[-4000:]}")
    article = Article.objects.get(pk=long_id)
    assert article.extraction_state == ExtractionState.FAILED, worker.log()[-3000:]
    assert "took longer than 1 seconds" in article.extraction_error

    short_id = services.article_submit(
        text="Laura Neri ha detto che il ponte riaprirà lunedì.", language="it"
    ).article.pk
    if not wait_for(lambda: finished(short_id), timeout=60):
        pytest.fail(f"the worker did not take the next article; log:\n{worker.log()[-4000:]}")
    assert Article.objects.get(pk=short_id).extraction_state == ExtractionState.DONE
