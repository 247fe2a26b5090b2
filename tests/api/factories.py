"""Factories for the API and export tests, beside the shared tests/factories.py."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from claims.models import ClaimStatus, Comment, Evidence, Rating, Source, SourceKind
from claims.services.sources import normalize_source_name
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

__all__ = [
    "ArticleFactory",
    "ClaimFactory",
    "CommentFactory",
    "EvidenceFactory",
    "PublishedClaimFactory",
    "SourceFactory",
    "UserFactory",
    "role_user",
]


def role_user(role: str | None, username: str | None = None):
    """A user in one of the roles made by migration 0004 (None: no role)."""
    user = UserFactory(username=username or f"{role or 'norole'}-user")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Mario Rossi {n}")
    normalized_name = factory.LazyAttribute(lambda s: normalize_source_name(s.name))
    kind = SourceKind.PERSON


class PublishedClaimFactory(ClaimFactory):
    """A claim as published by two people: its approved version is what the
    public sees (claims/public_record.py)."""

    status = ClaimStatus.PUBLISHED
    verdict = factory.LazyFunction(lambda: Rating.objects.get(slug="false"))
    published_at = factory.LazyFunction(timezone.now)
    rationale = "I dati dell'Istat dicono il contrario."

    @factory.post_generation
    def approved_version(claim, create, extracted, **kwargs):
        if not create:
            return
        from claims.models import ClaimVersion, VersionKind, VersionState
        from claims.services.publication import PUBLIC_FIELDS

        ClaimVersion.objects.create(
            claim=claim,
            state=VersionState.APPROVED,
            kind=VersionKind.PUBLICATION,
            approved_by=claim.published_by,
            approved_at=claim.published_at,
            evidence_ids=list(claim.evidence.filter(public=True).values_list("pk", flat=True)),
            **{field: getattr(claim, field) for field in PUBLIC_FIELDS},
        )


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    claim = factory.SubFactory(ClaimFactory)
    author = factory.SubFactory(UserFactory)
    body = "Chiedere il comunicato originale."


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    url = "https://www.istat.it/comunicato"
    description = "Comunicato Istat"
