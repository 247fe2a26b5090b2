from django.urls import reverse

from claims.models import ClaimStatus, ExtractionState
from tests.factories import ArticleFactory, ClaimFactory

LIST = reverse("claims:article_list")


def test_the_list_searches_title_and_text(fc_client):
    ArticleFactory(title="Ponte sul fiume", text="Il sindaco ha parlato del ponte.")
    ArticleFactory(title="Altro", text="Secondo l'Istat la disoccupazione è scesa.")
    html = fc_client.get(LIST, {"q": "istat"}).content.decode()
    assert "Altro" in html and "Ponte sul fiume" not in html
    html = fc_client.get(LIST, {"q": "PONTE"}).content.decode()
    assert "Ponte sul fiume" in html and "Altro" not in html


def test_the_list_filters_by_state_language_and_unreviewed_claims(fc_client):
    done = ArticleFactory(title="Finito", extraction_state=ExtractionState.DONE)
    ArticleFactory(title="In coda", extraction_state=ExtractionState.QUEUED)
    english = ArticleFactory(title="English one", language="en")
    ClaimFactory(article=done, status=ClaimStatus.UNVERIFIED)
    ClaimFactory(article=english, status=ClaimStatus.PUBLISHED)
    html = fc_client.get(LIST, {"state": "done"}).content.decode()
    assert "Finito" in html and "In coda" not in html
    html = fc_client.get(LIST, {"language": "en"}).content.decode()
    assert "English one" in html and "Finito" not in html
    html = fc_client.get(LIST, {"unreviewed": "yes"}).content.decode()
    assert "Finito" in html and "English one" not in html
    html = fc_client.get(LIST, {"unreviewed": "no"}).content.decode()
    assert "Finito" not in html and "English one" in html


def test_the_list_sorts_and_paginates(fc_client):
    for n in range(30):
        ArticleFactory(title=f"Titolo {n:02d}")
    html = fc_client.get(LIST, {"sort": "title"}).content.decode()
    assert "Titolo 00" in html and "Titolo 29" not in html
    assert "Page 1 of 2" in html
    html = fc_client.get(LIST, {"sort": "title", "page": 2}).content.decode()
    assert "Titolo 29" in html and "Titolo 00" not in html


def test_the_list_answers_htmx_with_the_results_only(fc_client):
    ArticleFactory(title="Solo")
    response = fc_client.get(LIST, {"q": "Solo"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Solo" in html
    assert "<html" not in html


def test_the_list_query_count_does_not_grow_with_rows(fc_client, django_assert_max_num_queries):
    for _ in range(30):
        ClaimFactory.create_batch(2, article=ArticleFactory())
    with django_assert_max_num_queries(8):
        fc_client.get(LIST)


def _article_with_claims():
    text = (
        "Il sindaco Mario Rossi ha detto che il ponte riaprirà a marzo. <script>alert(1)</script>"
    )
    article = ArticleFactory(text=text, extraction_state=ExtractionState.DONE)
    claim = ClaimFactory(
        article=article,
        content="il ponte riaprirà a marzo",
        content_start=text.index("il ponte"),
        content_end=text.index("il ponte") + len("il ponte riaprirà a marzo"),
        source_text="Il sindaco Mario Rossi",
        source_start=0,
        source_end=len("Il sindaco Mario Rossi"),
        cue_text="ha detto",
        cue_start=text.index("ha detto"),
        cue_end=text.index("ha detto") + len("ha detto"),
        hedged=True,
        status=ClaimStatus.IN_REVIEW,
    )
    return article, claim


def test_the_article_page_highlights_claims_sources_and_cues_in_place(fc_client):
    article, claim = _article_with_claims()
    html = fc_client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert (
        f'<mark class="claim status-in_review" data-claim="{claim.pk}">'
        "il ponte riaprirà a marzo</mark>" in html
    )
    assert (
        f'<span class="att att-source" data-claim="{claim.pk}">Il sindaco Mario Rossi</span>'
        in html
    )
    assert f'<span class="att att-cue" data-claim="{claim.pk}">ha detto</span>' in html
    assert "Hedged" in html and "Indirect" in html and "Role" in html


def test_the_article_text_is_shown_inert(fc_client):
    article, _ = _article_with_claims()
    html = fc_client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_overlapping_spans_stay_well_formed():
    from claims.templatetags.claims_tags import highlighted_text

    text = "abcdefghij"
    a = ClaimFactory.build(
        pk=1,
        content_start=0,
        content_end=6,
        source_start=4,
        source_end=8,
        cue_start=None,
        cue_end=None,
        channel_start=None,
        channel_end=None,
        status="unverified",
    )
    b = ClaimFactory.build(
        pk=2,
        content_start=5,
        content_end=10,
        source_start=None,
        source_end=None,
        cue_start=None,
        cue_end=None,
        channel_start=None,
        channel_end=None,
        status="published",
    )
    html = str(highlighted_text(text, [a, b]))
    assert html.count("<mark") == html.count("</mark>")
    assert html.count("<span") == html.count("</span>")
    stripped = html
    import re

    stripped = re.sub(r"<a [^>]*>\d+</a>", "", stripped)
    # What the page adds for screen readers ("end of claim 1") is marked as not the text.
    assert stripped.count("data-nontext") == 3  # the ends of claim 1, its source, claim 2
    stripped = re.sub(r"<span [^>]*data-nontext>[^<]*</span>", "", stripped)
    assert re.sub(r"<[^>]+>", "", stripped) == text


def test_a_running_extraction_is_polled_and_its_end_brings_the_claims(fc_client):
    article = ArticleFactory(extraction_state=ExtractionState.RUNNING)
    page = fc_client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    progress = reverse("claims:article_progress", args=[article.pk])
    assert f'hx-get="{progress}?was=running"' in page
    assert 'hx-trigger="every 1s"' in page

    article.extraction_state = ExtractionState.DONE
    article.save()
    ClaimFactory(article=article, content="il ponte", content_start=30, content_end=38)
    html = fc_client.get(progress, {"was": "running"}, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in html
    assert 'hx-swap-oob="true"' in html
    assert "1 claim" in html


def test_a_failed_extraction_shows_its_reason_and_a_retry_button(fc_client):
    article = ArticleFactory(
        extraction_state=ExtractionState.FAILED, extraction_error="Timeout after 120 seconds"
    )
    html = fc_client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert "Timeout after 120 seconds" in html
    retry = reverse("claims:article_retry", args=[article.pk])
    assert f'action="{retry}"' in html
    response = fc_client.post(retry)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.QUEUED


def test_the_article_page_query_count_does_not_grow_with_claims(
    fc_client, django_assert_max_num_queries
):
    article = ArticleFactory(extraction_state=ExtractionState.DONE, text="x" * 2000)
    ClaimFactory.create_batch(40, article=article)
    with django_assert_max_num_queries(6):
        fc_client.get(reverse("claims:article_detail", args=[article.pk]))
