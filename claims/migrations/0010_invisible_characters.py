"""Re-key what the zero-width, bidi and NFC normalization changed (issue 14).

- Each article's duplicate hash is computed again on its NFC text without
  invisible characters; where two stored articles now share one, the older
  keeps it and the other keeps its old hash (both stay, as before).
- Each source's key drops invisible characters; sources that now share a key
  are one speaker and are folded into the oldest, as in 0008.

The key functions are copied here so later changes to the services cannot
change what this migration did. Article texts are not rewritten: claims'
offsets point into them.
"""

import hashlib
import re
import unicodedata

from django.db import migrations

INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
        "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
        "\u2066\u2067\u2068\u2069\ufeff",
    )
)
_LEADING_ARTICLE = re.compile(r"^(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)", re.IGNORECASE)
MAX_ALIASES = 20


def content_hash(text: str) -> str:
    key = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def source_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.translate(INVISIBLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _LEADING_ARTICLE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()[:300]


def rehash_articles(apps, schema_editor):
    Article = apps.get_model("claims", "Article")
    taken = set(Article.objects.exclude(content_hash=None).values_list("content_hash", flat=True))
    rows = (
        Article.objects.exclude(content_hash=None).order_by("id").only("id", "text", "content_hash")
    )
    for article in rows.iterator(chunk_size=200):
        new = content_hash(article.text)
        if new == article.content_hash or new in taken:
            continue
        taken.discard(article.content_hash)
        taken.add(new)
        Article.objects.filter(pk=article.pk).update(content_hash=new)


def rekey_sources(apps, schema_editor):
    Source = apps.get_model("claims", "Source")
    Claim = apps.get_model("claims", "Claim")
    keepers = {}
    changed = False
    for source in Source.objects.order_by("id").iterator():
        key = source_key(source.name) or source.normalized_name
        changed = changed or key != source.normalized_name
        keeper = keepers.get(key)
        if keeper is None:
            keepers[key] = source
            continue
        Claim.objects.filter(source_id=source.pk).update(source_id=keeper.pk)
        aliases = [a for a in [source.name, *source.aliases] if a not in keeper.aliases]
        keeper.aliases = (keeper.aliases + aliases)[:MAX_ALIASES]
        source.delete()
    if not changed:
        return
    for source in keepers.values():
        Source.objects.filter(pk=source.pk).update(normalized_name=f"~rekeying {source.pk}")
    for key, source in keepers.items():
        name = unicodedata.normalize("NFC", source.name.translate(INVISIBLE)).strip() or source.name
        Source.objects.filter(pk=source.pk).update(
            normalized_name=key, aliases=source.aliases, name=name[:300]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_publication_versions_and_tokens"),
    ]

    operations = [
        migrations.RunPython(rehash_articles, migrations.RunPython.noop),
        migrations.RunPython(rekey_sources, migrations.RunPython.noop),
    ]
