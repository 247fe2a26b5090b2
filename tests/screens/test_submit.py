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
