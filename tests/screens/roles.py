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
_editing = importlib.import_module("claims.migrations.0011_editors_own_claims")


def role_codes(name: str) -> list[str]:
    return list(_roles.ROLES[name]) + _editing.EXTRA_PERMS.get(name, [])


def ensure_roles() -> None:
    for name in _roles.ROLES:
        codes = role_codes(name)
        group, created = Group.objects.get_or_create(name=name)
        if not created and group.permissions.exists():
            continue
        perms = []
        for code in codes:
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
