"""Celery beat starts on a fresh clone: no var/ folder, PostgreSQL and Redis
configured (so nothing else creates var/). Beat runs the stuck-article
sweeper and the feed polls; if it dies at start-up nothing says so."""

import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings

from tests.conftest import ROOT, child_process_env


def run_for(seconds: float, args: list[str], env: dict, log_path) -> tuple[int | None, str]:
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        code = process.poll()
        if code is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return code, log_path.read_text(errors="replace")


@pytest.fixture
def fresh_clone_env(tmp_path):
    var = tmp_path / "clone" / "var"
    queue = f"beat-test-{uuid.uuid4().hex[:8]}"
    env = child_process_env(
        FACTCHECK_VAR_DIR=str(var),
        CELERY_TASK_DEFAULT_QUEUE=queue,
        DJANGO_SETTINGS_MODULE="factcheck.settings",
    )
    yield env, var
    if settings.CELERY_BROKER_URL.startswith("redis"):
        import redis

        redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(queue)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["beat", "--loglevel=INFO"], id="celery-beat"),
        pytest.param(
            ["worker", "--beat", "--loglevel=INFO", "--concurrency=1", "--without-mingle"],
            id="worker-with-beat",
        ),
    ],
)
def test_beat_starts_without_a_var_folder(fresh_clone_env, tmp_path, args):
    env, var = fresh_clone_env
    assert not var.exists()
    code, log = run_for(15, args, env, tmp_path / "beat.log")
    assert code is None, f"beat exited ({code}):\n{log[-3000:]}"
    assert "beat raised exception" not in log, log[-3000:]
    assert "No such file or directory" not in log, log[-3000:]
    assert "beat: Starting" in log, log[-3000:]
    assert list(var.glob("celerybeat-schedule*")), "beat keeps its schedule in var/"
