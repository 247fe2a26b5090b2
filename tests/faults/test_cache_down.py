"""The cache (Redis) goes away while PostgreSQL stays up: login, the screens and
the API keep working. A real redis-server of the test's own is started and
stopped (the shared one holds other runs' queues); no mock stands in for it."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from factcheck.cache import redis_cache
from tests.api.factories import role_user
from tests.conftest import wait_for
from tests.factories import api_key_for

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs the redis-server program"
)

PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, port: int, tmp_path):
        self.port = port
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_for(self._answers, timeout=10), "redis-server did not start"

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


def cache_settings(port: int, retry_after: int = 30) -> dict:
    return {
        "CACHES": {"default": redis_cache(f"redis://127.0.0.1:{port}/0", retry_after=retry_after)},
        # What production runs with a Redis cache.
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "AXES_ENABLED": True,
    }


@pytest.fixture
def fact_checker(db):
    user = role_user("fact-checker", "cronista")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in() -> Client:
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = browser.post("/accounts/login/", {"username": "cronista", "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return browser


def assert_site_works(browser: Client, token: str) -> None:
    assert browser.get("/").status_code == 200
    assert browser.get("/queue/").status_code == 200
    assert browser.get("/articles/").status_code == 200
    api = Client(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/articles/").status_code == 200
    assert browser.get("/api/claims/").status_code == 200


def test_with_the_cache_on_a_dead_port_login_screens_and_api_work(fact_checker, caplog):
    token = api_key_for(fact_checker)
    with override_settings(**cache_settings(free_port())), caplog.at_level(logging.WARNING):
        browser = log_in()
        for _ in range(3):
            assert_site_works(browser, token)
        # A wrong password is still refused, and the session survives a new client.
        wrong = Client().post("/accounts/login/", {"username": "cronista", "password": "nope"})
        assert wrong.status_code == 200
        assert "_auth_user_id" in browser.session
    warnings = [r for r in caplog.records if r.name == "factcheck.cache"]
    assert len(warnings) == 1, "the outage is logged once, not on every request"
    assert "cannot be reached" in warnings[0].getMessage()


def test_killing_redis_mid_run_keeps_the_user_logged_in_and_recovers(
    fact_checker, tmp_path, caplog
):
    token = api_key_for(fact_checker)
    port = free_port()
    redis = RedisServer(port, tmp_path)
    try:
        with (
            override_settings(**cache_settings(port, retry_after=1)),
            caplog.at_level(logging.INFO, logger="factcheck.cache"),
        ):
            browser = log_in()
            assert_site_works(browser, token)
            assert cache.get("probe") is None
            cache.set("probe", "in redis")
            assert not cache.is_down

            redis.stop()  # mid-run: the connections in the pool are cut
            assert_site_works(browser, token)
            assert cache.is_down
            # Logged out while Redis is away: Redis still holds the old session copy...
            browser.post("/accounts/logout/")
            assert browser.get("/").status_code == 302
            other = log_in()
            assert_site_works(other, token)

            redis = RedisServer(port, tmp_path)  # back, empty in this case
            time.sleep(1.1)  # the retry interval
            assert_site_works(other, token)
            assert not cache.is_down
            cache.set("probe", "again")
            assert cache.get("probe") == "again"
    finally:
        redis.stop()
    messages = [r.getMessage() for r in caplog.records if r.name == "factcheck.cache"]
    assert len(messages) == 2, messages
    assert "cannot be reached" in messages[0]
    assert "reachable again" in messages[1]


def test_keys_changed_during_the_outage_are_not_served_stale_when_redis_returns(db, tmp_path):
    port = free_port()
    redis = RedisServer(port, tmp_path)
    try:
        with override_settings(**cache_settings(port, retry_after=1)):
            cache.set("session-copy", "logged in")
            paused = subprocess.run(
                ["redis-cli", "-p", str(port), "CLIENT", "PAUSE", "3000", "ALL"],
                capture_output=True,
                check=True,
            )
            assert paused.returncode == 0
            # Redis answers nothing for 3 s: past the 1 s socket timeout, so down.
            cache.delete("session-copy")
            assert cache.is_down
            assert cache.get("session-copy") is None
            time.sleep(3.2)
            assert cache.get("session-copy") is None, "the old copy must not come back"
            assert not cache.is_down
    finally:
        redis.stop()
