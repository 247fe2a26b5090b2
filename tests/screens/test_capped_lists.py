"""A long list counts its matches only up to a cap, and says so."""

from django.urls import reverse

from claims.pagination import CappedPaginator
from tests.factories import ArticleFactory


def test_the_article_list_says_more_than_the_cap(fc_client, monkeypatch):
    for n in range(6):
        ArticleFactory(title=f"Bilancio {n}")
    monkeypatch.setattr(CappedPaginator, "__init__", _small_cap(CappedPaginator.__init__))
    html = fc_client.get(reverse("claims:article_list")).content.decode()
    assert "More than 4 articles" in html
    assert "Page 1" in html and "Page 1 of" not in html
    html = fc_client.get(reverse("claims:article_list"), {"q": "Bilancio 3"}).content.decode()
    assert "1 article" in html and "More than" not in html


def _small_cap(init):
    def patched(self, object_list, per_page, **kwargs):
        init(self, object_list, 2, cap=4)

    return patched
