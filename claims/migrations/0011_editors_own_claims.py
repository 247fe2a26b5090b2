"""Editors own the claims (issue 15): claim origin, the extractor's original
record, check-worthiness, the corrections log, source history; editors may
merge and rename sources and read the extraction quality page."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# Added to the roles of 0004_roles (tests/screens/roles.py reads these too).
EXTRA_PERMS = {
    "editor": ["claims.change_source", "claims.view_extractioncorrection"],
    "admin": ["claims.change_source", "claims.view_extractioncorrection"],
}


# The same record as backfill() builds, in one statement: a desk with a million
# claims upgrades in seconds instead of minutes of row-by-row updates.
BACKFILL_POSTGRESQL = """
UPDATE claims_claim SET extracted_record = jsonb_build_object(
    'content', jsonb_build_object('text', content, 'start', content_start, 'end', content_end),
    'source', CASE WHEN source_start IS NULL THEN NULL ELSE
        jsonb_build_object('text', source_text, 'start', source_start, 'end', source_end) END,
    'cue', CASE WHEN cue_start IS NULL THEN NULL ELSE
        jsonb_build_object('text', cue_text, 'start', cue_start, 'end', cue_end) END,
    'channel', CASE WHEN channel_start IS NULL THEN NULL ELSE
        jsonb_build_object('text', channel_text, 'start', channel_start, 'end', channel_end) END,
    'source_kind', source_kind,
    'quote', quote_type,
    'hedged', hedged,
    'version', extractor_version
)
WHERE corrected_by_id IS NULL
"""


def backfill(apps, schema_editor):
    """Claims nobody corrected are still as extracted: that is their original record.
    Corrected ones have no reliable original and are left out of the measures."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKFILL_POSTGRESQL)
        return
    Claim = apps.get_model("claims", "Claim")
    batch = []
    for claim in Claim.objects.filter(corrected_by__isnull=True).iterator(chunk_size=2000):

        def span(text, start, end):
            return None if start is None else {"text": text, "start": start, "end": end}

        claim.extracted_record = {
            "content": span(claim.content, claim.content_start, claim.content_end),
            "source": span(claim.source_text, claim.source_start, claim.source_end),
            "cue": span(claim.cue_text, claim.cue_start, claim.cue_end),
            "channel": span(claim.channel_text, claim.channel_start, claim.channel_end),
            "source_kind": claim.source_kind,
            "quote": claim.quote_type,
            "hedged": claim.hedged,
            "version": claim.extractor_version,
        }
        batch.append(claim)
        if len(batch) >= 2000:
            Claim.objects.bulk_update(batch, ["extracted_record"])
            batch = []
    Claim.objects.bulk_update(batch, ["extracted_record"])


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in EXTRA_PERMS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for code in codes:
            app_label, codename = code.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_invisible_characters"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="checkworthiness",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="check-worthiness"
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="checkworthiness_reasons",
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.AddField(
            model_name="claim",
            name="extracted_record",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="claim",
            name="origin",
            field=models.CharField(
                choices=[
                    ("extracted", "Extracted"),
                    ("added", "Added by an editor"),
                    ("split", "Split off by an editor"),
                ],
                default="extracted",
                max_length=16,
                verbose_name="origin",
            ),
        ),
        migrations.AlterField(
            model_name="claim",
            name="status",
            field=models.CharField(
                choices=[
                    ("unverified", "New (unverified)"),
                    ("in_progress", "In progress"),
                    ("in_review", "In review"),
                    ("published", "Published"),
                    ("dismissed", "Dismissed (not check-worthy)"),
                    ("not_a_claim", "Not a claim (extraction error)"),
                ],
                default="unverified",
                max_length=16,
                verbose_name="verification status",
            ),
        ),
        migrations.CreateModel(
            name="SourceChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("action", models.CharField(max_length=16)),
                ("old_value", models.JSONField(blank=True, null=True)),
                ("new_value", models.JSONField(blank=True, null=True)),
                ("claims_moved", models.PositiveIntegerField(default=0)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes",
                        to="claims.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "source change",
                "verbose_name_plural": "source history",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ExtractionCorrection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("added", "Added"),
                            ("respanned", "Re-spanned"),
                            ("corrected", "Attribution corrected"),
                            ("split", "Split"),
                            ("merged", "Merged"),
                            ("not_a_claim", "Marked not a claim"),
                            ("restored", "Restored as a claim"),
                        ],
                        max_length=16,
                    ),
                ),
                ("field", models.CharField(blank=True, max_length=32)),
                ("extraction_key", models.CharField(blank=True, max_length=64)),
                ("extractor_version", models.CharField(blank=True, max_length=32)),
                ("language", models.CharField(blank=True, max_length=16)),
                ("before", models.JSONField(blank=True, null=True)),
                ("after", models.JSONField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="extraction_corrections",
                        to="claims.article",
                    ),
                ),
                (
                    "claim",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="corrections",
                        to="claims.claim",
                    ),
                ),
            ],
            options={
                "verbose_name": "extraction correction",
                "verbose_name_plural": "extraction corrections",
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(
                        fields=["article", "action"], name="claims_extr_article_a19ef5_idx"
                    ),
                    models.Index(
                        fields=["extractor_version", "language"],
                        name="claims_extr_extract_2cc0fa_idx",
                    ),
                ],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
