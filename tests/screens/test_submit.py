import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article
from tests.factories import ArticleFactory

URL = reverse("claims:article_new")
TEXT = "La portavoce Laura Neri ha detto che l'allerta resterà attiva fino a domenica."


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_a_labelled_form(fc_client):
    response = fc_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("text", "upload", "title", "url", "language"):
        assert f'for="id_{field}"' in html


def test_it_stores_pasted_text_and_opens_the_article(fc_client, fact_checker):
    response = fc_client.post(URL, {"text": TEXT, "title": "Allerta", "language": "it"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:article_detail", args=[article.pk])
    assert article.title == "Allerta"
    assert article.submitted_by == fact_checker


def test_it_refuses_empty_text_beside_the_form_keeping_the_input(fc_client):
    response = fc_client.post(URL, {"text": "   ", "title": "Il mio titolo", "language": "it"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "The article is empty" in html
    assert 'value="Il mio titolo"' in html
    assert not Article.objects.exists()


def test_it_refuses_an_unsupported_language_keeping_the_text(fc_client):
    response = fc_client.post(URL, {"text": TEXT + " bis", "language": "de"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Only Italian (it) and English (en) articles are supported" in html
    assert "fino a domenica. bis</textarea>" in html


def test_it_refuses_too_long_text(fc_client, settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 50
    response = fc_client.post(URL, {"text": "parola " * 20, "language": "it"})
    assert response.status_code == 400
    assert "the limit is 50" in response.content.decode()


def test_it_refuses_a_binary_upload(fc_client):
    upload = SimpleUploadedFile("a.txt", b"\x00\x01\x02binary", content_type="text/plain")
    response = fc_client.post(URL, {"upload": upload, "language": "it"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode() or "binary" in response.content.decode()
    assert not Article.objects.exists()


def test_it_refuses_an_undecodable_upload(fc_client):
    upload = SimpleUploadedFile("a.txt", "città".encode("latin-1") * 5, content_type="text/plain")
    response = fc_client.post(URL, {"upload": upload, "language": "it"})
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()


def test_it_refuses_other_file_types(fc_client):
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = fc_client.post(URL, {"upload": upload, "language": "it"})
    assert response.status_code == 400
    assert "Upload a .txt, .md or .html file." in response.content.decode()


def test_it_accepts_a_markdown_upload(fc_client):
    upload = SimpleUploadedFile("nota.md", TEXT.encode(), content_type="text/markdown")
    response = fc_client.post(URL, {"upload": upload, "language": "it"})
    assert response.status_code == 302
    assert Article.objects.get().text == TEXT


def test_it_takes_the_main_text_and_title_of_an_html_upload(fc_client):
    page = (
        "<html><head><title>Allerta meteo</title><script>alert('x')</script></head>"
        "<body><nav>Home | Sport | Meteo</nav><article><h1>Allerta meteo</h1>"
        f"<p>{TEXT}</p><p>Secondo i tecnici del Comune, il fiume è salito di due metri.</p>"
        "<p>Le scuole resteranno chiuse fino a lunedì e la protezione civile ha aperto "
        "un centro di accoglienza nella palestra comunale per le famiglie evacuate.</p>"
        "</article><footer>© Giornale</footer></body></html>"
    )
    upload = SimpleUploadedFile("pagina.html", page.encode(), content_type="text/html")
    response = fc_client.post(URL, {"upload": upload, "language": "it"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert TEXT in article.text
    assert "alert(" not in article.text
    assert article.title == "Allerta meteo"


def test_a_duplicate_links_to_the_existing_article(fc_client):
    existing = ArticleFactory(text=TEXT)
    response = fc_client.post(URL, {"text": TEXT, "language": "it"})
    assert response.status_code == 409
    assert reverse("claims:article_detail", args=[existing.pk]) in response.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_link_alone_is_stored_to_be_fetched_and_its_page_shows_the_fetch(client, monkeypatch):
    from claims.ingest import services as ingest_services
    from tests.factories import UserFactory

    monkeypatch.setattr(ingest_services, "enqueue_fetch", lambda article_id: True)
    client.force_login(UserFactory(username="linker", is_superuser=True))
    response = client.post(
        "/articles/new/", {"text": "", "url": "https://quotidiano.example.it/cronaca/1"}
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/articles/{article.pk}/"
    assert article.extraction_state == "fetching"
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert 'id="fetch-state"' in page


@pytest.mark.django_db
def test_an_uploaded_html_page_keeps_its_markup_beside_the_extracted_text(client, monkeypatch):
    from claims import services
    from tests.factories import UserFactory

    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda article_id: True)
    client.force_login(UserFactory(username="uploader", is_superuser=True))
    paragraph = (
        "<p>Il consiglio comunale di Valfonda ha approvato il nuovo piano del traffico. "
        "L'assessore alla mobilità ha detto che le nuove piste ciclabili saranno pronte "
        "entro la primavera, mentre i commercianti del centro temono un calo delle vendite.</p>"
    )
    html = (
        "<html><head><title>Piano del traffico</title></head>"
        f"<body><article>{paragraph * 4}</article></body></html>"
    )
    response = client.post(
        "/articles/new/",
        {"upload": SimpleUploadedFile("pagina.html", html.encode()), "language": "it"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    article = Article.objects.get()
    assert "piste ciclabili" in article.text
    assert "<p>" not in article.text
    assert "<article>" in article.raw_html
