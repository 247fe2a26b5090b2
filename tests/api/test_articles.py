import pytest

from claims.models import Article, ExtractionState
from tests.api.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Il ministro dei Trasporti ha detto che la nuova linea ferroviaria sarà pronta nel 2027. "
    "Secondo la Regione, i cantieri sono in ritardo di sei mesi."
)


def test_submitting_an_article_stores_it_and_queues_its_extraction(
    fact_checker, sent_to_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = fact_checker.post(
            "/api/articles/",
            {"text": TEXT, "title": "Ferrovie", "language": "it", "url": "https://example.org/a"},
            format="json",
        )
    assert response.status_code == 201, response.json()
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert sent_to_queue == [article.pk]
    assert body["extraction_state"] == "queued"
    assert body["text"] == TEXT
    assert body["submitted_by"] == fact_checker.user.username
    assert body["claims"] == []


def test_the_same_text_again_returns_the_existing_article_with_200(fact_checker, sent_to_queue):
    first = fact_checker.post("/api/articles/", {"text": TEXT}, format="json")
    again = fact_checker.post("/api/articles/", {"text": "\n" + TEXT + "  "}, format="json")
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


@pytest.mark.parametrize(
    "body, code, words",
    [
        ({"text": "   "}, "empty", "empty"),
        ({"text": TEXT, "language": "de"}, "language", "Only Italian"),
        ({"text": TEXT, "url": "ftp://example.org"}, "url", "not a valid http"),
        ({"text": "abc\x00def"}, "binary", "NUL"),
    ],
)
def test_refused_articles_get_the_services_message(fact_checker, sent_to_queue, body, code, words):
    response = fact_checker.post("/api/articles/", body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert words in response.json()["detail"]
    assert Article.objects.count() == 0


def test_an_article_shows_its_claims_and_extraction_state(fact_checker):
    article = ArticleFactory(
        extraction_state=ExtractionState.FAILED, extraction_error="spaCy timed out"
    )
    ClaimFactory.create_batch(2, article=article)
    body = fact_checker.get(f"/api/articles/{article.pk}/").json()
    assert body["extraction_state"] == "failed"
    assert body["extraction_error"] == "spaCy timed out"
    assert len(body["claims"]) == 2
    assert body["claim_count"] == 2


def test_retrying_a_failed_extraction_queues_it_again(
    fact_checker, sent_to_queue, django_capture_on_commit_callbacks
):
    article = ArticleFactory(extraction_state=ExtractionState.FAILED, extraction_error="x")
    with django_capture_on_commit_callbacks(execute=True):
        response = fact_checker.post(f"/api/articles/{article.pk}/retry/")
    assert response.status_code == 200
    assert response.json()["extraction_state"] == "queued"
    assert sent_to_queue == [article.pk]


def test_retrying_a_running_extraction_is_refused(fact_checker, sent_to_queue):
    article = ArticleFactory(extraction_state=ExtractionState.RUNNING)
    response = fact_checker.post(f"/api/articles/{article.pk}/retry/")
    assert response.status_code == 400
    assert "already being extracted" in response.json()["detail"]


def test_the_article_list_filters_and_searches(fact_checker):
    ArticleFactory(title="Ponte sullo Stretto", language="it")
    ArticleFactory(title="Harbour traffic", language="en", outlet="Port News")
    ArticleFactory(title="Sanità", extraction_state=ExtractionState.FAILED)

    def titles(**query):
        return {a["title"] for a in fact_checker.get("/api/articles/", query).json()["results"]}

    assert titles(language="en") == {"Harbour traffic"}
    assert titles(search="stretto") == {"Ponte sullo Stretto"}
    assert titles(extraction_state="failed") == {"Sanità"}
    assert titles(outlet="port news") == {"Harbour traffic"}
    assert "text" not in fact_checker.get("/api/articles/").json()["results"][0]


def test_submissions_have_their_own_stricter_limit(fact_checker, sent_to_queue, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "100/minute", "article_submit": "1/minute"},
    }
    assert fact_checker.post("/api/articles/", {"text": TEXT}, format="json").status_code == 201
    again = fact_checker.post("/api/articles/", {"text": TEXT + " Altro."}, format="json")
    assert again.status_code == 429
    assert again.json()["code"] == "throttled"
    assert fact_checker.get("/api/articles/").status_code == 200, "reading is not limited by it"


@pytest.mark.django_db
def test_a_link_alone_is_stored_to_be_fetched_by_the_worker(monkeypatch):
    from rest_framework.test import APIClient

    from claims.ingest import services as ingest_services
    from tests.factories import UserFactory

    fetched = []
    monkeypatch.setattr(ingest_services, "enqueue_fetch", fetched.append)
    client = APIClient()
    client.force_authenticate(UserFactory(username="api-linker", is_superuser=True))
    response = client.post(
        "/api/articles/", {"url": "https://giornale.example.it/notizia"}, format="json"
    )
    assert response.status_code == 201, response.json()
    article = Article.objects.get(pk=response.json()["id"])
    assert article.extraction_state == ExtractionState.FETCHING
    assert article.text == ""
