"""Sources: one row per speaker or body, shared across articles."""

import re
import unicodedata
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.exceptions import NotAllowed, WorkflowError
from claims.models import Claim, Source, SourceChange, SourceKind
from claims.text import clean_name, strip_invisible

# Only named speakers are the same source wherever they appear; "fonti
# diplomatiche" in two articles, or "the spokesperson", need not be.
LINKED_KINDS = {SourceKind.PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA}
# A whole leading article: "Il Messaggero", "L'Istat", "The Times" (never the first letters of
# a name: "Istat", "Lega", "Theresa May" keep theirs).
_LEADING_ARTICLE = re.compile(r"^(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)", re.IGNORECASE)
MAX_ALIASES = 20

# (name, mention, kind): the speaker's name as resolved, the words in the text, the kind.
Mention = tuple[str | None, str | None, str]


def normalize_source_name(name: str) -> str:
    """The key that links mentions: no accents, no leading article, lower case,
    no invisible characters (a zero-width space or bidi mark is not a new speaker)."""
    text = unicodedata.normalize("NFKD", strip_invisible(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _LEADING_ARTICLE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()


def _source_key(name: str | None, kind: str) -> str:
    if not name or kind not in LINKED_KINDS:
        return ""
    return normalize_source_name(name)[:300]


def _with_aliases(source: Source, aliases: list[str]) -> list[str]:
    merged = list(source.aliases)
    for alias in aliases:
        if alias and alias != source.name and alias not in merged and len(merged) < MAX_ALIASES:
            merged.append(alias)
    return merged


def sources_for_mentions(mentions: Iterable[Mention]) -> dict[Mention, Source | None]:
    """The Source of each mention, created on first sight; None for unlinked kinds.

    A handful of queries however many mentions: one to read the known
    sources, and only when needed one insert (plus a read) for new ones and
    one locked read plus one update for new aliases. Safe beside other
    workers: a source another transaction inserts at the same moment is
    waited for and reused (INSERT ... ON CONFLICT DO NOTHING, in name order so
    two inserters never deadlock), and aliases are merged on locked rows.
    """
    keys = {mention: _source_key(mention[0], mention[2]) for mention in mentions}
    wanted = {key for key in keys.values() if key}
    if not wanted:
        return dict.fromkeys(keys)
    with transaction.atomic(savepoint=False):
        known = Source.objects.filter(normalized_name__in=wanted).order_by()
        found = {source.normalized_name: source for source in known}
        missing = sorted(wanted - found.keys())
        if missing:
            first: dict[str, Mention] = {}
            for mention, key in keys.items():
                first.setdefault(key, mention)
            Source.objects.bulk_create(
                [
                    Source(
                        normalized_name=key,
                        name=clean_name(first[key][0])[:300],
                        kind=first[key][2],
                    )
                    for key in missing
                ],
                ignore_conflicts=True,
            )
            created = Source.objects.filter(normalized_name__in=missing).order_by()
            found.update((source.normalized_name, source) for source in created)

        aliases: dict[str, list[str]] = {}
        for mention, key in keys.items():
            if key:
                aliases.setdefault(key, []).append(clean_name(mention[1])[:300])
        stale = [
            found[key].pk
            for key, new in aliases.items()
            if _with_aliases(found[key], new) != found[key].aliases
        ]
        if stale:
            # Read again under lock: another worker may have added aliases since.
            now, changed = timezone.now(), []
            for source in Source.objects.select_for_update().filter(pk__in=stale).order_by("pk"):
                merged = _with_aliases(source, aliases[source.normalized_name])
                if merged != source.aliases:
                    source.aliases, source.updated_at = merged, now
                    changed.append(source)
                found[source.normalized_name] = source
            Source.objects.bulk_update(changed, ["aliases", "updated_at"])
    return {mention: found[key] if key else None for mention, key in keys.items()}


def source_for_mention(*, name: str | None, mention: str | None, kind: str) -> Source | None:
    """The Source a mention refers to, created on first sight; None for unlinked kinds."""
    return sources_for_mentions([(name, mention, kind)])[(name, mention, kind)]


# --- Editors' changes to sources: rename, retype, merge duplicates ----------------


def _require_source_editor(user) -> None:
    if not user.has_perm("claims.change_source"):
        raise NotAllowed(_("Only an editor can change sources."))


def _log_source_change(source: Source, user, action: str, old, new, moved: int = 0) -> None:
    SourceChange.objects.create(
        source=source,
        action=action,
        old_value=old,
        new_value=new,
        claims_moved=moved,
        actor=user if getattr(user, "pk", None) else None,
    )


@transaction.atomic
def source_rename(*, source: Source, user, name: str) -> Source:
    """A new display name; the old one stays an alias so mentions still find it."""
    _require_source_editor(user)
    name = unicodedata.normalize("NFC", (name or "").replace("\x00", "")).strip()
    if not name:
        raise WorkflowError(_("A source needs a name."))
    if len(name) > 300:
        raise WorkflowError(_("A name is at most 300 characters."))
    source = Source.objects.select_for_update().get(pk=source.pk)
    if name == source.name:
        return source
    key = normalize_source_name(name)[:300]
    clash = Source.objects.filter(normalized_name=key).exclude(pk=source.pk).first()
    if clash is not None:
        raise WorkflowError(
            _("“%(name)s” is already a source: merge the two instead.") % {"name": clash.name}
        )
    old = source.name
    source.name, source.normalized_name = name, key
    source.aliases = _with_aliases(source, [old])
    source.save()
    _log_source_change(source, user, "rename", old, name)
    return source


@transaction.atomic
def source_retype(*, source: Source, user, kind: str) -> Source:
    _require_source_editor(user)
    if kind not in SourceKind.values:
        raise WorkflowError(_("Unknown source kind."))
    source = Source.objects.select_for_update().get(pk=source.pk)
    if kind == source.kind:
        return source
    old = source.kind
    source.kind = kind
    source.save(update_fields=["kind", "updated_at"])
    _log_source_change(source, user, "retype", old, kind)
    return source


@transaction.atomic
def source_merge(*, into: Source, other: Source, user) -> Source:
    """Fold a duplicate into a source: its claims move, its names become aliases,
    and the history keeps what it was."""
    _require_source_editor(user)
    if into.pk == other.pk:
        raise WorkflowError(_("A source cannot be merged into itself."))
    locked = {
        s.pk: s
        for s in Source.objects.select_for_update()
        .filter(pk__in=[into.pk, other.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise WorkflowError(_("There is no such source."))
    into, other = locked[into.pk], locked[other.pk]
    moved = Claim.objects.filter(source=other).update(source=into, updated_at=timezone.now())
    names = [other.name, *other.aliases]
    merged = list(into.aliases)
    for alias in names:
        if alias and alias != into.name and alias not in merged:
            merged.append(alias)
    into.aliases = merged[: MAX_ALIASES * 2]
    into.save(update_fields=["aliases", "updated_at"])
    # The duplicate's own history follows it.
    SourceChange.objects.filter(source=other).update(source=into)
    _log_source_change(
        into,
        user,
        "merge",
        {"id": other.pk, "name": other.name, "kind": other.kind, "aliases": other.aliases},
        {"id": into.pk, "name": into.name},
        moved,
    )
    other.delete()
    return into
