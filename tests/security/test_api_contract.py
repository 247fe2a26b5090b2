"""The API keeps its own contract: schemathesis with `--checks all` against the
live test server, from the schema the server publishes at /api/schema/.

Bounded (a fixed seed, a few examples per operation) so it runs in CI; the
schemathesis.toml beside this file lists, with reasons, the only places a
schema-valid request may get a 400. Its summary is printed (pytest -s).
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory, ClaimFactory, UserFactory, api_key_for

HERE = Path(__file__).resolve().parent
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture
def fuzz_token(transactional_db, monkeypatch, settings):
    from claims import services
    from claims.models import Rating
    from claims.webhooks import tasks
    from tests.screens.roles import ensure_rating_scale

    # A transactional test before this one may have flushed the migrations' rows.
    ensure_rating_scale()

    # Writes are stored for real; only hand-offs to the broker are skipped.
    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda article_id: True)
    monkeypatch.setattr(tasks, "enqueue_delivery", lambda delivery_id: None)
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {scope: "100000/minute" for scope in rates},
    }
    admin = UserFactory(username="contract-admin", is_superuser=True, is_staff=True)
    for text, status in (
        ("La giunta ha detto che il porto riaprirà a maggio.", "unverified"),
        ("Il sindaco ha detto che il ponte riaprirà a marzo.", "published"),
    ):
        article = ArticleFactory(text=text, url="https://giornale.example/" + status)
        content = text[text.index("il ") :].rstrip(".")
        start = text.index(content)
        ClaimFactory(
            article=article,
            content=content,
            content_start=start,
            content_end=start + len(content),
            status=status,
            verdict=Rating.objects.get(slug="false") if status == "published" else None,
        )
    return api_key_for(admin)


def test_the_api_passes_every_schemathesis_check_against_the_live_server(
    live_server, fuzz_token, tmp_path
):
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(HERE / "schemathesis.toml"),
        "run",
        f"{live_server.url}/api/schema/",
        "--checks",
        "all",
        "--header",
        f"Authorization: Token {fuzz_token}",
        "--header",
        "Accept-Language: en",
        "--max-examples",
        "8",
        "--seed",
        "20261205",
        "--workers",
        "1",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        # Language detection loads its model on the first short text: slow on a busy CI box.
        "--request-timeout",
        "60",
        "--no-color",
        "--generation-database",
        "none",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    # In a temporary folder: schemathesis keeps a cache where it runs.
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    output = result.stdout + result.stderr
    summary = output[output.rfind("SUMMARY") :] if "SUMMARY" in output else output[-3000:]
    print(summary)
    assert result.returncode == 0, output[-15000:]
    assert "Tested:" in summary
