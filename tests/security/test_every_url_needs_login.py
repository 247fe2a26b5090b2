"""Walk every URL the project serves: anonymous visitors get nothing but the login."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import ArticleFactory, ClaimFactory

# Pages that must work without an account.
PUBLIC = {
    "accounts/login/",
    "healthz",
    "favicon.ico",
    "i18n/setlang/",
    "admin/login/",
    # The API's description (no data): programmers read it before they have a token.
    "api/schema/",
    "api/docs/",
}
# Published fact-checks are for everyone: their index, feeds and sitemap. A
# fact-check's own page (/fact-checks/<slug-or-id>/) is not listed: the walk
# reaches it with an unpublished claim, which must be a 404 like any draft.
PUBLIC_FACT_CHECKS = {
    "fact-checks/",
    "fact-checks/feed/rss/",
    "fact-checks/feed/atom/",
    "sitemap.xml",
}
PUBLIC |= PUBLIC_FACT_CHECKS


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
    path = re.sub(r"<(?:int:|slug:|str:)?[a-z_]+>", str(ids["claim"]), path)
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
def test_the_public_fact_check_addresses_are_readable_and_read_only(client):
    for path in sorted(PUBLIC_FACT_CHECKS):
        assert client.get("/" + path).status_code == 200, path
        assert client.post("/" + path).status_code == 405, path


@pytest.mark.django_db
def test_a_drafts_public_address_is_a_404_for_everyone(client, admin_client):
    claim = ClaimFactory(article=ArticleFactory())
    for visitor in (client, admin_client):
        assert visitor.get(f"/fact-checks/{claim.pk}/").status_code == 404


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


@pytest.mark.django_db
def test_the_speaker_quality_and_editing_addresses_need_login(client):
    """Named here as well as walked above, so a change to the walk cannot drop them."""
    from claims.models import Source

    claim = ClaimFactory(article=ArticleFactory())
    source = Source.objects.create(name="Anna Blu", normalized_name="anna blu", kind="person")
    pages = [
        "/sources/",
        "/sources/suggest/?q=an",
        f"/sources/{source.pk}/",
        "/quality/extraction/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/"), path
    for path in (f"/sources/{source.pk}/edit/", f"/sources/{source.pk}/merge/"):
        response = client.post(path, {"name": "x", "kind": "person", "other": source.pk})
        assert response.status_code == 302, path
    api = [
        ("post", "/api/claims/"),
        ("patch", f"/api/claims/{claim.pk}/"),
        ("post", f"/api/claims/{claim.pk}/split/"),
        ("post", f"/api/claims/{claim.pk}/merge/"),
    ]
    for method, path in api:
        assert getattr(client, method)(path).status_code in (401, 403), path
    source.refresh_from_db()
    assert source.name == "Anna Blu"
