"""Editors add and reshape claims through the API: POST /api/claims/, span
fields in PATCH, "not a claim", split and merge; each kept as labelled data."""

import pytest

from claims.extraction import ClaimRecord, Span
from claims.models import Claim, ClaimOrigin, ClaimStatus, ExtractionCorrection, ExtractionState
from claims.services.articles import article_apply_extraction
from tests.factories import ArticleFactory, ClaimFactory

TEXT = (
    "Il ministro Carlo Bianchi ha detto che la nuova diga costerà 40 milioni. "
    "Secondo l'agenzia Dire, i lavori partiranno a maggio. "
    "La Regione ha annunciato un bando per 200 posti."
)


def at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.fixture
def article(db):
    return ArticleFactory(
        text=TEXT, language="it", extraction_state=ExtractionState.DONE, extractor_version="9.9"
    )


def extracted(article, words, source=None, key=None):
    start, end = at(words)
    fields = {"source_text": "", "source_start": None, "source_end": None}
    if source:
        s, e = at(source)
        fields = {"source_text": source, "source_start": s, "source_end": e}
    claim = ClaimFactory(
        article=article,
        content=words,
        content_start=start,
        content_end=end,
        extraction_key=key or f"{start}:{end}:{fields['source_start'] or ''}",
        extractor_version="9.9",
        **fields,
    )
    from claims.services.editing import claim_record

    claim.extracted_record = {**claim_record(claim), "version": "9.9"}
    claim.save()
    return claim


def test_an_editor_adds_a_claim_by_its_offsets(client_as, article):
    client = client_as("editor")
    start, end = at("la nuova diga costerà 40 milioni")
    s_start, s_end = at("Il ministro Carlo Bianchi")
    response = client.post(
        "/api/claims/",
        {
            "article": article.pk,
            "content_start": start,
            "content_end": end,
            "source_start": s_start,
            "source_end": s_end,
            "cue_text": "ha detto",
            "source_kind": "person",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["content"] == "la nuova diga costerà 40 milioni"
    assert body["source_text"] == "Il ministro Carlo Bianchi"
    # Typed cue words are found in the text, near the claim.
    assert (body["cue_start"], body["cue_end"]) == at("ha detto")
    claim = Claim.objects.get(pk=body["id"])
    assert claim.origin == ClaimOrigin.ADDED
    assert claim.source is not None and claim.source.name == "Il ministro Carlo Bianchi"
    correction = ExtractionCorrection.objects.get(claim=claim)
    assert correction.action == "added" and correction.extractor_version == "9.9"
    assert claim.checkworthiness is not None and "number" in claim.checkworthiness_reasons


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"content_start": 10, "content_end": 5}, "content_end"),
        ({"content_start": 0, "content_end": 10_000}, "content_end"),
        ({"content_start": 72, "content_end": 73}, "content"),  # a lone space
        ({"content_start": 0, "content_end": 10, "source_start": 3}, "source_end"),
        ({"content_start": 0, "content_end": 10, "cue_start": 5, "cue_end": 99_999}, "cue_end"),
        ({"content_start": -1, "content_end": 10}, "content_start"),
        ({"content_end": 10}, "content_start"),
    ],
)
def test_bad_spans_are_refused_with_the_field_named_and_nothing_stored(
    client_as, article, payload, field
):
    response = client_as("editor").post(
        "/api/claims/", {"article": article.pk, **payload}, format="json"
    )
    assert response.status_code == 400, response.json()
    assert field in response.json()["errors"], response.json()
    assert not Claim.objects.exists()
    assert not ExtractionCorrection.objects.exists()


