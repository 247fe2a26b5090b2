"""bench_ingest runs end to end (small numbers) in its own throwaway database."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.worker
def test_bench_ingest_prints_both_runs_and_the_reruns_add_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "bench_ingest", "--feed-items=3", "--rows=5", "--timeout=90"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    out = result.stdout
    assert "feed, 3 items: fetched in" in out and "TIMED OUT" not in out
    assert "feed again: 0 new items, 0 articles added" in out
    assert "import, 5 rows: imported in" in out and "5 new, 0 present, 0 errors" in out
    assert "import again: 0 new, 5 already present, 0 articles added" in out
