"""The same article or speaker written with invisible differences is one:
NFC, zero-width and bidi characters removed before comparison and storage."""

import importlib
import unicodedata

import pytest
from django.apps import apps

from claims import services
from claims.models import Article, Source, SourceKind
from claims.services.sources import source_for_mention
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

TEXT = "Il sindaco ha detto che la città riaprirà il ponte a marzo. Secondo l'ANAS, è sicuro."


@pytest.fixture(autouse=True)
def no_queue(monkeypatch):
    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda pk: None)


@pytest.mark.parametrize(
    "variant",
    [
        TEXT.replace("sindaco", "sin\u200bdaco"),  # zero-width space
        TEXT.replace("città", "citta\u0300"),  # decomposed accent (NFD)
        unicodedata.normalize("NFD", TEXT),
        "\ufeff" + TEXT,  # byte-order mark
        TEXT.replace("ANAS", "\u202aANAS\u202c"),  # bidi embedding
        TEXT.replace("detto", "det\u00adto"),  # soft hyphen
    ],
)
def test_the_same_article_with_invisible_differences_is_one_article(variant):
    first = services.article_submit(text=TEXT, language="it")
    again = services.article_submit(text=variant, language="it")
    assert first.created and not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_article_text_is_stored_in_nfc():
    result = services.article_submit(text=unicodedata.normalize("NFD", TEXT), language="it")
    stored = Article.objects.get(pk=result.article.pk).text
    assert stored == unicodedata.normalize("NFC", stored)
    assert "città" in stored


@pytest.mark.parametrize(
    "name",
    [
        "Mario\u200b Rossi",
        "\u202eMario Rossi",
        "Mario Rossi\u200f",
        "Ma\u00adrio Rossi",
        "\u2066Mario Rossi\u2069",
    ],
)
def test_a_source_name_with_invisible_characters_is_the_same_source_cleaned(name):
    plain = source_for_mention(name="Mario Rossi", mention="Mario Rossi", kind=SourceKind.PERSON)
    other = source_for_mention(name=name, mention=name, kind=SourceKind.PERSON)
    assert other.pk == plain.pk
    assert Source.objects.count() == 1


def test_a_new_source_is_stored_without_invisible_characters():
    source = source_for_mention(
        name="\u202eGiulia\u200b Bianchi", mention="Giulia Bianchi", kind=SourceKind.PERSON
    )
    assert source.name == "Giulia Bianchi"


def test_the_migration_rekeys_stored_sources_and_rehashes_stored_articles():
    migration = importlib.import_module("claims.migrations.0010_invisible_characters")
    plain = Source.objects.create(name="Mario Rossi", normalized_name="mario rossi", kind="person")
    hidden = Source.objects.create(
        name="Mario\u200b Rossi", normalized_name="mario\u200b rossi", kind="person"
    )
    claim = ClaimFactory(source=hidden)
    article = ArticleFactory(text="Testo con\u200b spazio invisibile.", content_hash="old")
    migration.rehash_articles(apps, None)
    migration.rekey_sources(apps, None)
    assert list(Source.objects.values_list("pk", flat=True)) == [plain.pk]
    claim.refresh_from_db()
    assert claim.source_id == plain.pk
    article.refresh_from_db()
    assert article.content_hash == services.articles.article_content_hash(
        "Testo con spazio invisibile."
    )
