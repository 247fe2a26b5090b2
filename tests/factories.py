import factory
from django.contrib.auth import get_user_model

from claims.models import Article, Claim, ClaimStatus, QuoteType, SourceKind
from claims.services.articles import article_content_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.example")
    password = factory.django.Password("correct horse battery")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Articolo di prova {n}")
    language = "it"
    text = factory.Sequence(
        lambda n: f"Il sindaco di Borgo Nuovo ha detto che il ponte {n} riaprirà a marzo."
    )
    content_hash = factory.LazyAttribute(lambda a: article_content_hash(a.text))


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(int)
    content = "il ponte riaprirà a marzo"
    content_start = factory.Sequence(lambda n: n * 10)
    content_end = factory.LazyAttribute(lambda c: c.content_start + len(c.content))
    extraction_key = factory.LazyAttribute(lambda c: f"{c.content_start}:{c.content_end}:")
    source_text = "Il sindaco di Borgo Nuovo"
    source_kind = SourceKind.ROLE
    quote_type = QuoteType.INDIRECT
    status = ClaimStatus.UNVERIFIED


def api_key_for(user) -> str:
    """A fresh API key for user, made as the user would make it (stored hashed)."""
    from claims.services.tokens import api_token_create

    _token, key = api_token_create(owner=user, created_by=user, name="tests")
    return key
