import pytest

from claims.ingest.localsite import LocalSite


@pytest.fixture(scope="session")
def _site_server():
    site = LocalSite().start()
    yield site
    site.stop()


@pytest.fixture
def site(_site_server):
    """The project's test news site on 127.0.0.1, reset for each test."""
    _site_server.requests.clear()
    _site_server.slow_seconds = 3.0
    _site_server.feed_items = 5
    _site_server.feed_start = 0
    return _site_server


@pytest.fixture
def allow_loopback(settings):
    """Let the fetcher reach the test site (loopback is refused by default)."""
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    settings.FACTCHECK_FETCH_CONNECT_TIMEOUT = 2
    settings.FACTCHECK_FETCH_READ_TIMEOUT = 1
    settings.FACTCHECK_FETCH_TOTAL_TIMEOUT = 5
    settings.FACTCHECK_FETCH_MAX_BYTES = 1024 * 1024
    return settings


@pytest.fixture
def fake_dns(monkeypatch):
    """Make chosen host names resolve to chosen addresses: fake_dns({"name": ["10.0.0.1"]})."""
    import socket

    real = socket.getaddrinfo
    table: dict[str, list[str]] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host in table:
            return [
                (
                    socket.AF_INET6 if ":" in address else socket.AF_INET,
                    socket.SOCK_STREAM,
                    6,
                    "",
                    (address, port, 0, 0) if ":" in address else (address, port),
                )
                for address in table[host]
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table.update


@pytest.fixture
def loopback_worker(monkeypatch, worker_env_loopback, worker):
    return worker


@pytest.fixture
def worker_env_loopback(monkeypatch):
    # Set before the worker fixture copies the environment.
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW_LOOPBACK", "1")
    monkeypatch.setenv("FACTCHECK_FETCH_READ_TIMEOUT", "2")


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English; the interface defaults to Italian."""
    from django.utils import translation

    with translation.override("en"):
        yield


def _with_perms(username: str, *codenames: str):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory(username=username)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
    )
    return user


@pytest.fixture
def rating_scale(db):
    """The default verdict scale (a real worker's test flushes data-migration rows)."""
    import importlib

    from django.apps import apps

    importlib.import_module("claims.migrations.0002_default_rating_scale").create_scale(apps, None)


@pytest.fixture
def editor(db, rating_scale):
    return _with_perms(
        "caporedattrice", "add_article", "view_claim", "set_verdict", "publish_claim"
    )


@pytest.fixture
def reader(db):
    """Logged in, but a role that can neither submit nor rate."""
    return _with_perms("lettore", "view_claim", "view_article")
