"""API tokens are shown once and stored as digests; a password change or a
deactivation revokes them. The admin role manages people without being able
to act as them or above itself."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from rest_framework.test import APIClient

from claims.exceptions import NotAllowed
from claims.models import ApiToken
from claims.services.tokens import api_token_create, token_digest
from tests.factories import UserFactory
from tests.screens.roles import ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def roles(client):
    ensure_roles()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def person(username, role=None, **extra):
    user = UserFactory(username=username, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def api(key):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_token_is_stored_as_a_digest_and_works_until_revoked():
    editor = person("ed_token", "editor")
    token, key = api_token_create(owner=editor, created_by=editor, name="script")
    stored = ApiToken.objects.get(pk=token.pk)
    assert key not in {stored.digest, stored.prefix, stored.name}
    assert stored.digest == token_digest(key) and key.startswith(stored.prefix)
    assert api(key).get("/api/claims/").status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at is not None
    assert api(key + "x").get("/api/claims/").status_code == 401


def test_a_password_change_revokes_every_token():
    editor = person("ed_pw", "editor")
    _token, key = api_token_create(owner=editor, created_by=editor)
    editor.set_password("a new and long passphrase")
    editor.save()
    assert api(key).get("/api/claims/").status_code == 401
    assert ApiToken.objects.get(user=editor).revoked_reason == "password changed"


def test_a_deactivation_revokes_every_token_for_good():
    editor = person("ed_off", "editor")
    _token, key = api_token_create(owner=editor, created_by=editor)
    editor.is_active = False
    editor.save()
    editor.is_active = True
    editor.save()
    assert api(key).get("/api/claims/").status_code == 401


def test_a_login_does_not_revoke_tokens(client):
    editor = person("ed_login", "editor")
    _token, key = api_token_create(owner=editor, created_by=editor)
    assert client.login(username="ed_login", password="correct horse battery")
    assert api(key).get("/api/claims/").status_code == 200


def test_an_admin_cannot_make_a_token_for_someone_who_can_change_things():
    admin = person("adm_tok", "admin")
    editor = person("ed_other", "editor")
    with pytest.raises(NotAllowed):
        api_token_create(owner=editor, created_by=admin)
    reader = person("cms")  # an account that can change nothing (an integration's)
    _token, key = api_token_create(owner=reader, created_by=admin)
    assert key


def staff(client, username, role):
    user = person(username, role, is_staff=True)
    client.force_login(user)
    return user


def test_the_admin_shows_a_new_key_once_and_never_again(client):
    admin = staff(client, "adm_once", "admin")
    response = client.post(reverse("admin:claims_apitoken_add"), {"user": admin.pk, "name": "cli"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=admin)
    key = response.context["key"]
    assert f'<code id="api-key">{key}</code>' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    for url in (
        reverse("admin:claims_apitoken_changelist"),
        reverse("admin:claims_apitoken_change", args=[token.pk]),
    ):
        assert key not in client.get(url).content.decode()
    assert api(key).get("/api/claims/").status_code == 200


def test_the_admin_refuses_a_token_for_an_editor_with_the_reason(client):
    staff(client, "adm_no", "admin")
    editor = person("ed_target", "editor")
    response = client.post(reverse("admin:claims_apitoken_add"), {"user": editor.pk})
    assert response.status_code == 200  # the form again, with the error
    assert "Ask this person to make their own" in response.content.decode()
    assert not ApiToken.objects.filter(user=editor).exists()


def test_drf_plain_tokens_are_not_in_the_admin(client):
    staff(client, "adm_drf", "admin")
    index = client.get(reverse("admin:index")).content.decode()
    assert "tokenproxy" not in index
    assert "apitoken" in index


def test_the_admin_role_cannot_grant_superuser_status(client):
    staff(client, "adm_su", "admin")
    target = person("ed_up", "editor", is_staff=True)
    url = reverse("admin:auth_user_change", args=[target.pk])
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page
    form = {
        "username": "ed_up",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [Group.objects.get(name="editor").pk],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    client.post(url, form)
    target.refresh_from_db()
    assert not target.is_superuser


def test_the_admin_role_cannot_touch_a_superuser(client):
    staff(client, "adm_root", "admin")
    root = person("root", is_staff=True, is_superuser=True)
    change = client.get(reverse("admin:auth_user_change", args=[root.pk]))
    assert change.status_code == 200
    assert 'name="email"' not in change.content.decode()  # read-only view
    password = client.post(
        reverse("admin:auth_user_password_change", args=[root.pk]),
        {"password1": "taken over 12345", "password2": "taken over 12345"},
    )
    assert password.status_code == 403
    root.refresh_from_db()
    assert root.check_password("correct horse battery")


def test_a_superuser_still_can(client):
    client.force_login(person("root2", is_staff=True, is_superuser=True))
    target = person("ed_su2", "editor")
    response = client.get(reverse("admin:auth_user_change", args=[target.pk]))
    assert 'name="is_superuser"' in response.content.decode()


def test_people_make_and_revoke_their_own_tokens_on_their_page(client):
    reader = person("integration-cms")  # no newsroom role: reads published fact-checks only
    client.force_login(reader)
    page = client.post(reverse("claims:my_tokens"), {"name": "CMS"})
    key = page.context["key"]
    assert f'<code id="api-key">{key}</code>' in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    listing = client.get(reverse("claims:my_tokens")).content.decode()
    assert key not in listing and key[:8] in listing
    token = ApiToken.objects.get(user=reader)
    other = person("someone-else", "editor")
    _other_token, _ = api_token_create(owner=other, created_by=other)
    client.post(reverse("claims:my_tokens"), {"revoke": _other_token.pk})
    assert ApiToken.objects.get(pk=_other_token.pk).revoked_at is None  # not theirs
    client.post(reverse("claims:my_tokens"), {"revoke": token.pk})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert api(key).get("/api/claims/").status_code == 401