def test_patch_respans_a_claim_and_its_source_and_keeps_the_original(client_as, article):
    claim = extracted(article, "i lavori partiranno a maggio", source="l'agenzia Dire")
    start, end = at("i lavori partiranno")
    response = client_as("editor").patch(
        f"/api/claims/{claim.pk}/",
        {
            "version": claim.version,
            "content_start": start,
            "content_end": end,
            "source_start": None,
            "source_end": None,
            "channel_start": at("l'agenzia Dire")[0],
            "channel_end": at("l'agenzia Dire")[1],
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["content"] == "i lavori partiranno"
    assert body["source_start"] is None and body["source_text"] == ""
    assert body["channel_text"] == "l'agenzia Dire"
    claim.refresh_from_db()
    assert claim.extracted_record["content"]["text"] == "i lavori partiranno a maggio"
    fields = set(ExtractionCorrection.objects.filter(claim=claim).values_list("action", "field"))
    assert ("respanned", "content") in fields
    assert ("respanned", "source") in fields and ("respanned", "channel") in fields


def test_patch_with_a_span_outside_the_text_is_a_400_naming_it(client_as, article):
    claim = extracted(article, "i lavori partiranno a maggio")
    response = client_as("editor").patch(
        f"/api/claims/{claim.pk}/",
        {"version": claim.version, "source_start": 5, "source_end": len(TEXT) + 1},
        format="json",
    )
    assert response.status_code == 400
    assert "source_end" in response.json()["errors"]
    claim.refresh_from_db()
    assert claim.version == 1 and claim.corrected_by is None


def test_not_a_claim_is_a_status_of_its_own_and_can_be_undone(client_as, article):
    claim = extracted(article, "La Regione ha annunciato un bando per 200 posti")
    client = client_as("fact-checker")
    response = client.patch(
        f"/api/claims/{claim.pk}/", {"version": 1, "status": "not_a_claim"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "not_a_claim"
    assert ExtractionCorrection.objects.filter(claim=claim, action="not_a_claim").exists()
    response = client.patch(
        f"/api/claims/{claim.pk}/", {"version": 2, "status": "unverified"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "unverified"


def test_split_and_merge_are_api_actions(client_as, article):
    first = extracted(
        article, "la nuova diga costerà 40 milioni", source="Il ministro Carlo Bianchi"
    )
    second = extracted(article, "i lavori partiranno a maggio")
    client = client_as("editor")
    cut = at("costerà")[0]
    response = client.post(
        f"/api/claims/{first.pk}/split/", {"at": cut, "version": 1}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["first"]["content"] == "la nuova diga"
    assert body["second"]["content"] == "costerà 40 milioni"
    assert body["second"]["source_text"] == "Il ministro Carlo Bianchi"
    # Not adjacent: the split-off part lies between them.
    response = client.post(
        f"/api/claims/{first.pk}/merge/", {"other": second.pk, "version": 2}, format="json"
    )
    assert response.status_code == 400 and "other" in response.json()["errors"]
    response = client.post(
        f"/api/claims/{first.pk}/merge/",
        {"other": body["second"]["id"], "version": 2},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["content"] == "la nuova diga costerà 40 milioni"
    assert not Claim.objects.filter(pk=body["second"]["id"]).exists()
    actions = list(ExtractionCorrection.objects.values_list("action", flat=True).order_by("id"))
    assert actions == ["split", "merged"]


def test_split_outside_the_claim_is_refused(client_as, article):
    claim = extracted(article, "i lavori partiranno a maggio")
    response = client_as("editor").post(
        f"/api/claims/{claim.pk}/split/", {"at": 0, "version": 1}, format="json"
    )
    assert response.status_code == 400 and "at" in response.json()["errors"]


def test_a_role_without_corrections_cannot_add(client_as, article):
    response = client_as("no-role").post(
        "/api/claims/",
        {"article": article.pk, "content_start": 0, "content_end": 10},
        format="json",
    )
    assert response.status_code == 403


def _record(words, source=None):
    start, end = at(words)
    src = None
    if source:
        s, e = at(source)
        src = Span(source, s, e)
    return ClaimRecord(
        content=Span(words, start, end),
        source=src,
        cue=None,
        channel=None,
        source_kind="person" if source else "author",
        quote="indirect" if source else "none",
        hedged=False,
        source_name=source,
    )


def test_editors_spans_and_choices_survive_re_extraction(client_as, article):
    records = [
        _record("la nuova diga costerà 40 milioni", "Il ministro Carlo Bianchi"),
        _record("i lavori partiranno a maggio", "l'agenzia Dire"),
        _record("La Regione ha annunciato un bando per 200 posti"),
    ]
    article_apply_extraction(article_id=article.pk, records=records, extractor_version="9.9")
    claims = {c.content: c for c in article.claims.all()}
    assert all(c.extracted_record["version"] == "9.9" for c in claims.values())
    client = client_as("editor")
    diga = claims["la nuova diga costerà 40 milioni"]
    lavori = claims["i lavori partiranno a maggio"]
    regione = claims["La Regione ha annunciato un bando per 200 posti"]
    start, end = at("la nuova diga costerà")
    assert (
        client.patch(
            f"/api/claims/{diga.pk}/",
            {"version": 1, "content_start": start, "content_end": end},
            format="json",
        ).status_code
        == 200
    )
    ch = at("l'agenzia Dire")
    assert (
        client.patch(
            f"/api/claims/{lavori.pk}/",
            {
                "version": 1,
                "source_text": "fonti regionali",
                "source_kind": "anonymous",
                "channel_start": ch[0],
                "channel_end": ch[1],
            },
            format="json",
        ).status_code
        == 200
    )
    assert (
        client.patch(
            f"/api/claims/{regione.pk}/", {"version": 1, "status": "not_a_claim"}, format="json"
        ).status_code
        == 200
    )
    start, end = at("un bando per 200 posti")
    added = client.post(
        "/api/claims/",
        {"article": article.pk, "content_start": start, "content_end": end},
        format="json",
    ).json()

    # The same extraction again, and a new version finding the added claim's words.
    article_apply_extraction(article_id=article.pk, records=records, extractor_version="9.9")
    article_apply_extraction(
        article_id=article.pk,
        records=[*records, _record("un bando per 200 posti")],
        extractor_version="10.0",
    )
    after = {c.pk: c for c in article.claims.all()}
    assert set(after) == {diga.pk, lavori.pk, regione.pk, added["id"]}
    assert after[diga.pk].content == "la nuova diga costerà"
    assert after[lavori.pk].source_text == "fonti regionali"
    assert after[lavori.pk].channel_text == "l'agenzia Dire"
    assert after[regione.pk].status == ClaimStatus.NOT_A_CLAIM
    # The original stays the one the editor corrected.
    assert after[diga.pk].extracted_record["version"] == "9.9"
