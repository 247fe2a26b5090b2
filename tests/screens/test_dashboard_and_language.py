from django.urls import reverse

from claims.models import ClaimStatus
from tests.factories import ArticleFactory, ClaimFactory


def test_the_dashboard_counts_by_state_and_verdict_and_lists_my_work(
    fc_client, fact_checker, ratings
):
    ClaimFactory.create_batch(3)
    ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=ratings[0])
    ClaimFactory(content="assegnata a me", assignee=fact_checker)
    ArticleFactory(title="Articolo recente")
    html = fc_client.get(reverse("claims:home")).content.decode()
    assert '<td class="num" data-status="unverified">4</td>' in html
    assert '<td class="num" data-status="published">1</td>' in html
    assert "assegnata a me" in html
    assert "Articolo recente" in html
    assert "Oldest unreviewed claims" in html


def test_the_dashboard_query_count_is_fixed(fc_client, ratings, django_assert_max_num_queries):
    for _ in range(20):
        ClaimFactory.create_batch(3, article=ArticleFactory())
    with django_assert_max_num_queries(10):
        fc_client.get(reverse("claims:home"))


def test_every_page_requires_login(client, db):
    for url in ("/", "/articles/", "/articles/new/", "/queue/", "/claims/1/", "/articles/1/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url


def test_the_language_switch_is_remembered(fc_client, ratings):
    response = fc_client.post(reverse("claims:set_language"), {"language": "it", "next": "/queue/"})
    assert response.status_code == 302
    html = fc_client.get(reverse("claims:queue")).content.decode()
    assert '<html lang="it">' in html
    assert "Coda di revisione" in html
    fc_client.post(reverse("claims:set_language"), {"language": "en", "next": "/"})
    html = fc_client.get(reverse("claims:queue")).content.decode()
    assert '<html lang="en">' in html and "Review queue" in html


def test_verdict_labels_follow_the_interface_language(fc_client, ratings):
    ClaimFactory(verdict=ratings[4])
    fc_client.post(reverse("claims:set_language"), {"language": "it", "next": "/"})
    assert "Falso" in fc_client.get(reverse("claims:queue")).content.decode()
