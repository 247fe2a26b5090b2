"""Throttles whose rates are read at request time, so a changed setting
(REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]) applies without a restart of the
class machinery — DRF's own classes freeze the rates at import."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from factcheck.proxies import client_ip


class _RuntimeRatesMixin:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        # The client behind the trusted proxies, not whatever X-Forwarded-For says.
        return client_ip(request)


class AnonThrottle(_RuntimeRatesMixin, AnonRateThrottle):
    pass


class UserThrottle(_RuntimeRatesMixin, UserRateThrottle):
    pass


class ScopedThrottle(_RuntimeRatesMixin, ScopedRateThrottle):
    """Stricter limits for expensive actions (the view's `throttle_scope`)."""
