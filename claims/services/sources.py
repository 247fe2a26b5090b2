"""Sources: one row per speaker or body, shared across articles."""

import re
import unicodedata

from django.db import transaction

from claims.models import Source, SourceKind

# Only named speakers are the same source wherever they appear; "fonti
# diplomatiche" in two articles, or "the spokesperson", need not be.
LINKED_KINDS = {SourceKind.PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA}
_LEADING_ARTICLE = re.compile(r"^(?:il|lo|la|i|gli|le|l'|l’|the)\s*", re.IGNORECASE)
MAX_ALIASES = 20


def normalize_source_name(name: str) -> str:
    """The key that links mentions: no accents, no leading article, lower case."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _LEADING_ARTICLE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()


def source_for_mention(*, name: str | None, mention: str | None, kind: str) -> Source | None:
    """The Source a mention refers to, created on first sight; None for unlinked kinds."""
    if not name or kind not in LINKED_KINDS:
        return None
    key = normalize_source_name(name)[:300]
    if not key:
        return None
    with transaction.atomic():
        source, _ = Source.objects.get_or_create(
            normalized_name=key, defaults={"name": name.strip()[:300], "kind": kind}
        )
    alias = (mention or "").strip()[:300]
    if (
        alias
        and alias != source.name
        and alias not in source.aliases
        and len(source.aliases) < MAX_ALIASES
    ):
        source.aliases = [*source.aliases, alias]
        source.save(update_fields=["aliases", "updated_at"])
    return source
