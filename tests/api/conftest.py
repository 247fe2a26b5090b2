import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from claims import services
from tests.api.factories import UserFactory, role_user


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    # Throttle counters live in the cache: one test's requests must not limit the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sent_to_queue(monkeypatch):
    """Article ids handed to the broker (the queue itself is tested with a real worker)."""
    sent = []
    monkeypatch.setattr(services.articles, "enqueue_extraction", sent.append)
    return sent


@pytest.fixture
def roles(db):
    return {
        "anonymous": None,
        "no-role": role_user(None),
        "fact-checker": role_user("fact-checker"),
        "editor": role_user("editor"),
        "admin": role_user("admin"),
        "superuser": UserFactory(username="root-user", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def client_as(roles):
    """An API client logged in as a role: client_as("editor")."""

    def make(role: str, *, token: bool = False):
        # English messages, whatever the site's default language.
        client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        user = roles[role] if role in roles else role_user(role, f"{role}-extra")
        if user is None:
            return client
        if token:
            from claims.services.tokens import api_token_create

            _token, key = api_token_create(owner=user, created_by=user, name="tests")
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        else:
            client.force_login(user)
        client.user = user
        return client

    return make


@pytest.fixture
def fact_checker(client_as):
    return client_as("fact-checker")


@pytest.fixture
def editor(client_as):
    return client_as("editor")


@pytest.fixture
def admin(client_as):
    return client_as("admin")
