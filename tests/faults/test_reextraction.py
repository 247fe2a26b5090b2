"""Re-extraction with a new extractor version keeps every claim an editor touched."""

import pytest

from claims import services
from claims.models import Claim, ClaimStatus, Rating
from claims.tasks import extract_article
from tests.factories import ArticleFactory, UserFactory

TEXT = (
    "La sindaca, Giulia Conti, ha detto che il nuovo asilo aprirà a settembre. "
    "Secondo il sindacato, mancano dieci educatrici. "
    "Il prefetto ha dichiarato che la strada provinciale resterà chiusa fino a lunedì."
)


@pytest.fixture
def editor(db):
    return UserFactory(username="caporedattrice", is_superuser=True)


def test_a_new_extractor_version_keeps_state_verdict_corrections_and_comments(editor, monkeypatch):
    article = ArticleFactory(text=TEXT, language="it")
    extract_article(article.pk)
    claims = list(Claim.objects.filter(article=article).order_by("position"))
    assert len(claims) >= 3
    verdict_claim, corrected_claim, commented_claim = claims[:3]

    services.claim_set_status(
        claim=verdict_claim, user=editor, expected_version=None, status=ClaimStatus.IN_PROGRESS
    )
    services.claim_set_verdict(
        claim=verdict_claim,
        user=editor,
        expected_version=None,
        verdict=Rating.objects.get(slug="mostly-true"),
        rationale="Confermato dal bilancio comunale",
    )
    new_kind = "document" if corrected_claim.source_kind != "document" else "media"
    services.claim_correct_attribution(
        claim=corrected_claim, user=editor, expected_version=None, source_kind=new_kind
    )
    services.claim_add_comment(claim=commented_claim, user=editor, body="Chiamare il sindacato")

    # The new extractor finds nothing at all: the worst case for what editors did.
    import claims.extraction

    monkeypatch.setattr(claims.extraction, "extract", lambda text, lang=None: [])
    monkeypatch.setattr(claims.extraction, "EXTRACTOR_VERSION", "99.0.0")
    services.article_retry_extraction(article=article)
    extract_article(article.pk)

    kept = {claim.pk: claim for claim in Claim.objects.filter(article=article)}
    assert set(kept) == {verdict_claim.pk, corrected_claim.pk, commented_claim.pk}
    assert kept[verdict_claim.pk].verdict.slug == "mostly-true"
    assert kept[verdict_claim.pk].status == ClaimStatus.IN_PROGRESS
    assert kept[verdict_claim.pk].rationale == "Confermato dal bilancio comunale"
    assert kept[corrected_claim.pk].source_kind == new_kind
    assert kept[corrected_claim.pk].corrected_by == editor
    assert kept[commented_claim.pk].comments.count() == 1
    article.refresh_from_db()
    assert article.extractor_version == "99.0.0"


def test_a_new_extractor_version_does_not_overwrite_a_corrected_attribution(editor, monkeypatch):
    article = ArticleFactory(text=TEXT, language="it")
    extract_article(article.pk)
    claim = Claim.objects.filter(article=article).order_by("position").first()
    services.claim_correct_attribution(
        claim=claim, user=editor, expected_version=None, source_text="la giunta comunale"
    )
    original = claims_as_records(article)

    import claims.extraction

    monkeypatch.setattr(claims.extraction, "extract", lambda text, lang=None: original)
    monkeypatch.setattr(claims.extraction, "EXTRACTOR_VERSION", "99.0.0")
    services.article_retry_extraction(article=article)
    extract_article(article.pk)
    claim.refresh_from_db()
    assert claim.source_text == "la giunta comunale"
    assert claim.extractor_version == "99.0.0"


def claims_as_records(article):
    """What the first extraction produced, as the extractor would hand it over again."""
    import claims.extraction

    return list(claims.extraction.extract(article.text, article.language))
