"""After a correction on the claim page, the article's highlights follow it."""

from claims.models import ExtractionCorrection, ExtractionState
from tests.factories import ArticleFactory, ClaimFactory

TEXT = "Secondo fonti del ministero, riferisce l'Ansa, il piano costerà 3 miliardi."


def test_a_typed_source_and_channel_are_underlined_where_the_text_has_them(editor_client):
    article = ArticleFactory(text=TEXT, extraction_state=ExtractionState.DONE)
    words = "il piano costerà 3 miliardi"
    start = TEXT.index(words)
    claim = ClaimFactory(
        article=article,
        content=words,
        content_start=start,
        content_end=start + len(words),
        source_text="ministero",
        source_start=TEXT.index("ministero"),
        source_end=TEXT.index("ministero") + len("ministero"),
        source_kind="organization",
    )
    response = editor_client.post(
        f"/claims/{claim.pk}/attribution/",
        {
            "version": claim.version,
            "source_text": "fonti del ministero",
            "cue_text": "Secondo",
            "channel_text": "l'Ansa",
            "source_kind": "anonymous",
            "quote_type": "indirect",
        },
    )
    assert response.status_code == 302
    page = editor_client.get(f"/articles/{article.pk}/").content.decode()
    assert (
        f'<span class="att att-source" data-claim="{claim.pk}">fonti del ministero</span>' in page
    )
    assert f'<span class="att att-channel" data-claim="{claim.pk}">l&#x27;Ansa</span>' in page
    assert f'<span class="att att-cue" data-claim="{claim.pk}">Secondo</span>' in page
    fields = set(ExtractionCorrection.objects.values_list("action", "field"))
    assert ("respanned", "source") in fields and ("respanned", "channel") in fields
    assert ("corrected", "kind") in fields
