"""API tokens: shown once when made, stored as a digest, revoked when their
owner's password changes or the owner is deactivated."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.exceptions import NotAllowed
from claims.models import ApiToken

# Permissions that let someone change what the public sees, or who may: a
# token for a holder of any of them, made by someone else, would let its
# maker act as that person (the second pair of eyes).
POWERFUL_PERMISSIONS = (
    "claims.set_verdict",
    "claims.correct_attribution",
    "claims.publish_claim",
    "claims.withdraw_claim",
    "claims.bulk_edit_claims",
    "claims.change_claim",
    "auth.change_user",
)
# Recording every use would write on every request; once a minute is enough
# for "last used".
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def api_token_may_issue(*, issuer, owner) -> bool:
    """People make their own tokens; a superuser makes anyone's; an admin makes
    tokens only for accounts that can change nothing (an integration's)."""
    if not (issuer and issuer.is_active and owner.is_active):
        return False
    if issuer.pk == owner.pk or issuer.is_superuser:
        return True
    if not issuer.has_perm("claims.add_apitoken"):
        return False
    if owner.is_superuser or owner.is_staff:
        return False
    return not any(owner.has_perm(perm) for perm in POWERFUL_PERMISSIONS)


@transaction.atomic
def api_token_create(*, owner, created_by, name: str = "") -> tuple[ApiToken, str]:
    """A new token and its key. The key is returned this once and never stored."""
    if not api_token_may_issue(issuer=created_by, owner=owner):
        raise NotAllowed(
            _(
                "You can make tokens for yourself, and for accounts that can change "
                "nothing (integrations). Ask this person to make their own."
            )
        )
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=owner,
        name=(name or "").strip()[:100],
        prefix=key[:8],
        digest=token_digest(key),
        created_by=created_by,
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, user, reason: str = "") -> ApiToken:
    if not (
        user.pk == token.user_id or user.is_superuser or user.has_perm("claims.change_apitoken")
    ):
        raise NotAllowed(_("You cannot revoke this token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_reason = (reason or _("revoked by %(user)s") % {"user": user})[:200]
        token.save(update_fields=["revoked_at", "revoked_reason"])
    return token


def api_tokens_revoke_for_user(*, user, reason: str) -> int:
    """Revoke every live token of user (password changed, account deactivated)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason[:200]
    )


def api_token_authenticate(key: str) -> ApiToken | None:
    """The live token with this key, with its active owner; None otherwise."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
