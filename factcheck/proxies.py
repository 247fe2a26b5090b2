"""The client's address, behind as many reverse proxies as the operator trusts.

FACTCHECK_TRUSTED_PROXIES says how many proxies in front of the app add
themselves to X-Forwarded-For (0, the default: none, the app is reached
directly). Each trusted proxy appends the address it saw, so the client is
the N-th entry from the right; whatever a client writes further left is its
own claim and is ignored. With 0 the header is never read: otherwise anyone
could pick an address, and lock anyone out with five bad passwords.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = getattr(settings, "FACTCHECK_TRUSTED_PROXIES", 0)
    if trusted <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if not forwarded:
        return remote
    candidate = forwarded[-min(trusted, len(forwarded))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy passed on garbage: fall back to what we can see
        return remote
