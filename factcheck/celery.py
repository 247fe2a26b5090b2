import logging
import os
from pathlib import Path

from celery import Celery, beat
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

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
