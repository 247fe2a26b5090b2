"""Without Chromium the browser tests fail loudly: a skipped browser test
would let CI pass without ever opening a page."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_browser_tests_fail_and_never_skip_when_chromium_is_missing(tmp_path):
    env = dict(os.environ, CHROMIUM_PATH=str(tmp_path / "no-chromium-here"))
    # A database and broker of its own: the outer run's must not be touched.
    env["FACTCHECK_VAR_DIR"] = str(tmp_path / "var")
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    for name in ("REDIS_URL", "CELERY_BROKER_URL"):
        env.pop(name, None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/browser/test_editor_screens.py",
            "-k",
            "switches_to_italian",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Chromium not found" in output
    assert "skipped" not in output
