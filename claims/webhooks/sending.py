"""POST a delivery to an endpoint under the URL fetcher's address rules
(claims/ingest/ssrf.py): the host is resolved and every address checked, the
connection goes to a checked address, and redirects are not followed, so a
webhook URL can never make the server call its own network."""

from dataclasses import dataclass

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.util import parse_url

from claims.ingest import ssrf

USER_AGENT = "factcheck-webhooks/1.0"
# What is kept of an endpoint's answer for the delivery log.
KEPT_RESPONSE_BYTES = 2000


@dataclass(frozen=True)
class PostResult:
    status: int | None  # None when no answer came
    error: str  # empty when the endpoint answered 2xx

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def check_url(url: str) -> str | None:
    """Why this URL cannot be an endpoint, without a DNS lookup; None when it can."""
    try:
        parsed = parse_url(url)
    except Exception:  # urllib3 raises LocationParseError and ValueError
        return _("“%(url)s” is not a valid address.") % {"url": url[:200]}
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return _("A webhook URL is an http or https address with a host name.")
    try:
        ssrf.check_literal_host(parsed.host)
    except ssrf.AddressRefused as exc:
        return exc.message
    return None


def post(url: str, body: bytes, headers: dict[str, str]) -> PostResult:
    refusal = check_url(url)
    if refusal:
        return PostResult(None, refusal)
    parsed = parse_url(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    host = parsed.host.strip("[]")
    try:
        resolved = ssrf.resolve(host, port)
    except ssrf.AddressRefused as exc:
        return PostResult(None, exc.message)
    except LookupError as exc:
        return PostResult(None, str(exc))
    timeout = urllib3.Timeout(
        connect=float(settings.FACTCHECK_FETCH_CONNECT_TIMEOUT),
        read=float(settings.FACTCHECK_FETCH_READ_TIMEOUT),
    )
    default_port = 443 if parsed.scheme == "https" else 80
    request_headers = {
        "Host": parsed.host if port == default_port else f"{parsed.host}:{port}",
        "User-Agent": USER_AGENT,
        "Content-Type": "application/json",
        **headers,
    }
    error = ""
    for address in resolved.addresses:
        pool = ssrf.pinned_pool(parsed.scheme, address, port, host, timeout)
        try:
            response = pool.urlopen(
                "POST",
                parsed.request_uri,
                body=body,
                headers=request_headers,
                redirect=False,
                retries=False,
                assert_same_host=False,
                preload_content=False,
            )
            try:
                answer = response.read(KEPT_RESPONSE_BYTES, decode_content=False)
            finally:
                response.release_conn()
        except Urllib3Error as exc:
            error = _("Could not deliver to %(host)s (%(err)s).") % {"host": host, "err": exc}
            continue
        finally:
            pool.close()
        if 200 <= response.status < 300:
            return PostResult(response.status, "")
        return PostResult(
            response.status,
            _("The endpoint answered HTTP %(status)d: %(answer)s")
            % {"status": response.status, "answer": answer.decode("utf-8", "replace")[:500]},
        )
    return PostResult(None, error)
