"""A new desk's first hour: the empty dashboard says what to do first, the
admin sets a new user's role on the Add user page, the first superuser is an
administrator, and `make run` installs no test tools."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.screens.roles import ensure_roles, make_user

ROOT = Path(__file__).resolve().parents[2]
User = get_user_model()


@pytest.mark.django_db
def test_the_empty_dashboard_invites_the_first_article(fc_client):
    html = fc_client.get(reverse("claims:home")).content.decode()
    assert "Submit your first article" in html
    assert f'href="{reverse("claims:article_new")}"' in html


@pytest.mark.django_db
def test_the_call_to_action_goes_once_there_is_an_article(fc_client):
    ArticleFactory()
    html = fc_client.get(reverse("claims:home")).content.decode()
    assert "Submit your first article" not in html


@pytest.fixture
def admin_client(client, db):
    ensure_roles()
    root = User.objects.create_superuser("root", "root@example.org", "a long passphrase here")
    client.force_login(root)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_add_user_page_asks_for_the_role(admin_client):
    html = admin_client.get(reverse("admin:auth_user_add")).content.decode()
    assert 'name="role"' in html
    for role in ("fact-checker", "editor", "admin"):
        assert f'value="{role}"' in html


@pytest.mark.parametrize("role", ["fact-checker", "editor", "admin"])
def test_a_user_added_in_the_admin_gets_the_chosen_role(admin_client, role):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "giulia",
            "role": role,
            "usable_password": "true",
            "password1": "another long passphrase",
            "password2": "another long passphrase",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    giulia = User.objects.get(username="giulia")
    assert list(giulia.groups.values_list("name", flat=True)) == [role]
    assert giulia.is_staff is (role == "admin")


def test_an_unknown_role_is_refused_and_nobody_is_created(admin_client):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "mallory",
            "role": "owner",
            "usable_password": "true",
            "password1": "another long passphrase",
            "password2": "another long passphrase",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(username="mallory").exists()


def test_the_user_list_shows_roles(admin_client):
    make_user("anna", "fact-checker")
    make_user("bruno", "editor")
    html = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Fact-checker" in html and "Editor" in html
    assert 'class="column-roles' in html


@pytest.mark.django_db
def test_createsuperuser_makes_an_administrator(monkeypatch):
    ensure_roles()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long passphrase here")
    call_command(
        "createsuperuser", "--noinput", username="boss", email="boss@example.org", verbosity=0
    )
    boss = User.objects.get(username="boss")
    assert boss.groups.filter(name="admin").exists()
    assert Group.objects.get(name="admin").user_set.count() == 1


def _dry_run(target: str, tmp_path: Path) -> str:
    """What `make <target>` would run in a fresh clone (no .venv yet)."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("")
    return subprocess.run(
        ["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout


def test_make_run_installs_the_app_without_the_test_tools(tmp_path):
    commands = _dry_run("run", tmp_path)
    assert "pip install" in commands and "-e ." in commands
    assert "[test]" not in commands


def test_make_test_adds_the_test_tools(tmp_path):
    assert "-e '.[test]'" in _dry_run("test", tmp_path)


def test_the_start_ends_with_the_address_and_the_first_administrator_command(
    live_server, settings, tmp_path
):
    import io
    import os

    settings.VAR_DIR = tmp_path
    (tmp_path / "worker.ready").write_text(str(os.getpid()))
    port = live_server.url.rsplit(":", 1)[1]
    out = io.StringIO()
    call_command("announce_start", port=int(port), worker_pid=os.getpid(), timeout=20, stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert lines[0] == f"The app is ready: http://127.0.0.1:{port}/"
    assert any(line.strip().endswith("manage.py createsuperuser") for line in lines)
    assert f"http://127.0.0.1:{port}/articles/new/" in lines[-1]


def test_the_start_waits_for_this_worker_not_a_previous_one(live_server, settings, tmp_path):
    from django.core.management.base import CommandError

    settings.VAR_DIR = tmp_path
    (tmp_path / "worker.ready").write_text("1")  # left by an earlier run
    port = int(live_server.url.rsplit(":", 1)[1])
    with pytest.raises(CommandError, match="worker did not start"):
        call_command("announce_start", port=port, worker_pid=999999, timeout=1.5)


def test_editor_templates_show_dates_through_the_desk_filters():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("templates/claims", "templates/ingest")
        for path in (ROOT / folder).glob("*.html")
        if "|date:" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
