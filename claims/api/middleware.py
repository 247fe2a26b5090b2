"""Conventions every answer under /api/ and /exports/ follows, kept out of the
views: times in UTC, rate-limit headers, ETag and 304 on reads, and CORS for
the published API alone (FACTCHECK_CORS_ORIGINS)."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import patch_vary_headers

API_PREFIXES = ("/api/", "/exports/")
# What a browser page on another site may read: the published fact-checks.
CORS_PREFIXES = ("/api/published/", "/exports/claimreview")
CORS_ALLOWED_HEADERS = "Authorization, If-None-Match, Accept, Accept-Language"
CORS_EXPOSED_HEADERS = "ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After"


def is_api(path: str) -> bool:
    return path.startswith(API_PREFIXES)


class ApiConventionsMiddleware:
    """UTC times, RateLimit-* headers (filled by claims/api/throttling.py) and
    conditional GETs for API reads."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)

    def __call__(self, request):
        if not is_api(request.path):
            return self.get_response(request)
        # One timestamp format: every time the API writes (and every time
        # without an offset that it reads) is UTC.
        with timezone.override(datetime.UTC):
            response = self.get_response(request)
        limit = getattr(request, "ratelimit", None)
        if limit is not None:
            response["RateLimit-Limit"] = str(limit.limit)
            response["RateLimit-Remaining"] = str(limit.remaining)
            response["RateLimit-Reset"] = str(limit.reset)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self.conditional.process_response(request, response)
        return response


def _allowed_origin(origin: str) -> str | None:
    origins = getattr(settings, "FACTCHECK_CORS_ORIGINS", [])
    if "*" in origins:
        return "*"
    return origin if origin in origins else None


class PublishedCorsMiddleware:
    """Cross-origin reads of the published API, for the configured origins only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.headers.get("Origin")
        if not origin or not request.path.startswith(CORS_PREFIXES):
            return self.get_response(request)
        allowed = _allowed_origin(origin)
        preflight = (
            request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
        )
        if preflight:
            response = HttpResponse(status=204 if allowed else 403)
        else:
            response = self.get_response(request)
        patch_vary_headers(response, ["Origin"])
        if allowed:
            response["Access-Control-Allow-Origin"] = allowed
            response["Access-Control-Expose-Headers"] = CORS_EXPOSED_HEADERS
            if preflight:
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = "600"
        return response
