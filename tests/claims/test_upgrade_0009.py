"""Migration 0009 on existing data: published claims keep what readers saw as
their approved version, and plain DRF tokens become digests that still work."""

import importlib

from django.apps import apps
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import ApiToken, ClaimStatus, Rating
from claims.public_record import public_record
from tests.factories import ClaimFactory
from tests.screens.roles import ensure_rating_scale, make_user

migration = importlib.import_module("claims.migrations.0009_publication_versions_and_tokens")


def test_published_claims_get_their_approved_version(db):
    ensure_rating_scale()
    editor = make_user("ed_old", "editor")
    checker = make_user("fc_old", "fact-checker")
    published = ClaimFactory(
        status=ClaimStatus.PUBLISHED,
        verdict=Rating.objects.get(slug="false"),
        rationale="Come pubblicata prima dell'aggiornamento.",
        verdict_set_by=checker,
        published_by=editor,
        published_at=timezone.now(),
    )
    unpublished = ClaimFactory(status=ClaimStatus.IN_REVIEW, verdict=published.verdict)

    migration.approve_what_is_published(apps, None)

    record = public_record(published)
    assert record.verdict.slug == "false" and record.published_by == editor
    assert record.rationale == "Come pubblicata prima dell'aggiornamento."
    assert public_record(unpublished) is None
    assert list(published.versions.get().authors.all()) == [checker]


def test_plain_tokens_become_digests_that_still_authenticate(db):
    editor = make_user("ed_token_old", "editor")
    key = Token.objects.create(user=editor).key

    migration.hash_existing_tokens(apps, None)

    assert not Token.objects.exists()
    stored = ApiToken.objects.get(user=editor)
    assert key not in (stored.digest, stored.prefix)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/claims/").status_code == 200
