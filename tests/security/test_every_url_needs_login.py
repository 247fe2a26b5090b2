"""Walk every URL the project serves: anonymous visitors get nothing but the login."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import ArticleFactory, ClaimFactory

# Pages that must work without an account.
PUBLIC = {
    "accounts/login/",
    "healthz",
    "i18n/setlang/",
    "admin/login/",
    # The API's description (no data): programmers read it before they have a token.
    "api/schema/",
    "api/docs/",
}


def walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, pattern)
        elif isinstance(entry, URLPattern):
            yield pattern


def concrete(pattern: str, ids: dict) -> str | None:
    """A real path for a pattern, with ids of existing rows; None when it takes free text."""
    path = pattern.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    path = re.sub(
        r"<int:[a-z_]*pk>|<int:[a-z_]*id>|<pk>|\(\?P<pk>\[\^/\.\]\+\)", str(ids["claim"]), path
    )
    path = re.sub(r"<(?:int:)?[a-z_]+>", str(ids["claim"]), path)
    if any(ch in path for ch in "()[]*+?<>|"):
        return None
    return "/" + path


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login_or_refused_everywhere(client):
    claim = ClaimFactory(article=ArticleFactory())
    ids = {"claim": claim.pk, "article": claim.article_id}
    checked = 0
    for pattern in sorted(set(walk(get_resolver()))):
        path = concrete(pattern, ids)
        if path is None or path.lstrip("/") in PUBLIC or path.startswith("/static/"):
            continue
        if path.startswith("/admin/") and "login" not in path:
            response = client.get(path)
            assert response.status_code in (302, 404, 405), path
            if response.status_code == 302:
                assert response["Location"].startswith("/admin/"), path
            checked += 1
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            if path.startswith(("/api/", "/exports/")):
                assert response.status_code in (401, 403, 404, 405), (method, path)
            else:
                assert response.status_code in (302, 403, 404, 405), (method, path)
                if response.status_code == 302:
                    assert response["Location"].startswith("/accounts/login/"), (method, path)
            assert response.status_code != 200, (method, path)
        checked += 1
    assert checked > 20, "the walk must reach the project's pages"


@pytest.mark.django_db
def test_every_form_post_without_a_csrf_token_is_refused():
    from django.test import Client

    from tests.factories import UserFactory

    claim = ClaimFactory(article=ArticleFactory())
    ids = {"claim": claim.pk, "article": claim.article_id}
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="csrf-editor", is_superuser=True, is_staff=True))
    checked = 0
    for pattern in sorted(set(walk(get_resolver()))):
        path = concrete(pattern, ids)
        if path is None or path.startswith("/static/") or path == "/healthz":
            continue
        response = client.post(path, {"text": "x", "body": "x", "version": "1"})
        # 405: the URL takes no POST at all; 403: the token is missing.
        assert response.status_code in (403, 404, 405), (path, response.status_code)
        checked += response.status_code == 403
    assert checked > 15, "the forms must be reached"
