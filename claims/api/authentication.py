"""`Authorization: Token <key>`, checked against the keys' digests
(claims/services/tokens.py), and guessing stopped: wrong tokens are counted per
client address like failed logins, and past the limit that address gets 429
(with Retry-After) for the lockout's cool-off, whatever token it sends."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from claims.services.tokens import api_token_authenticate
from factcheck.proxies import client_ip


def _key(request) -> str:
    return f"api-token-failures:{client_ip(request)}"


def _cooloff_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _count_failure(request) -> None:
    key = _key(request)
    if not cache.add(key, 1, timeout=_cooloff_seconds()):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=_cooloff_seconds())


class HashedTokenAuthentication(authentication.TokenAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        if authentication.get_authorization_header(request).split()[:1] != [b"Token"]:
            return None  # no token: the session or anonymous rules apply
        if (cache.get(_key(request)) or 0) >= settings.FACTCHECK_API_TOKEN_FAILURE_LIMIT:
            raise exceptions.Throttled(
                wait=_cooloff_seconds(),
                detail=_("Too many wrong tokens from your address: try again later."),
            )
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            _count_failure(request)
            raise

    def authenticate_credentials(self, key):
        token = api_token_authenticate(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return token.user, token


# The name the settings used before tokens were stored hashed.
TokenAuthentication = HashedTokenAuthentication
