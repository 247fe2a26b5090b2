"""Re-key sources after the leading-article fix of ``normalize_source_name``.

The old key stripped a name's first letters when they spelt an article ("Istat" -> "stat",
"Lega" -> "ga", "Theresa May" -> "resa may"). Every source gets the corrected key; sources
that now share a key are one speaker, so the oldest keeps its claims, aliases and name and
the others are folded into it. The key function is copied here so that later changes to the
service cannot change what this migration did.
"""

import re
import unicodedata

from django.db import migrations

_LEADING_ARTICLE = re.compile(r"^(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)", re.IGNORECASE)
MAX_ALIASES = 20


def corrected_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _LEADING_ARTICLE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()[:300]


def renormalize(apps, schema_editor):
    Source = apps.get_model("claims", "Source")
    Claim = apps.get_model("claims", "Claim")
    keepers = {}
    for source in Source.objects.order_by("id").iterator():
        key = corrected_key(source.name) or source.normalized_name
        keeper = keepers.get(key)
        if keeper is None:
            keepers[key] = source
            continue
        Claim.objects.filter(source_id=source.pk).update(source_id=keeper.pk)
        aliases = [a for a in [source.name, *source.aliases] if a not in keeper.aliases]
        keeper.aliases = (keeper.aliases + aliases)[:MAX_ALIASES]
        source.delete()
    # Two passes: a new key may still be held by another row's old key.
    for source in keepers.values():
        Source.objects.filter(pk=source.pk).update(normalized_name=f"~renormalizing {source.pk}")
    for key, source in keepers.items():
        Source.objects.filter(pk=source.pk).update(normalized_name=key, aliases=source.aliases)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_claim_status_verdict_index"),
    ]

    operations = [
        migrations.RunPython(renormalize, migrations.RunPython.noop),
    ]
