"""article_apply_extraction: how an extraction's records become claims."""

import pytest

from claims import services
from claims.extraction import ClaimRecord, Span
from claims.models import Claim, ClaimStatus, Comment, ExtractionState, Source
from tests.factories import ArticleFactory, UserFactory

TEXT = (
    "Il ministro Paolo Verdi ha detto che le tasse scenderanno. "
    "Secondo fonti del governo, il decreto arriverà a giugno."
)


def span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span(text=fragment, start=start, end=start + len(fragment))


def records_for(text: str = TEXT) -> list[ClaimRecord]:
    return [
        ClaimRecord(
            content=span(text, "le tasse scenderanno"),
            source=span(text, "Il ministro Paolo Verdi"),
            cue=span(text, "ha detto"),
            channel=None,
            source_kind="person",
            quote="indirect",
            hedged=False,
            source_name="Paolo Verdi",
        ),
        ClaimRecord(
            content=span(text, "il decreto arriverà a giugno"),
            source=span(text, "fonti del governo"),
            cue=span(text, "Secondo"),
            channel=None,
            source_kind="anonymous",
            quote="indirect",
            hedged=False,
            source_name=None,
        ),
    ]


@pytest.fixture
def article(db):
    return ArticleFactory(text=TEXT)


def apply(article, records, version="test-1"):
    return services.article_apply_extraction(
        article_id=article.pk, records=records, extractor_version=version
    )


def test_it_writes_every_record_as_a_claim_with_its_attribution(article):
    apply(article, records_for())
    first, second = Claim.objects.filter(article=article).order_by("position")
    assert (first.content, first.source_text, first.cue_text) == (
        "le tasse scenderanno",
        "Il ministro Paolo Verdi",
        "ha detto",
    )
    assert TEXT[first.content_start : first.content_end] == first.content
    assert first.source.name == "Paolo Verdi"
    assert second.source is None, "anonymous sources are not linked across articles"
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE
    assert article.extractor_version == "test-1"


def test_applying_the_same_extraction_twice_gives_the_same_claims(article):
    apply(article, records_for())
    before = list(Claim.objects.values_list("pk", "content", "source_text").order_by("pk"))
    apply(article, records_for())
    after = list(Claim.objects.values_list("pk", "content", "source_text").order_by("pk"))
    assert after == before
    assert Source.objects.count() == 1


def test_claims_by_one_source_in_two_articles_share_one_source_row(article):
    other = ArticleFactory(text="Paolo Verdi ha detto che il bilancio è in ordine.")
    apply(article, records_for())
    apply(
        other,
        [
            ClaimRecord(
                content=span(other.text, "il bilancio è in ordine"),
                source=span(other.text, "Paolo Verdi"),
                cue=span(other.text, "ha detto"),
                channel=None,
                source_kind="person",
                quote="indirect",
                hedged=False,
                source_name="Paolo Verdi",
            )
        ],
    )
    assert Source.objects.count() == 1
    source = Source.objects.get()
    assert source.claims.count() == 2
    assert "Il ministro Paolo Verdi" in source.aliases


def test_it_keeps_reviewed_claims_and_corrections_on_reextraction(article):
    apply(article, records_for())
    editor = UserFactory()
    reviewed, corrected = Claim.objects.order_by("position")
    Claim.objects.filter(pk=reviewed.pk).update(status=ClaimStatus.IN_PROGRESS)
    Claim.objects.filter(pk=corrected.pk).update(
        source_text="il governo", source_kind="organization", corrected_by=editor
    )
    Comment.objects.create(claim=reviewed, author=editor, body="Da verificare col ministero")

    # A new extractor version finds neither claim any more.
    apply(article, [], version="test-2")

    assert set(Claim.objects.values_list("pk", flat=True)) == {reviewed.pk, corrected.pk}
    corrected.refresh_from_db()
    assert corrected.source_text == "il governo"
    assert corrected.source_kind == "organization"


def test_reextraction_does_not_overwrite_a_corrected_attribution(article):
    apply(article, records_for())
    editor = UserFactory()
    claim = Claim.objects.order_by("position").first()
    Claim.objects.filter(pk=claim.pk).update(source_kind="role", corrected_by=editor)
    apply(article, records_for(), version="test-2")
    claim.refresh_from_db()
    assert claim.source_kind == "role"
    assert claim.extractor_version == "test-2"


def test_reextraction_drops_untouched_claims_that_are_no_longer_found(article):
    apply(article, records_for())
    apply(article, records_for()[:1], version="test-2")
    assert list(Claim.objects.values_list("content", flat=True)) == ["le tasse scenderanno"]


def test_reextraction_updates_what_changed_on_the_claims_it_finds_again(article):
    apply(article, records_for())
    first, second = Claim.objects.order_by("position")
    old = records_for()
    changed = ClaimRecord(
        content=old[1].content,
        source=old[1].source,
        cue=span(TEXT, "Secondo"),
        channel=None,
        source_kind="organization",
        quote="indirect",
        hedged=True,
        source_name="fonti del governo",
    )

    apply(article, [changed, old[0]], version="test-2")

    after = {claim.pk: claim for claim in Claim.objects.all()}
    assert set(after) == {first.pk, second.pk}
    assert (after[second.pk].position, after[first.pk].position) == (0, 1)
    assert after[second.pk].hedged is True
    assert after[second.pk].source_kind == "organization"
    assert after[second.pk].source.name == "fonti del governo"
    assert after[first.pk].source_id == first.source_id
    assert (after[first.pk].hedged, after[first.pk].cue_text) == (False, "ha detto")
    for claim in after.values():
        assert claim.extractor_version == "test-2"
        assert claim.updated_at > first.updated_at
