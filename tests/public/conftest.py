"""Published fact-checks as readers find them, made through the real services."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group

from claims.models import ClaimStatus, Rating, SourceKind
from claims.services.review import claim_set_status, claim_set_verdict
from tests.api.factories import EvidenceFactory, SourceFactory
from tests.factories import ArticleFactory, ClaimFactory, UserFactory


@pytest.fixture
def editors(db):
    """Two editors: one sets the verdict, the other publishes it (the four-eyes rule)."""
    group = Group.objects.get(name="editor")
    first, second = UserFactory(username="editor-one"), UserFactory(username="editor-two")
    first.groups.add(group)
    second.groups.add(group)
    return first, second


def publish(claim, editors, *, verdict="false", rationale="I dati ufficiali dicono il contrario."):
    """Set the verdict, send to review and publish, as the editor screens do."""
    setter, publisher = editors
    claim = claim_set_status(
        claim=claim, user=setter, expected_version=None, status=ClaimStatus.IN_PROGRESS
    )
    claim = claim_set_verdict(
        claim=claim,
        user=setter,
        expected_version=None,
        verdict=Rating.objects.get(slug=verdict),
        rationale=rationale,
    )
    claim = claim_set_status(
        claim=claim, user=setter, expected_version=None, status=ClaimStatus.IN_REVIEW
    )
    return claim_set_status(
        claim=claim, user=publisher, expected_version=None, status=ClaimStatus.PUBLISHED
    )


@pytest.fixture
def article(db):
    return ArticleFactory(
        title="Ponti e cantieri: le promesse del sindaco",
        url="https://giornale.example.it/ponti",
        outlet="Il Giornale di Prova",
        author="Anna Verdi",
        published_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        language="it",
    )


@pytest.fixture
def published(article, editors):
    claim = ClaimFactory(
        article=article,
        content="il ponte sul Serchio riaprirà a marzo",
        source_text="il sindaco Marco Neri",
        source_kind=SourceKind.PERSON,
        source=SourceFactory(name="Marco Neri"),
        cue_text="ha detto",
        quote_type="indirect",
    )
    EvidenceFactory(
        claim=claim, url="https://comune.example.it/cantieri", description="Cronoprogramma"
    )
    return publish(claim, editors)
