"""Deployment faults: the client's address behind proxies, who may claim HTTPS,
guessing API tokens, production keys, and the password-reset page."""

import os
import secrets
import subprocess
import sys

import pytest
import yaml
from django.test import Client, override_settings

from tests.api.factories import role_user
from tests.conftest import ROOT
from tests.factories import UserFactory, api_key_for

PROXY = "10.0.0.1"  # the TLS proxy every request comes through


def login(client, password, forwarded_for=None):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/accounts/login/", {"username": "cronista", "password": password}, **extra)


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, FACTCHECK_TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_an_attacker_locks_out_only_their_own_address():
    UserFactory(username="cronista")  # password: correct horse battery
    attacker = Client()
    for _ in range(5):
        login(attacker, "wrong", forwarded_for="203.0.113.5")
    assert login(attacker, "correct horse battery", "203.0.113.5").status_code == 429
    # The same user from elsewhere, through the same proxy, still gets in.
    assert login(Client(), "correct horse battery", "198.51.100.7").status_code == 302


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, FACTCHECK_TRUSTED_PROXIES=1)
def test_a_client_cannot_pick_its_address_by_writing_x_forwarded_for_itself():
    UserFactory(username="cronista")
    attacker = Client()
    # The proxy appends what it saw (203.0.113.5) after whatever the client wrote.
    for n in range(6):
        login(attacker, "wrong", forwarded_for=f"192.0.2.{n}, 203.0.113.5")
    assert login(attacker, "correct horse battery", "192.0.2.99, 203.0.113.5").status_code == 429


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, FACTCHECK_TRUSTED_PROXIES=0)
def test_with_no_trusted_proxy_x_forwarded_for_is_ignored():
    UserFactory(username="cronista")
    attacker = Client()
    for n in range(5):
        login(attacker, "wrong", forwarded_for=f"192.0.2.{n}")
    assert login(attacker, "correct horse battery", "192.0.2.200").status_code == 429


@pytest.mark.django_db
@override_settings(FACTCHECK_API_TOKEN_FAILURE_LIMIT=20)
def test_wrong_api_tokens_are_throttled_like_failed_logins():
    good = api_key_for(role_user("fact-checker", "anna"))
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    codes = [
        guesser.get("/api/claims/", HTTP_AUTHORIZATION=f"Token {secrets.token_hex(20)}").status_code
        for _ in range(65)
    ]
    assert codes[:20] == [401] * 20
    assert set(codes[20:]) == {429}
    # Even the right token waits for the cool-off from that address...
    locked = guesser.get("/api/claims/", HTTP_AUTHORIZATION=f"Token {good}")
    assert locked.status_code == 429 and int(locked["Retry-After"]) > 0
    # ...while everyone else is unaffected.
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert other.get("/api/claims/", HTTP_AUTHORIZATION=f"Token {good}").status_code == 200


@pytest.mark.django_db
def test_password_reset_is_not_routed(client):
    for path in ("/accounts/password_reset/", "/accounts/reset/done/"):
        assert client.get(path).status_code == 404


def production_settings(**env) -> subprocess.CompletedProcess:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTCHECK_"))}
    base = {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "factcheck.example.org",
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(repr(getattr(s, 'SECURE_PROXY_SSL_HEADER', None)))"
    )
    merged = {**inherited, **base, **env}
    merged = {k: v for k, v in merged.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=merged, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "env, words",
    [
        ({"DJANGO_SECRET_KEY": "development-only-key-never-use-in-production"}, "development"),
        ({"DJANGO_SECRET_KEY": "x"}, "at least 50"),
        ({"DJANGO_SECRET_KEY": "a" * 60}, "at least 50"),
        ({"DJANGO_ALLOWED_HOSTS": None}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_ALLOWED_HOSTS": " , "}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_with_a_weak_key_or_no_allowed_hosts(env, words):
    result = production_settings(**env)
    assert result.returncode != 0
    assert words in result.stderr


def test_production_trusts_x_forwarded_proto_only_behind_a_configured_proxy():
    assert production_settings().stdout.strip() == "None"
    behind = production_settings(FACTCHECK_TRUSTED_PROXIES="1")
    assert behind.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", behind.stderr


def test_docker_compose_publishes_gunicorn_to_this_host_only():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    ports = compose["services"]["web"].get("ports", [])
    assert ports and all(str(port).startswith("127.0.0.1:") for port in ports)
    assert "FACTCHECK_TRUSTED_PROXIES" in compose["x-app"]["environment"]
