import ctypes
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


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: no throttle count carries over."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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


def child_process_env(**extra: str) -> dict[str, str]:
    """Environment for a process a test starts: the test settings, this run's
    queue, and the test database (by name) instead of the real one."""
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    env["FACTCHECK_TEST_WORKER_DB_NAME"] = str(connection.settings_dict["NAME"])
    env.update(extra)
    return env


def _die_with_parent() -> None:
    """Linux: the worker gets SIGTERM if the test run dies before stopping it."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


PR_SET_PDEATHSIG = 1


class WorkerProcess:
    """A real `celery worker` process on this run's queue and the test database.

    Its log goes to a file (a pipe could fill and stall it).
    """

    def __init__(self, log_path: Path, extra_env: dict[str, str], concurrency: int = 1):
        env = child_process_env(**extra_env)
        self.log_path = log_path
        self._log_file = open(log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                "--loglevel=INFO",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so a test can kill it whole
            preexec_fn=_die_with_parent,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def pool_children(self) -> list[int]:
        path = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill_all(self) -> None:
        """SIGKILL the worker and its pool: a machine losing power, as far as it can tell."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill_all()
        try:
            os.killpg(self.pid, signal.SIGKILL)  # any pool child left behind
        except ProcessLookupError:
            pass
        self._log_file.close()


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """Start real worker processes: start_worker(concurrency=1, **extra_env)."""
    started: list[WorkerProcess] = []

    def start(concurrency: int = 1, **extra_env: str) -> WorkerProcess:
        process = WorkerProcess(tmp_path / f"worker-{len(started)}.log", extra_env, concurrency)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture
def worker(start_worker):
    """One real Celery worker process on this run's queue and test database."""
    return start_worker()
