"""A database restart under a running web server: the next request on each
process reconnects instead of answering 500 with the dead connection."""

import socket
import subprocess
import sys
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection

from tests.conftest import ROOT, child_process_env, wait_for
from tests.factories import UserFactory, api_key_for

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="restarts PostgreSQL sessions"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, token: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def test_after_the_database_drops_every_connection_the_next_request_works(
    transactional_db, tmp_path
):
    # transactional_db may have emptied the roles the migrations made.
    token = api_key_for(UserFactory(username="anna", is_superuser=True))
    port = free_port()
    url = f"http://127.0.0.1:{port}/api/articles/"
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "factcheck.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=child_process_env(DB_CONN_MAX_AGE="600"),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for(lambda: get(url, token) == 200, timeout=60), (
            tmp_path / "gunicorn.log"
        ).read_text()[-2000:]
        with connection.cursor() as cursor:  # this test's own session stays
            cursor.execute("SELECT pg_backend_pid()")
            own = cursor.fetchone()[0]
        params = connection.get_connection_params()
        admin = psycopg.connect(
            host=params.get("host"),
            port=params.get("port"),
            user=params.get("user"),
            password=params.get("password"),
            dbname="postgres",
            autocommit=True,
        )
        with admin:
            dropped = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid() AND pid <> %s",
                [connection.settings_dict["NAME"], own],
            ).fetchone()[0]
        assert dropped >= 1
        assert [get(url, token) for _ in range(3)] == [200, 200, 200]
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
