"""The signature of a delivery, in the header

    X-Factcheck-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">

The time is part of what is signed, so a receiver can refuse an old
delivery replayed later; docs/API.md shows how to verify it.
"""

import hashlib
import hmac
import time

HEADER = "X-Factcheck-Signature"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, body, timestamp)}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int = 300) -> bool:
    """True when header signs body with secret and is at most `tolerance` seconds old."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, body, timestamp), parts.get("v1", ""))
