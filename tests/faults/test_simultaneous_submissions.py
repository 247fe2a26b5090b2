"""The same article by the command, the API and the paste form at the same
moment, written with invisible differences: one article, never two, no 500."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from claims import services
from claims.models import Article
from tests.factories import UserFactory, api_key_for

TEXT = (
    "Il presidente della Regione ha detto che la nuova diga sarà pronta entro l'estate. "
    "Secondo i tecnici, la città avrà acqua per tutto l'anno."
)


@pytest.mark.parametrize("round_", range(3))
def test_three_ways_at_the_same_moment_make_one_article(
    transactional_db, monkeypatch, tmp_path, round_
):
    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda pk: None)
    # transactional_db empties the tables the migrations filled (roles too).
    user = UserFactory(username=f"anna{round_}", is_superuser=True)
    token = api_key_for(user)
    barrier = threading.Barrier(3)
    results, errors = {}, []

    def run(name, action):
        try:
            barrier.wait(timeout=10)
            results[name] = action()
        except Exception as exc:  # reported below: the assertion names it
            errors.append((name, repr(exc)))
        finally:
            connection.close()

    article_file = tmp_path / "articolo.txt"
    article_file.write_text(TEXT, encoding="utf-8")

    def by_command():
        call_command("submit_article", str(article_file), "--lang", "it")
        return "ok"

    def by_api():
        client = Client(HTTP_AUTHORIZATION=f"Token {token}")
        body = {"text": TEXT.replace("diga", "di\u200bga"), "language": "it"}
        return client.post("/api/articles/", body, content_type="application/json").status_code

    def by_paste():
        client = Client()
        client.force_login(user)
        return client.post(
            "/articles/new/", {"text": TEXT.replace("città", "citta\u0300")}
        ).status_code

    threads = [
        threading.Thread(target=run, args=(name, action))
        for name, action in (("command", by_command), ("api", by_api), ("paste", by_paste))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert results["api"] in (200, 201)
    assert results["paste"] in (302, 409)  # 409: "already submitted", with a link to it
    assert Article.objects.count() == 1
