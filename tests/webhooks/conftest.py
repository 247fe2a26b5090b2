import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Receiver:
    """An integrator's endpoint on 127.0.0.1: keeps every POST, answers `status`."""

    def __init__(self):
        self.received: list[dict] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                receiver.received.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": self.rfile.read(length),
                    }
                )
                self.send_response(receiver.status)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"thanks" if receiver.status < 300 else b"try later")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/factcheck"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture
def allow_loopback(settings):
    """The receiver is on loopback, which the address rules refuse by default."""
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    settings.FACTCHECK_FETCH_CONNECT_TIMEOUT = 2
    settings.FACTCHECK_FETCH_READ_TIMEOUT = 2
    return settings


@pytest.fixture
def queued(monkeypatch):
    """Delivery ids handed to the broker; tests then run the task function themselves."""
    from claims.webhooks import tasks

    sent: list[int] = []
    monkeypatch.setattr(tasks, "enqueue_delivery", sent.append)
    return sent


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield
