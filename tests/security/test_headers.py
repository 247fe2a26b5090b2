import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.django_db
def test_every_page_carries_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("style-src")[0], "no inline scripts"
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_pages_refuse_framing_and_sniffing(client):
    response = client.get("/accounts/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_api_docs_work_under_the_policy_with_their_script_served_as_a_file(admin_client):
    page = admin_client.get("/api/docs/")
    assert page.status_code == 200
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert b"<script>" not in page.content, "the start-up script is a separate request"
    script = admin_client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert b"SwaggerUIBundle" in script.content


def test_the_deployment_checklist_is_clean_with_production_settings():
    # The browser tests allow sync database calls beside Playwright's event
    # loop in this process; a deployment never sets that.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "factcheck.example.org",
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        # Where readers find the published fact-checks (else claims.W001).
        "FACTCHECK_PUBLIC_BASE_URL": "https://factcheck.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env.update({"DJANGO_ENV": "production", "DJANGO_SETTINGS_MODULE": "factcheck.settings"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [("DJANGO_DEBUG", "maybe"), ("FACTCHECK_MAX_ARTICLE_CHARS", "lots"), ("DJANGO_ENV", "staging")],
)
def test_a_malformed_setting_stops_the_app_naming_the_variable(variable, value):
    env = {**os.environ, variable: value, "DJANGO_SETTINGS_MODULE": "factcheck.settings"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert variable in result.stderr
