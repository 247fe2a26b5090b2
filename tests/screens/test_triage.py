"""Triage in the review queue: sorted by check-worthiness, the reason on hover."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory


@pytest.mark.django_db
def test_the_queue_sorts_by_check_worthiness_with_the_reason_on_hover(editor_client):
    article = ArticleFactory()
    low = ClaimFactory(
        article=article, content="low one", checkworthiness=10, checkworthiness_reasons="no_comment"
    )
    high = ClaimFactory(
        article=article,
        content="high one",
        checkworthiness=90,
        checkworthiness_reasons="number,date",
    )
    mid = ClaimFactory(article=article, content="mid one", checkworthiness=50)
    page = editor_client.get("/queue/", {"sort": "worth"}).content.decode()
    assert page.index("high one") < page.index("mid one") < page.index("low one")
    assert 'title="Check-worthiness 90: + numbers; + a date"' in page
    page = editor_client.get("/queue/").content.decode()
    assert page.index("low one") < page.index("high one")
    # j/k in the sorted queue: after the highest comes the middle one.
    response = editor_client.get("/queue/", {"sort": "worth", "claim": high.pk})
    assert f"claim={mid.pk}" in response.content.decode()
    assert low.pk
