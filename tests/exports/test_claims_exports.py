import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from claims.exports import EXPORT_FIELDS
from claims.models import Claim, ClaimStatus
from claims.timeformat import iso_utc
from tests.api.factories import (
    ArticleFactory,
    ClaimFactory,
    PublishedClaimFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def body_of(response) -> str:
    assert isinstance(response, StreamingHttpResponse), "exports must stream"
    return b"".join(response.streaming_content).decode("utf-8")


def database_rows(queryset=None):
    """What the database holds, as the text a CSV cell carries."""
    rows = []
    for claim in (queryset or Claim.objects.all()).order_by("id"):
        values = {
            "id": claim.pk,
            "article": claim.article_id,
            "article_title": claim.article.title,
            "article_url": claim.article.url,
            "article_outlet": claim.article.outlet,
            "language": claim.article.language,
            "position": claim.position,
            "content": claim.content,
            "content_start": claim.content_start,
            "content_end": claim.content_end,
            "source_text": claim.source_text,
            "source": claim.source_id,
            "source_name": claim.source.name if claim.source else None,
            "source_kind": claim.source_kind,
            "cue_text": claim.cue_text,
            "channel_text": claim.channel_text,
            "quote_type": claim.quote_type,
            "hedged": claim.hedged,
            "status": claim.status,
            "verdict": claim.verdict.slug if claim.verdict else None,
            "rationale": claim.rationale,
            "assignee": claim.assignee.username if claim.assignee else None,
            "version": claim.version,
            "created_at": claim.created_at,
            "updated_at": claim.updated_at,
            "published_at": claim.published_at,
        }
        rows.append(values)
    return rows


def as_csv_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return iso_utc(value)
    return str(value)


@pytest.fixture
def varied_claims():
    source = SourceFactory(name="Giulia Bianchi")
    article = ArticleFactory(title="Sanità, i conti", url="https://example.org/sanita", outlet="X")
    return [
        ClaimFactory(
            article=article,
            source=source,
            content='Ha detto: «i conti, "tutti", tornano»\nsu due righe',
            cue_text="ha detto",
            hedged=True,
            assignee=UserFactory(username="giulia"),
        ),
        PublishedClaimFactory(article=article, rationale='Virgole, "virgolette" e; punti'),
        ClaimFactory(article=ArticleFactory(language="en"), content="=1+1 is not a formula"),
    ]


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_csv_export_parsed_back_equals_the_database_rows(admin, varied_claims):
    response = admin.get("/exports/claims.csv", {"raw": "true"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    parsed = parse_csv(body_of(response))
    assert list(parsed[0]) == list(EXPORT_FIELDS)
    expected = [{k: as_csv_text(v) for k, v in row.items()} for row in database_rows()]
    assert parsed == expected


def test_the_default_csv_keeps_formulas_inert_and_reads_back_the_same(admin, varied_claims):
    from claims.exports import csv_cell_to_text

    parsed = parse_csv(body_of(admin.get("/exports/claims.csv")))
    formula = next(row for row in parsed if row["id"] == str(varied_claims[2].pk))
    assert formula["content"] == "'=1+1 is not a formula"
    unquoted = [{k: csv_cell_to_text(v) for k, v in row.items()} for row in parsed]
    expected = [{k: as_csv_text(v) for k, v in row.items()} for row in database_rows()]
    assert unquoted == expected


def test_a_json_export_parsed_back_equals_the_database_rows(admin, varied_claims):
    response = admin.get("/exports/claims.json")
    assert response.status_code == 200
    parsed = json.loads(body_of(response))
    expected = [
        {k: (iso_utc(v) if hasattr(v, "isoformat") else v) for k, v in row.items()}
        for row in database_rows()
    ]
    # The API's timestamp format, to the microsecond.
    assert parsed == expected


def test_exports_take_the_claim_lists_filters(admin, varied_claims):
    published = body_of(admin.get("/exports/claims.csv", {"status": "published"}))
    rows = list(csv.DictReader(io.StringIO(published.lstrip("\ufeff"))))
    assert [int(r["id"]) for r in rows] == [varied_claims[1].pk]
    english = json.loads(body_of(admin.get("/exports/claims.json", {"language": "en"})))
    assert [r["id"] for r in english] == [varied_claims[2].pk]
    hedged = json.loads(
        body_of(admin.get("/exports/claims.json", {"hedged": "true", "search": "conti"}))
    )
    assert [r["id"] for r in hedged] == [varied_claims[0].pk]


def test_an_export_with_an_invalid_filter_is_a_json_400(admin):
    response = admin.get("/exports/claims.csv", {"published_after": "last tuesday"})
    assert response.status_code == 400
    assert "published_after" in response.json()["errors"]


def test_an_export_answers_a_client_that_accepts_only_csv(admin, varied_claims):
    response = admin.get("/exports/claims.csv", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200


def test_an_empty_export_is_still_a_valid_file(admin):
    assert json.loads(body_of(admin.get("/exports/claims.json"))) == []
    text = body_of(admin.get("/exports/claims.csv")).lstrip("\ufeff")
    assert text.strip() == ",".join(EXPORT_FIELDS)


def test_exports_read_the_database_in_chunks(admin, monkeypatch):
    """.iterator() with a chunk size: rows are fetched as the response is consumed."""
    from claims import exports

    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    ClaimFactory.create_batch(5, status=ClaimStatus.UNVERIFIED)
    response = admin.get("/exports/claims.csv")
    chunks = iter(response.streaming_content)
    next(chunks), next(chunks)  # BOM and header: no claim read yet
    assert sum(1 for _ in chunks) == 5
