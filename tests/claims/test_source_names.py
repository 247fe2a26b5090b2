"""The key that links a speaker's mentions, and the migration that corrected old keys."""

import importlib

import pytest
from django.apps import apps

from claims.models import Source, SourceKind
from claims.services.sources import normalize_source_name
from tests.factories import ClaimFactory


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Istat", "istat"),
        ("Lega", "lega"),
        ("Theresa May", "theresa may"),
        ("Leonardo", "leonardo"),
        ("Ilva", "ilva"),
        ("L'Istat", "istat"),
        ("L’Unione europea", "unione europea"),
        ("Il Messaggero", "messaggero"),
        ("The Times", "times"),
        ("Gli  Stati Uniti", "stati uniti"),
        ("Città di Castello", "citta di castello"),
    ],
)
def test_the_key_drops_a_whole_leading_article_and_never_a_names_first_letters(name, key):
    assert normalize_source_name(name) == key


def test_the_migration_rekeys_sources_and_folds_the_ones_that_now_share_a_key(db):
    migration = importlib.import_module("claims.migrations.0008_renormalize_source_names")
    # Rows as the old key function left them.
    org = SourceKind.ORGANIZATION
    istat = Source.objects.create(name="Istat", normalized_name="stat", kind=org)
    l_istat = Source.objects.create(
        name="L'Istat", normalized_name="istat", kind=org, aliases=["l'Istat"]
    )
    lega = Source.objects.create(name="Lega", normalized_name="ga", kind=org)
    first = ClaimFactory(source=istat)
    second = ClaimFactory(source=l_istat)
    third = ClaimFactory(source=lega)

    migration.renormalize(apps, None)

    assert sorted(Source.objects.values_list("normalized_name", flat=True)) == ["istat", "lega"]
    kept = Source.objects.get(normalized_name="istat")
    assert kept.pk == istat.pk and kept.name == "Istat"  # the oldest row survives
    assert "L'Istat" in kept.aliases and "l'Istat" in kept.aliases
    for claim in (first, second):
        claim.refresh_from_db()
        assert claim.source_id == istat.pk
    third.refresh_from_db()
    assert third.source.normalized_name == "lega"
