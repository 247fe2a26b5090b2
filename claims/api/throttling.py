"""Throttles whose rates are read at request time, so a changed setting
(REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]) applies without a restart of the
class machinery — DRF's own classes freeze the rates at import.

Each throttle also notes how much of its allowance is left; the tightest one
becomes the RateLimit-* headers (claims/api/middleware.py)."""

from dataclasses import dataclass

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from factcheck.proxies import client_ip


@dataclass(frozen=True)
class RateLimit:
    limit: int
    remaining: int
    reset: int  # seconds until the oldest counted request leaves the window


class _RuntimeRatesMixin:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        history = getattr(self, "history", None)
        if getattr(self, "rate", None) is not None and history is not None:
            oldest = history[-1] if history else self.now
            noted = RateLimit(
                limit=self.num_requests,
                remaining=max(self.num_requests - len(history), 0),
                reset=max(int(self.duration - (self.now - oldest) + 0.999), 0),
            )
            target = getattr(request, "_request", request)
            current = getattr(target, "ratelimit", None)
            if current is None or noted.remaining < current.remaining:
                target.ratelimit = noted
        return allowed

    def get_ident(self, request):
        # The client behind the trusted proxies, not whatever X-Forwarded-For says.
        return client_ip(request)


class AnonThrottle(_RuntimeRatesMixin, AnonRateThrottle):
    pass


class UserThrottle(_RuntimeRatesMixin, UserRateThrottle):
    pass


class ScopedThrottle(_RuntimeRatesMixin, ScopedRateThrottle):
    """Stricter limits for expensive actions (the view's `throttle_scope`)."""
