"""Roles of the people using the desk: the groups fact-checker, editor and admin
(created by migration 0004_roles)."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

ROLE_CHOICES = [
    ("fact-checker", _("Fact-checker")),
    ("editor", _("Editor")),
    ("admin", _("Administrator")),
]
ROLE_NAMES = [name for name, _label in ROLE_CHOICES]


@transaction.atomic
def user_set_role(*, user, role: str) -> None:
    """Give ``user`` exactly one of the three roles; other groups are kept.

    An administrator manages users in /admin/, which lets in staff only.
    """
    if role not in ROLE_NAMES:
        raise ValueError(f"Unknown role {role!r}: choose one of {', '.join(ROLE_NAMES)}.")
    if role == "admin" and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.remove(*Group.objects.filter(name__in=ROLE_NAMES).exclude(name=role))
    user.groups.add(Group.objects.get(name=role))


def superuser_join_admin_role(sender, instance, created: bool, raw: bool = False, **kwargs):
    """post_save of a user: a new superuser (``createsuperuser``) also gets the
    admin role, so the role lists and the screens' permission checks, which
    look at groups, show the first administrator as one."""
    if not created or raw or not instance.is_superuser:
        return
    if Group.objects.filter(name="admin").exists():  # absent only before migrations
        user_set_role(user=instance, role="admin")
