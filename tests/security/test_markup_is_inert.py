"""Markup and scripts typed into articles, claims, comments and source names
are shown as text everywhere: screens, admin, API and exports; and a CSV
export never hands a spreadsheet a formula."""

import csv
import io

import pytest

from claims.models import Comment, Source
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

SCRIPT = '<script>alert("x")</script>'
IMAGE = '<img src=x onerror="alert(1)">'


@pytest.fixture
def hostile(db):
    text = f"{SCRIPT} Il sindaco ha detto che {IMAGE} il ponte riaprirà."
    article = ArticleFactory(title=f"Titolo {SCRIPT}", text=text)
    start = text.index(IMAGE)
    content = f"{IMAGE} il ponte riaprirà"
    source = Source.objects.create(
        name=f"Sindaco {SCRIPT}", normalized_name="sindaco x", kind="person"
    )
    claim = ClaimFactory(
        article=article,
        content=content,
        content_start=start,
        content_end=start + len(content),
        source=source,
        source_text=f'=HYPERLINK("http://evil.example","{SCRIPT}")',
        cue_text=IMAGE,
        rationale=f"+cmd|' /C calc'!A0 {SCRIPT}",
    )
    Comment.objects.create(claim=claim, author=None, body=f"@SUM(1+1) {SCRIPT}")
    return claim


@pytest.fixture
def admin_user_client(client, db):
    client.force_login(UserFactory(username="root-editor", is_superuser=True, is_staff=True))
    return client


def assert_inert(html: str, where: str):
    assert "<script>alert" not in html, f"script tag live in {where}"
    assert "<img src=x onerror" not in html, f"event handler live in {where}"


def test_screens_show_markup_as_text(hostile, admin_user_client):
    for path in (
        "/",
        "/articles/",
        f"/articles/{hostile.article_id}/",
        f"/claims/{hostile.pk}/",
        "/queue/",
        f"/queue/?claim={hostile.pk}",
    ):
        response = admin_user_client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content.decode(), path)


def test_the_admin_shows_markup_as_text(hostile, admin_user_client):
    for path in (
        "/admin/claims/article/",
        f"/admin/claims/article/{hostile.article_id}/change/",
        "/admin/claims/claim/",
        f"/admin/claims/claim/{hostile.pk}/change/",
        "/admin/claims/source/",
        "/admin/claims/comment/",
    ):
        response = admin_user_client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content.decode(), path)


def test_the_api_serves_markup_as_json_strings(hostile, admin_user_client):
    response = admin_user_client.get(f"/api/claims/{hostile.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["rationale"].endswith(SCRIPT), "stored and returned as typed"


def test_csv_exports_never_start_a_cell_with_a_formula(hostile, admin_user_client):
    response = admin_user_client.get("/exports/claims.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells, "the hostile claim is exported"
    for cell in cells:
        assert not cell.startswith(("=", "+", "@")), f"formula cell: {cell!r}"
        if cell.startswith("-"):
            assert cell[1:].replace(".", "", 1).isdigit(), f"formula cell: {cell!r}"
    assert any(SCRIPT in cell for cell in cells), "the text itself is kept"


def test_public_fact_check_pages_show_markup_as_text(hostile, client):
    from django.utils import timezone

    from claims.models import ClaimStatus, ClaimVersion, Rating, VersionKind, VersionState
    from claims.services.publication import PUBLIC_FIELDS

    hostile.status = ClaimStatus.PUBLISHED
    hostile.verdict = Rating.objects.get(slug="false")
    hostile.published_at = timezone.now()
    hostile.save()
    # What readers see is the approved version: the hostile text, as two people approved it.
    ClaimVersion.objects.create(
        claim=hostile,
        state=VersionState.APPROVED,
        kind=VersionKind.PUBLICATION,
        approved_at=hostile.published_at,
        **{field: getattr(hostile, field) for field in PUBLIC_FIELDS},
    )
    for path in (
        f"/fact-checks/{hostile.pk}/",
        "/fact-checks/",
        "/fact-checks/?q=ponte",
        "/fact-checks/feed/rss/",
        "/fact-checks/feed/atom/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content.decode(), path)
        assert "script-src 'self'" in response["Content-Security-Policy"], path
