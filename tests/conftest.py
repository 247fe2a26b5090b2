import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def user(db):
    return UserFactory(username="redazione")


def wait_for(predicate, timeout: float, interval: float = 0.2) -> bool:
    """Poll until predicate() is true; False when the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A real Celery worker process on this run's queue and test database.

    Its log goes to a file (a pipe could fill and stall it); `worker.log()` reads it.
    """
    log_path = tmp_path / "worker.log"
    log_file = open(log_path, "w")  # noqa: SIM115 - closed after the worker stops
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
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    process.log = lambda: log_path.read_text(errors="replace")
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log_file.close()
