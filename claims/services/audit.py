"""What every claim write shares: the role check, the row lock with the
version check, and the audit trail."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from claims.exceptions import EditConflict, NotAllowed
from claims.models import Claim, ClaimEvent


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


def require_perm(user, perm: str, message: str) -> None:
    if not (user and user.is_active and user.has_perm(f"claims.{perm}")):
        raise NotAllowed(message)


def lock_claim(claim: Claim, expected_version: int | None) -> Claim:
    """The claim's row, locked; EditConflict if someone saved it since it was read."""
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    if expected_version is not None and current.version != expected_version:
        raise EditConflict(
            _(
                "Someone else saved this claim while you were editing it. "
                "Here are the current values: review them and save again."
            ),
            current=current,
        )
    return current


def display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def record_events(claim: Claim, user, action: str, changes: list[Change], reason: str = ""):
    ClaimEvent.objects.bulk_create(
        ClaimEvent(
            claim=claim,
            actor=user if getattr(user, "pk", None) else None,
            action=action,
            field=change.field,
            old_value=display(change.old),
            new_value=display(change.new),
            reason=reason,
        )
        for change in changes
    )


def save_with_history(claim: Claim, user, action: str, changes: list[Change], reason: str = ""):
    claim.version += 1
    claim.save()
    record_events(claim, user, action, changes, reason)
    return claim


def apply_values(claim: Claim, values: dict) -> list[Change]:
    changes = []
    for field, new in values.items():
        old = getattr(claim, field)
        if old != new:
            setattr(claim, field, new)
            changes.append(Change(field, old, new))
    return changes
