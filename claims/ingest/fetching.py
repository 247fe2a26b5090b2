"""Fetch a page from the web safely: for a Celery task, never for a request.

- only http and https;
- the host is resolved here, every address checked (claims/ingest/ssrf.py),
  and the connection goes to a checked address with the original name used
  for the Host header, TLS SNI and certificate check, so DNS rebinding cannot
  redirect it;
- redirects are followed by hand (at most five), each hop checked again;
- connect, read and overall time limits, and a cap on the decoded body.
"""

import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

import urllib3
import urllib3.connection
from django.conf import settings
from django.utils.translation import gettext as _
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util import parse_url

from claims.ingest import ssrf

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
    # Many servers label feeds loosely; the parser decides.
    "text/plain",
    "text/html",
    "application/octet-stream",
)
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
USER_AGENT = "factcheck-ingest/1.0 (+newsroom fact-checking tool)"


class FetchError(Exception):
    """The page could not be fetched; code is one of the reasons the article shows."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class FetchedPage:
    url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    headers: dict = field(default_factory=dict)


def fetch_limits() -> dict:
    return {
        "connect": float(getattr(settings, "FACTCHECK_FETCH_CONNECT_TIMEOUT", 5)),
        "read": float(getattr(settings, "FACTCHECK_FETCH_READ_TIMEOUT", 10)),
        "total": float(getattr(settings, "FACTCHECK_FETCH_TOTAL_TIMEOUT", 30)),
        "max_bytes": int(getattr(settings, "FACTCHECK_FETCH_MAX_BYTES", 5 * 1024 * 1024)),
    }


def _parse(url: str):
    try:
        parsed = parse_url(url)
    except Exception:  # urllib3 raises LocationParseError and ValueError
        raise FetchError(
            "bad_url", _("“%(url)s” is not a valid address.") % {"url": url[:200]}
        ) from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(
            "bad_url",
            _("Only http and https addresses can be fetched, not “%(url)s”.") % {"url": url[:200]},
        )
    if not parsed.host:
        raise FetchError("bad_url", _("“%(url)s” has no host name.") % {"url": url[:200]})
    return parsed


def _media_type(value: str) -> tuple[str, str | None]:
    parts = [part.strip() for part in (value or "").split(";")]
    media = parts[0].lower()
    charset = None
    for part in parts[1:]:
        name, _sep, val = part.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media, charset


class _Deadline:
    """Cuts the fetch's sockets when its total time is up.

    Socket timeouts bound each read, not their sum: a server sending its
    headers a byte every two seconds never trips a ten-second read timeout and
    would hold the worker for minutes. A timer thread shuts the sockets down
    at the deadline, which ends any read in progress at once.
    """

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if not self.passed:
                return
        self._cut()

    def _cut(self) -> None:
        with self._lock:
            self.passed = True
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def expired(self) -> bool:
        return self.passed or time.monotonic() > self.at


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def _new_conn(self):
        sock = super()._new_conn()
        self._deadline.watch(sock)
        return sock


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def _new_conn(self):
        sock = super()._new_conn()
        self._deadline.watch(sock)  # before TLS: a slow handshake is cut too
        return sock


def _pool(scheme: str, address: str, port: int, host: str, limits: dict, deadline: _Deadline):
    timeout = urllib3.Timeout(connect=limits["connect"], read=limits["read"])
    pool = ssrf.pinned_pool(scheme, address, port, host, timeout)
    # Every socket it opens is watched by the whole fetch's deadline.
    pool.ConnectionCls = _WatchedHTTPSConnection if scheme == "https" else _WatchedHTTPConnection
    pool.conn_kw["deadline"] = deadline
    return pool


def _open(parsed, limits: dict, headers: dict, deadline: _Deadline):
    """One request to one checked address of the host (the first that connects)."""
    scheme = parsed.scheme
    port = parsed.port or (443 if scheme == "https" else 80)
    host = parsed.host.strip("[]")
    try:
        resolved = ssrf.resolve(host, port)
    except ssrf.AddressRefused as exc:
        raise FetchError("refused_address", exc.message) from None
    except LookupError as exc:
        raise FetchError("connection", str(exc)) from None
    host_header = (
        parsed.host
        if parsed.port in (None, 80 if scheme == "http" else 443)
        else (f"{parsed.host}:{parsed.port}")
    )
    request_headers = {
        "Host": host_header,
        "User-Agent": USER_AGENT,
        "Accept-Encoding": "gzip, deflate",
        **headers,
    }
    last_error: Exception | None = None
    for address in resolved.addresses:
        pool = _pool(scheme, address, port, host, limits, deadline)
        try:
            response = pool.urlopen(
                "GET",
                parsed.request_uri,
                headers=request_headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except Urllib3Timeout as exc:
            last_error = exc
            continue
        except SSLError as exc:
            raise FetchError(
                "connection",
                _("The secure connection to %(host)s failed: %(err)s") % {"host": host, "err": exc},
            ) from None
        except Urllib3Error as exc:
            last_error = exc
            if deadline.expired():
                break
            continue
        return pool, response
    if deadline.expired():
        raise FetchError(
            "timeout",
            _("Timeout: %(host)s did not answer within %(seconds)d seconds.")
            % {"host": host, "seconds": limits["total"]},
        )
    if isinstance(last_error, Urllib3Timeout):
        raise FetchError(
            "timeout", _("Timeout: %(host)s did not answer in time.") % {"host": host}
        ) from None
    raise FetchError(
        "connection",
        _("Could not connect to %(host)s (%(err)s).") % {"host": host, "err": last_error},
    ) from None


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES,
    headers: dict | None = None,
    limits: dict | None = None,
) -> FetchedPage:
    """GET url within the limits and the address rules; FetchError says why not.

    A 304 answer (for conditional feed requests) is returned with an empty body.
    """
    limits = {**fetch_limits(), **(limits or {})}
    with _Deadline(limits["total"]) as deadline:
        return _fetch(url, accept, headers or {}, limits, deadline)


def _fetch(url: str, accept, headers: dict, limits: dict, deadline: _Deadline) -> FetchedPage:
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        if deadline.expired():
            raise FetchError("timeout", _("Timeout: the redirects took too long."))
        parsed = _parse(current)
        pool, response = _open(parsed, limits, headers, deadline)
        try:
            if deadline.passed:  # headers cut short at the deadline may still parse
                raise FetchError("timeout", _("Timeout: the server took too long to answer."))
            if response.status in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(
                        "http_error",
                        _("A redirect without a destination (HTTP %(status)d).")
                        % {"status": response.status},
                    )
                current = urljoin(current, location.strip())
                continue
            if response.status == 304:
                return FetchedPage(current, 304, b"", "", None, dict(response.headers))
            if response.status >= 400:
                raise FetchError(
                    "http_error",
                    _("The server answered HTTP %(status)d.") % {"status": response.status},
                )
            media, charset = _media_type(response.headers.get("Content-Type", ""))
            if media not in accept:
                raise FetchError(
                    "not_html",
                    _("Not HTML: the address serves “%(type)s”.") % {"type": media or "?"},
                )
            body = _read_capped(response, limits["max_bytes"], deadline)
            return FetchedPage(
                current, response.status, body, media, charset, dict(response.headers)
            )
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(
        "redirects", _("Too many redirects (more than %(max)d).") % {"max": MAX_REDIRECTS}
    )


def _too_large(limit: int) -> FetchError:
    return FetchError(
        "too_large",
        _("Too large: the page is bigger than %(mb).1f MB.") % {"mb": limit / (1024 * 1024)},
    )


def _read_capped(response, limit: int, deadline: _Deadline) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 returns what one socket read brings, so a page sent a byte at
        # a time still meets the overall deadline.
        while chunk := response.read1(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            if deadline.expired():
                raise FetchError("timeout", _("Timeout: the page took too long to download."))
            chunks.append(chunk)
        if deadline.passed:  # the cut socket reads as the end of the page: it is not
            raise FetchError("timeout", _("Timeout: the page took too long to download."))
    except Urllib3Timeout:
        raise FetchError("timeout", _("Timeout: the server stopped sending the page.")) from None
    except (Urllib3Error, OSError) as exc:
        if deadline.expired():
            raise FetchError("timeout", _("Timeout: the page took too long to download.")) from None
        raise FetchError(
            "connection", _("The download was interrupted (%(err)s).") % {"err": exc}
        ) from None
    return b"".join(chunks)
