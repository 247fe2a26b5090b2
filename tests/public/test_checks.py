"""`manage.py check --deploy` says when fact-checks have no public address."""

import subprocess
import sys

from django.core.checks import run_checks

from tests.conftest import ROOT, child_process_env


def check_ids(*, deploy: bool) -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=deploy)}


def test_a_deployment_without_a_public_address_is_warned(settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = ""
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = ""
    assert "claims.W001" in check_ids(deploy=True)
    assert "claims.W001" not in check_ids(deploy=False)


def test_either_address_is_enough(settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://verifiche.example.org"
    assert "claims.W001" not in check_ids(deploy=True)
    settings.FACTCHECK_PUBLIC_BASE_URL = ""
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = "https://desk.example.org/fact-checks/{slug}"
    assert "claims.W001" not in check_ids(deploy=True)


def test_a_template_that_cannot_name_a_claim_is_an_error(settings):
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = "https://desk.example.org/fact-checks/{uuid}"
    assert "claims.E001" in check_ids(deploy=False)
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = "https://desk.example.org/fact-checks/"
    assert "claims.E002" in check_ids(deploy=False)


def test_the_command_prints_the_warning():
    env = child_process_env(FACTCHECK_PUBLIC_BASE_URL="", FACTCHECK_CLAIM_URL_TEMPLATE="")
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "claims.W001" in result.stderr + result.stdout
    assert "FACTCHECK_PUBLIC_BASE_URL" in result.stderr + result.stdout


def test_a_malformed_public_address_stops_the_start():
    env = child_process_env(FACTCHECK_PUBLIC_BASE_URL="verifiche.example.org")
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "FACTCHECK_PUBLIC_BASE_URL='verifiche.example.org' must start with https://" in (
        result.stderr
    )
