"""A small news site served on loopback, for the tests and `bench_ingest`.

Its pages are written for this project. The fetcher refuses loopback unless
FACTCHECK_FETCH_ALLOW_LOOPBACK is on, which only tests and the benchmark do.
"""

import datetime as dt
import gzip
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parents[2] / "tests" / "ingest" / "pages"

_PLACES = ["Valle Orsa", "Borgo Nuovo", "Lungolago", "Monte Castro", "Riva Bassa", "Pian Grande"]
_SPEAKERS = [
    ("Il sindaco", "Anna Ferri"),
    ("La presidente della Provincia", "Carla Donati"),
    ("L'assessore ai trasporti", "Luca Serra"),
    ("Il direttore sanitario", "Paolo Greco"),
]
_TOPICS = [
    "la nuova linea di autobus",
    "il piano per le scuole",
    "la rete dell'acqua",
    "il bilancio dell'ospedale",
    "il mercato coperto",
]


def news_text(n: int) -> str:
    """A short, distinct Italian news story for item n."""
    place = _PLACES[n % len(_PLACES)]
    role, name = _SPEAKERS[n % len(_SPEAKERS)]
    topic = _TOPICS[n % len(_TOPICS)]
    return (
        f"{role} di {place}, {name}, ha detto che {topic} costerà {n + 3} milioni di euro "
        f"e sarà pronto entro {n % 12 + 1} mesi. Secondo i tecnici del Comune, il progetto "
        f"numero {n} riguarda {n * 7 + 100} famiglie della zona.\n"
        f"«Abbiamo trovato i fondi», ha aggiunto {name} durante l'incontro con i cittadini "
        f"della frazione {n}, mentre l'opposizione sostiene che i costi sarebbero più alti."
    )


def news_page(n: int) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in news_text(n).split("\n"))
    return (
        '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">'
        f"<title>Notizia {n} - Gazzetta locale</title>"
        '<meta property="og:site_name" content="Gazzetta locale"></head><body>'
        '<nav><a href="/">Home</a></nav>'
        f"<article><h1>Notizia {n}</h1>{paragraphs}</article>"
        "<footer>Gazzetta locale</footer></body></html>"
    ).encode()


def rss_feed(base: str, count: int, *, start: int = 0) -> bytes:
    published = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    items = "".join(
        f"<item><title>Notizia {n}</title><link>{base}/news/{n}.html</link>"
        f"<guid>{base}/news/{n}.html</guid>"
        f"<pubDate>{format_datetime(published + dt.timedelta(minutes=n))}</pubDate>"
        f"<description>Breve {n}</description></item>"
        for n in range(start, start + count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Gazzetta locale</title><link>{base}/</link>"
        f"<description>Notizie</description>{items}</channel></rss>"
    ).encode()


def atom_feed(base: str, count: int) -> bytes:
    entries = "".join(
        f"<entry><title>Notizia {n}</title><link href='{base}/news/{n}.html'/>"
        f"<id>urn:gazzetta:{n}</id><updated>2026-03-01T08:{n % 60:02d}:00Z</updated></entry>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Gazzetta locale (Atom)</title><id>urn:gazzetta</id>"
        f"<updated>2026-03-01T08:00:00Z</updated>{entries}</feed>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # close-delimited bodies: "huge" needs no length

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher gave up first, as some tests want

    def _redirect(self, location: str, status: int = 302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # noqa: C901 - a routing table
        site = self.server.site
        site.requests.append((self.path, self.headers.get("Host", "")))
        path = self.path.split("?", 1)[0]
        base = f"http://127.0.0.1:{self.server.server_port}"
        if path == "/article.html":
            self._send(200, (PAGES / "article.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/no-article.html":
            self._send(200, (PAGES / "no-article.html").read_bytes(), "text/html")
        elif path == "/report.pdf":
            self._send(200, (PAGES / "report.pdf").read_bytes(), "application/pdf")
        elif path == "/slow.html":
            time.sleep(site.slow_seconds)
            self._send(200, news_page(0), "text/html")
        elif path == "/drip.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(int(site.slow_seconds * 10)):
                    self.wfile.write(b"<p>.</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/huge.html":
            # No Content-Length: only the streaming cap can stop it.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"parola " * 1000 + b"</p>\n"
            try:
                for _ in range(site.huge_chunks):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/bomb.html":
            # A small gzip body that inflates to 30 MB: the cap applies after decoding.
            body = gzip.compress(b" " * (30 * 1024 * 1024))
            self._send(200, body, "text/html", {"Content-Encoding": "gzip"})
        elif path == "/huge-declared.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/redirect-to-article":
            self._redirect("/article.html", 301)
        elif path == "/redirect-private":
            self._redirect("http://10.20.30.40/internal/admin")
        elif path == "/redirect-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path.startswith("/redirect-to-host/"):
            # Redirect to a name; the test decides what it resolves to.
            self._redirect(
                f"http://{path.rsplit('/', 1)[1]}:{self.server.server_port}/article.html"
            )
        elif path == "/loop":
            self._redirect("/loop")
        elif path.startswith("/news/") and path.endswith(".html"):
            number = path[len("/news/") : -len(".html")]
            if not number.isdigit():
                self._send(404, b"not found", "text/plain")
            else:
                self._send(200, news_page(int(number)), "text/html; charset=utf-8")
        elif path == "/feed.xml":
            self._send(
                200, rss_feed(base, site.feed_items, start=site.feed_start), "application/rss+xml"
            )
        elif path == "/atom.xml":
            self._send(200, atom_feed(base, site.feed_items), "application/atom+xml")
        elif path == "/nul-feed.xml":
            # The second item's title holds a character reference to NUL.
            body = rss_feed(base, 3).replace(b"<title>Notizia 1</title>", b"<title>A&#0;B</title>")
            self._send(200, body, "application/rss+xml")
        elif path == "/empty-feed.xml":
            self._send(200, b"", "application/rss+xml")
        elif path == "/slow-headers.html":
            # The status line and headers one byte at a time: each read is
            # quick, the whole never ends in time.
            head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"a" * 400
            try:
                for byte in head:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(site.drip_seconds)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/broken-feed.xml":
            self._send(200, b"<html><body>this is no feed</body></html>", "text/html")
        else:
            self._send(404, b"not found", "text/plain")


class LocalSite:
    """A threaded HTTP server on 127.0.0.1 and a free port; stop() shuts it down."""

    def __init__(self):
        self.requests: list[tuple[str, str]] = []
        self.slow_seconds = 3.0
        self.huge_chunks = 2000  # about 14 MB
        self.drip_seconds = 0.05
        self.feed_items = 5
        self.feed_start = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.site = self
        self.port = self.server.server_port
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "LocalSite":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path
