import os
import warnings

from celery import Celery
from celery.exceptions import SecurityWarning
from celery.signals import worker_ready

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
