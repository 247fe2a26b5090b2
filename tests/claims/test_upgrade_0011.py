"""Migration 0011 gives every claim nobody corrected its record as extracted.
On PostgreSQL it does so in one UPDATE; the record must be the one the
row-by-row path builds (SQLite), field for field."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from claims.models import Claim
from tests.factories import ClaimFactory, UserFactory

migration = importlib.import_module("claims.migrations.0011_editors_own_claims")


def test_the_backfill_records_each_uncorrected_claim_as_extracted(db):
    with_source = ClaimFactory(
        content="il ponte riaprirà a marzo",
        content_start=40,
        content_end=65,
        source_text="il sindaco",
        source_start=0,
        source_end=10,
        cue_text="ha detto",
        cue_start=11,
        cue_end=19,
        hedged=True,
        extractor_version="0.4.1",
    )
    bare = ClaimFactory(source_text="", source_kind="author", quote_type="none")
    corrected = ClaimFactory(corrected_by=UserFactory(username="redattrice"))
    Claim.objects.update(extracted_record=None)

    # What the backfill uses of a schema editor (SQLite refuses a real one inside
    # the test's transaction).
    editor = SimpleNamespace(connection=connection, execute=connection.cursor().execute)
    migration.backfill(apps, editor)

    records = dict(Claim.objects.values_list("pk", "extracted_record"))
    assert records[with_source.pk] == {
        "content": {"text": "il ponte riaprirà a marzo", "start": 40, "end": 65},
        "source": {"text": "il sindaco", "start": 0, "end": 10},
        "cue": {"text": "ha detto", "start": 11, "end": 19},
        "channel": None,
        "source_kind": "role",
        "quote": "indirect",
        "hedged": True,
        "version": "0.4.1",
    }
    assert records[bare.pk]["source"] is None and records[bare.pk]["quote"] == "none"
    assert records[bare.pk]["hedged"] is False
    assert records[corrected.pk] is None  # no reliable original: left out of the measures
