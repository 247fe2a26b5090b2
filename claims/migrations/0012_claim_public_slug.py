"""Public fact-check pages: each published claim gets a lasting slug, and the
rating scale's help text says what a value of 0 or less means."""

import re
import unicodedata

from django.db import migrations, models


def slug_for(claim_id, content):
    # A copy of claims.public.addresses.public_slug_for as it was, so later
    # changes there cannot change what this migration wrote.
    text = unicodedata.normalize("NFKD", content).encode("ascii", "ignore").decode("ascii")
    full = re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text.lower())).strip("-_")
    words = full[:60].strip("-")
    if "-" in words and len(full) > 60:
        words = words.rsplit("-", 1)[0]
    slug = f"{claim_id}-{words}" if words else str(claim_id)
    return slug[:80].strip("-")


def give_published_claims_slugs(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    published = Claim.objects.filter(status="published", public_slug="").only("id", "content")
    batch = []
    for claim in published.iterator(chunk_size=1000):
        claim.public_slug = slug_for(claim.pk, claim.content)
        batch.append(claim)
        if len(batch) == 1000:
            Claim.objects.bulk_update(batch, ["public_slug"])
            batch = []
    Claim.objects.bulk_update(batch, ["public_slug"])


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_editors_own_claims")]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="public_slug",
            field=models.SlugField(blank=True, db_index=False, editable=False, max_length=80),
        ),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.UniqueConstraint(
                condition=models.Q(("public_slug", ""), _negated=True),
                fields=("public_slug",),
                name="claim_unique_public_slug",
            ),
        ),
        migrations.AlterField(
            model_name="rating",
            name="value",
            field=models.IntegerField(
                help_text=(
                    "Higher is truer. 0 or less: a verdict off the numeric scale (such as "
                    "Unverifiable), published in ClaimReview by its name alone."
                ),
                verbose_name="numeric value",
            ),
        ),
        migrations.RunPython(give_published_claims_slugs, migrations.RunPython.noop),
    ]
