import logging
import os
import warnings
from pathlib import Path

from celery import Celery, beat
from celery.exceptions import SecurityWarning
from celery.signals import worker_init, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

# FACTCHECK_DEV_SERVER is set by `make run` only: a development server started
# by whoever typed the command, often root in a container or a VM. Celery's
# advice to pick another user with --uid is for deployed workers (the Docker
# image runs as an unprivileged user), so here it is noise, not a warning.
DEV_SERVER = os.environ.get("FACTCHECK_DEV_SERVER") == "1"
if DEV_SERVER:
    warnings.filterwarnings(
        "ignore",
        message="You're running the worker with superuser privileges",
        category=SecurityWarning,
    )

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def announce_worker_ready(**kwargs):
    """Under `make run`, tell `manage.py announce_start` the worker takes tasks."""
    if not DEV_SERVER:
        return
    from django.conf import settings

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    (settings.VAR_DIR / "worker.ready").write_text(str(os.getpid()))
logger = logging.getLogger(__name__)


@worker_init.connect
def load_the_extractor(**kwargs):
    """Import spaCy and build the pipelines once, in the worker's main process,
    before the pool forks: a task's time limit then never strikes inside an
    import (a half-imported spaCy breaks every later task of that process),
    and the first article does not pay the seconds it takes."""
    try:
        from claims.extraction import load_pipeline
        from claims.extraction.language import SUPPORTED_LANGUAGES

        for lang in SUPPORTED_LANGUAGES:
            load_pipeline(lang)
    except Exception:  # the tasks will report it for each article; the worker still starts
        logger.exception("The extraction pipelines could not be loaded at start-up")


class PersistentScheduler(beat.PersistentScheduler):
    """Celery's file-backed beat schedule, creating the file's folder first.

    On a fresh clone run on PostgreSQL and Redis nothing else creates var/,
    and beat would die at start-up while the worker beside it says "ready":
    no sweeper, no feed polls. Configured as CELERY_BEAT_SCHEDULER, so it
    serves `celery beat`, `worker --beat` and any --schedule path alike.
    """

    def setup_schedule(self):
        Path(self.schedule_filename).expanduser().parent.mkdir(parents=True, exist_ok=True)
        super().setup_schedule()
