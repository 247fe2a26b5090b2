"""People with the newsroom's roles, for screen and browser tests.

The groups and the verdict scale come from data migrations; a transactional
test (the real worker's) flushes the database afterwards, so these helpers
put them back when they are missing."""

import importlib

from django.contrib.auth.models import Group, Permission

from claims.models import Rating
from tests.factories import UserFactory

PASSWORD = "correct horse battery"
_roles = importlib.import_module("claims.migrations.0004_roles")
_scale = importlib.import_module("claims.migrations.0002_default_rating_scale")
_roles_since = importlib.import_module("claims.migrations.0009_publication_versions_and_tokens")
_editing = importlib.import_module("claims.migrations.0011_editors_own_claims")


def _role_codes(name: str) -> list[str]:
    """A role's permissions as the migrations leave them (0004, 0009, 0011)."""
    codes = list(_roles.ROLES.get(name, [])) + _roles_since.ADD.get(name, [])
    codes = [code for code in codes if code not in _roles_since.REMOVE.get(name, [])]
    return codes + _editing.EXTRA_PERMS.get(name, [])


role_codes = _role_codes


def ensure_roles() -> None:
    for name in _roles.ROLES:
        group, created = Group.objects.get_or_create(name=name)
        if not created and group.permissions.exists():
            continue
        perms = []
        for code in _role_codes(name):
            app_label, codename = code.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)


def ensure_rating_scale() -> None:
    if Rating.objects.exists():
        return
    for position, (slug, label_it, label_en, value) in enumerate(_scale.DEFAULT_SCALE, start=1):
        Rating.objects.create(
            slug=slug, label_it=label_it, label_en=label_en, value=value, position=position
        )


def make_user(username: str, role: str):
    ensure_roles()
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user
