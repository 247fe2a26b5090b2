import pytest
from django.test import Client

from claims.models import Rating
from tests.screens.roles import ensure_rating_scale, make_user


@pytest.fixture
def ratings(db):
    ensure_rating_scale()
    return list(Rating.objects.order_by("position"))


@pytest.fixture
def fact_checker(db):
    return make_user("fc_anna", "fact-checker")


@pytest.fixture
def editor(db):
    return make_user("ed_bruno", "editor")


@pytest.fixture
def second_editor(db):
    return make_user("ed_carla", "editor")


def _client_for(user, language="en"):
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


@pytest.fixture
def fc_client(fact_checker):
    return _client_for(fact_checker)


@pytest.fixture
def editor_client(editor):
    return _client_for(editor)


@pytest.fixture
def second_editor_client(second_editor):
    return _client_for(second_editor)
