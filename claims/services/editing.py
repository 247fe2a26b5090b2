"""Editors own the claims: add one the extractor missed, reshape its spans,
split, merge, mark an extraction error "not a claim".

Every action is checked the same way wherever it comes from (the API, the
article page), written to the claim's history, and kept as labelled data
(ExtractionCorrection) with the extractor version that produced the
original. Edited claims carry `corrected_by`, so re-extraction keeps them;
`extraction_overrides` tells re-extraction which new records an editor has
already answered for.
"""

import uuid
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.checkworthiness import apply_checkworthiness
from claims.exceptions import WorkflowError
from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    ClaimOrigin,
    ClaimStatus,
    Evidence,
    ExtractionCorrection,
    QuoteType,
    Source,
    SourceKind,
)
from claims.services.audit import display as _display
from claims.services.audit import lock_claim as _lock_current
from claims.services.audit import require_perm
from claims.services.publication import version_record_change
from claims.services.sources import (
    LINKED_KINDS,
    normalize_source_name,
    source_for_mention,
)

SPAN_KINDS = ("content", "source", "cue", "channel")
ATTRIBUTION_SPANS = ("source", "cue", "channel")
TEXT_LIMITS = {"content": None, "source": 500, "cue": 300, "channel": 300}
VALUE_FIELDS = ("source_kind", "quote_type", "hedged")
# What the API and the page may send to claim_edit_extraction.
EDIT_FIELDS = (
    *(f"{kind}_{end}" for kind in SPAN_KINDS for end in ("start", "end")),
    *(f"{kind}_text" for kind in ATTRIBUTION_SPANS),
    *VALUE_FIELDS,
    "source",
)
Span = tuple[int, int] | None


class SpanRefused(WorkflowError):
    """An edit refused because of one field; `field` names it for the API's 400."""

    code = "invalid"

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


# --- Spans: validation and lookup ------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space (a mouse selection often takes a space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_CUT_MARKS = " \t\n,;:—–-"


def _trimmed_cut(text: str, start: int, end: int) -> tuple[int, int]:
    """A part of a split claim: no white space or separating punctuation at its edges."""
    while start < end and text[start] in _CUT_MARKS:
        start += 1
    while end > start and text[end - 1] in _CUT_MARKS:
        end -= 1
    return start, end


def checked_span(text: str, kind: str, start, end, *, required: bool = False) -> Span:
    """A [start, end) span inside the text, trimmed; None for an empty attribution span.

    Refusals name the field: `content_start`, `source_end`, ...
    """
    if start is None and end is None:
        if required:
            raise SpanRefused(_("Give the claim's start and end offsets."), field=f"{kind}_start")
        return None
    for name, value in ((f"{kind}_start", start), (f"{kind}_end", end)):
        if value is None:
            raise SpanRefused(_("Give both the start and the end of the span."), field=name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise SpanRefused(_("An offset is a whole number."), field=name)
    if not 0 <= start <= len(text):
        raise SpanRefused(
            _("The span starts outside the article's text (0 to %(length)d).")
            % {"length": len(text)},
            field=f"{kind}_start",
        )
    if not start < end <= len(text):
        raise SpanRefused(
            _("The span must end after its start, at most at %(length)d.") % {"length": len(text)},
            field=f"{kind}_end",
        )
    start, end = _trimmed(text, start, end)
    if start == end:
        if kind == "content":
            raise SpanRefused(_("The claim's content is empty."), field="content")
        raise SpanRefused(_("The span holds only white space."), field=f"{kind}_start")
    limit = TEXT_LIMITS[kind]
    if limit and end - start > limit:
        raise SpanRefused(
            _("The span is longer than %(limit)d characters.") % {"limit": limit},
            field=f"{kind}_end",
        )
    return start, end


def locate_text(text: str, wanted: str, near: int) -> Span:
    """The occurrence of `wanted` in the text nearest to offset `near` (exact case
    first, then any case); None when the words are not in the text."""
    wanted = (wanted or "").strip()
    if not wanted:
        return None
    for haystack, needle in ((text, wanted), (text.lower(), wanted.lower())):
        found, at = [], haystack.find(needle)
        while at != -1 and len(found) < 200:
            found.append(at)
            at = haystack.find(needle, at + 1)
        if found:
            best = min(found, key=lambda start: abs(start - near))
            return best, best + len(wanted)
    return None


# --- Snapshots: the record form of a claim (the gold format's fields) ------------


def _span_dict(text: str | None, start, end) -> dict | None:
    if start is None or end is None:
        return {"text": text, "start": None, "end": None} if text else None
    return {"text": text, "start": start, "end": end}


def claim_record(claim: Claim) -> dict:
    """The claim's spans and attribution as a record, as stored in snapshots."""
    return {
        "content": _span_dict(claim.content, claim.content_start, claim.content_end),
        "source": _span_dict(claim.source_text, claim.source_start, claim.source_end),
        "cue": _span_dict(claim.cue_text, claim.cue_start, claim.cue_end),
        "channel": _span_dict(claim.channel_text, claim.channel_start, claim.channel_end),
        "source_kind": claim.source_kind,
        "quote": claim.quote_type,
        "hedged": claim.hedged,
    }


def extraction_record(record, extractor_version: str) -> dict:
    """An extractor's ClaimRecord as the snapshot kept on the claim it made."""
    return {
        "content": record.content.to_dict(),
        "source": record.source.to_dict() if record.source else None,
        "cue": record.cue.to_dict() if record.cue else None,
        "channel": record.channel.to_dict() if record.channel else None,
        "source_kind": record.source_kind,
        "quote": record.quote,
        "hedged": record.hedged,
        "version": extractor_version,
    }


def _record(
    claim: Claim, *, action: str, user, field: str = "", before=None, after=None, key: str = ""
) -> ExtractionCorrection:
    original = claim.extracted_record or {}
    return ExtractionCorrection(
        article_id=claim.article_id,
        claim=claim if claim.pk else None,
        action=action,
        field=field,
        extraction_key=key,
        extractor_version=original.get("version") or claim.extractor_version,
        language=getattr(claim.article, "language", "") if claim.article_id else "",
        before=before,
        after=after,
        actor=user if getattr(user, "pk", None) else None,
    )


def _event(claim: Claim, user, action: str, field: str = "", old="", new="", reason=""):
    return ClaimEvent(
        claim=claim,
        actor=user if getattr(user, "pk", None) else None,
        action=action,
        field=field,
        old_value="" if old is None else str(old)[:2000],
        new_value="" if new is None else str(new)[:2000],
        reason=reason,
    )


# --- Sources typed by an editor ------------------------------------------------------


def source_for_typed_name(*, name: str, kind: str) -> Source | None:
    """The known source an editor means by a typed name or alias; a new one when
    none matches and the kind is a named one."""
    name = (name or "").strip()
    if not name or kind not in LINKED_KINDS:
        return None
    key = normalize_source_name(name)
    known = Source.objects.filter(normalized_name=key).first()
    if known is not None:
        return known
    # aliases is JSON: its text holds the alias; compare properly in Python.
    for source in Source.objects.filter(aliases__icontains=name.split()[0])[:50]:
        if any(normalize_source_name(alias) == key for alias in source.aliases):
            return source
    return source_for_mention(name=name, mention=name, kind=kind)


# --- Edits ---------------------------------------------------------------------------


def _resolve(article: Article, claim: Claim, values: dict) -> dict:
    """The claim's new field values from an edit's input (offsets, typed words,
    kind, quote, hedging), checked against the article's text."""
    text = article.text
    unknown = set(values) - set(EDIT_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise SpanRefused(_("Unknown field."), field=name)
    new: dict = {}
    if "content_start" in values or "content_end" in values:
        start, end = checked_span(
            text,
            "content",
            values.get("content_start", claim.content_start),
            values.get("content_end", claim.content_end),
            required=True,
        )
        new.update(content=text[start:end], content_start=start, content_end=end)
    near = new.get("content_start", claim.content_start)
    for kind in ATTRIBUTION_SPANS:
        has_offsets = f"{kind}_start" in values or f"{kind}_end" in values
        typed = values.get(f"{kind}_text")
        if has_offsets:
            span = checked_span(
                text,
                kind,
                values.get(f"{kind}_start", getattr(claim, f"{kind}_start")),
                values.get(f"{kind}_end", getattr(claim, f"{kind}_end")),
            )
            if span is None:
                words = (typed or "").strip() if typed is not None else ""
            else:
                words = text[span[0] : span[1]]
        elif typed is not None:
            words = typed.strip()
            if words == (getattr(claim, f"{kind}_text") or ""):
                continue  # unchanged words keep their place in the text
            limit = TEXT_LIMITS[kind]
            if len(words) > limit:
                raise SpanRefused(
                    _("At most %(limit)d characters.") % {"limit": limit}, field=f"{kind}_text"
                )
            if "\x00" in words:
                raise SpanRefused(_("NUL characters are not allowed."), field=f"{kind}_text")
            # Typed words: underline them where the article has them, near the claim.
            span = locate_text(text, words, near)
        else:
            continue
        new[f"{kind}_text"] = words
        new[f"{kind}_start"] = span[0] if span else None
        new[f"{kind}_end"] = span[1] if span else None
    if "source_kind" in values:
        if values["source_kind"] not in SourceKind.values:
            raise SpanRefused(_("Unknown source kind."), field="source_kind")
        new["source_kind"] = values["source_kind"]
    if "quote_type" in values:
        if values["quote_type"] not in QuoteType.values:
            raise SpanRefused(_("Unknown quote type."), field="quote_type")
        new["quote_type"] = values["quote_type"]
    if "hedged" in values:
        if not isinstance(values["hedged"], bool):
            raise SpanRefused(_("Hedged is true or false."), field="hedged")
        new["hedged"] = values["hedged"]
    if "source" in values and values["source"] is not None:
        chosen = values["source"]
        if not isinstance(chosen, Source):
            chosen = Source.objects.filter(pk=chosen).first() if str(chosen).isdigit() else None
            if chosen is None:
                raise SpanRefused(_("There is no such source."), field="source")
        new["source"] = chosen
        if "source_text" not in new:
            span = locate_text(text, chosen.name, near)
            new.update(
                source_text=chosen.name,
                source_start=span[0] if span else None,
                source_end=span[1] if span else None,
            )
        new.setdefault("source_kind", chosen.kind)
    return new


def _relink_source(claim: Claim, new: dict) -> None:
    if "source" in new:
        return
    if {"source_text", "source_kind"} & set(new):
        claim.source = source_for_typed_name(name=claim.source_text, kind=claim.source_kind)


_FIELD_OF = {
    "content": ("content", "content_start", "content_end"),
    "source": ("source_text", "source_start", "source_end"),
    "cue": ("cue_text", "cue_start", "cue_end"),
    "channel": ("channel_text", "channel_start", "channel_end"),
}
_RECORD_FIELD = {"source_kind": "kind", "quote_type": "quote", "hedged": "hedged"}


def _classify(before: dict, after: dict) -> list[tuple[str, str]]:
    """(action, field) of what an edit changed: re-spanned spans, corrected values."""
    changes = []
    for kind in SPAN_KINDS:
        old, new = before[kind], after[kind]
        if old == new:
            continue
        old_at = (old or {}).get("start"), (old or {}).get("end")
        new_at = (new or {}).get("start"), (new or {}).get("end")
        spanned = old_at != (None, None) or new_at != (None, None)
        if kind == "content" or (spanned and old_at != new_at):
            changes.append((ExtractionCorrection.Action.RESPANNED, kind))
        else:
            changes.append((ExtractionCorrection.Action.CORRECTED, kind))
    for field, name in (("source_kind", "kind"), ("quote", "quote"), ("hedged", "hedged")):
        if before[field] != after[field]:
            changes.append((ExtractionCorrection.Action.CORRECTED, name))
    return changes


def _fresh(claim: Claim) -> Claim:
    return Claim.objects.select_related("article").get(pk=claim.pk)


def _shown_span(text, start, end) -> str:
    if start is None:
        return text or ""
    return f"{text} [{start}, {end})"


def _edit_events(claim: Claim, user, old: dict, new: dict) -> list[ClaimEvent]:
    """The history rows of an edit: a re-cut span, or a corrected value."""
    events = []
    for kind in SPAN_KINDS:
        text_f, start_f, end_f = _FIELD_OF[kind]
        changed = {f for f in (text_f, start_f, end_f) if f in new and old[f] != new[f]}
        if not changed:
            continue
        if changed & {start_f, end_f}:
            before = _shown_span(old.get(text_f), old.get(start_f), old.get(end_f))
            after = _shown_span(new.get(text_f), new.get(start_f), new.get(end_f))
            events.append(_event(claim, user, "respan", text_f, before, after))
        else:
            events.append(
                _event(claim, user, "correct_attribution", text_f, old[text_f], new[text_f])
            )
    for name in VALUE_FIELDS:
        if name in new and old[name] != new[name]:
            events.append(
                _event(
                    claim,
                    user,
                    "correct_attribution",
                    name,
                    _display(old[name]),
                    _display(new[name]),
                )
            )
    return events


@transaction.atomic
def claim_edit_extraction(
    *, claim: Claim, user, expected_version: int | None, reason: str = "", **values
) -> Claim:
    """Change a claim's spans (content, source, cue, channel: offsets or typed
    words found in the text) and attribution values; kept on re-extraction.

    On a published claim it is a correction, as in claim_correct_attribution:
    it needs a reason, and whoever makes it is an author of the next public
    version, so they cannot approve it themselves."""
    require_perm(user, "correct_attribution", _("Your role cannot change claims' extraction."))
    current = _lock_current(claim, expected_version)
    article = Article.objects.only("id", "text", "language").get(pk=current.article_id)
    current.article = article
    new = _resolve(article, current, values)
    before = claim_record(current)
    old_values = {name: getattr(current, name) for name in new}
    for name, value in new.items():
        setattr(current, name, value)
    after = claim_record(current)
    changes = _classify(before, after)
    if not changes and old_values.get("source") == new.get("source"):
        return current
    version_record_change(claim=current, user=user, reason=reason)
    _relink_source(current, new)
    apply_checkworthiness(current)
    current.corrected_by = user
    current.corrected_at = timezone.now()
    current.version += 1
    current.save()
    ClaimEvent.objects.bulk_create(_edit_events(current, user, old_values, new))
    ExtractionCorrection.objects.bulk_create(
        _record(current, action=action, user=user, field=field, before=before, after=after)
        for action, field in changes
    )
    return current


@transaction.atomic
def claim_add(*, article: Article, user, content_start: int, content_end: int, **values) -> Claim:
    """A claim the extractor missed, at the given offsets, with its attribution."""
    require_perm(user, "correct_attribution", _("Your role cannot add claims."))
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not article.content_hash or not article.text:
        raise SpanRefused(_("This article has no text yet."), field="article")
    start, end = checked_span(article.text, "content", content_start, content_end, required=True)
    last = article.claims.order_by("-position").values_list("position", flat=True).first()
    claim = Claim(
        article=article,
        position=(last or 0) + 1,
        content=article.text[start:end],
        content_start=start,
        content_end=end,
        extraction_key=f"editor:{uuid.uuid4().hex}",
        origin=ClaimOrigin.ADDED,
        source_kind=SourceKind.AUTHOR,
        quote_type=QuoteType.NONE,
        extractor_version=article.extractor_version,
        corrected_by=user,
        corrected_at=timezone.now(),
    )
    new = _resolve(article, claim, values)
    for name, value in new.items():
        setattr(claim, name, value)
    if claim.source_text and "source_kind" not in new:
        claim.source_kind = SourceKind.PERSON
    if claim.source_text and "quote_type" not in new:
        claim.quote_type = QuoteType.INDIRECT
    _relink_source(claim, {**new, "source_text": claim.source_text})
    apply_checkworthiness(claim)
    claim.save()
    ClaimEvent.objects.create(
        claim=claim, actor=user, action="add_claim", new_value=claim.content[:200]
    )
    correction = _record(
        claim, action=ExtractionCorrection.Action.ADDED, user=user, after=claim_record(claim)
    )
    correction.extractor_version = article.extractor_version
    correction.save()
    return claim


@transaction.atomic
def claim_mark_not_a_claim(
    *, claim: Claim, user, expected_version: int | None, reason: str = ""
) -> Claim:
    """An extraction error: out of the queue and the gold (distinct from "dismissed")."""
    require_perm(user, "correct_attribution", _("Your role cannot change claims' extraction."))
    current = _lock_current(claim, expected_version)
    if current.status == ClaimStatus.NOT_A_CLAIM:
        return current
    if current.status == ClaimStatus.PUBLISHED:
        raise SpanRefused(
            _("This claim's verdict is published: it cannot be marked not a claim."),
            field="status",
        )
    old = current.status
    current.status = ClaimStatus.NOT_A_CLAIM
    current.corrected_by = current.corrected_by or user
    current.corrected_at = current.corrected_at or timezone.now()
    current.version += 1
    current.save()
    _event(current, user, "set_status", "status", old, current.status, reason.strip()).save()
    current.article = Article.objects.only("id", "language").get(pk=current.article_id)
    _record(
        current,
        action=ExtractionCorrection.Action.NOT_A_CLAIM,
        user=user,
        before=claim_record(current),
    ).save()
    return current


@transaction.atomic
def claim_restore(*, claim: Claim, user, expected_version: int | None) -> Claim:
    """Undo "not a claim": the claim is new (unverified) again."""
    require_perm(user, "correct_attribution", _("Your role cannot change claims' extraction."))
    current = _lock_current(claim, expected_version)
    if current.status != ClaimStatus.NOT_A_CLAIM:
        raise SpanRefused(_("Only a claim marked not a claim can be restored."), field="status")
    current.status = ClaimStatus.UNVERIFIED
    current.version += 1
    current.save()
    _event(current, user, "set_status", "status", ClaimStatus.NOT_A_CLAIM, current.status).save()
    current.article = Article.objects.only("id", "language").get(pk=current.article_id)
    _record(
        current,
        action=ExtractionCorrection.Action.RESTORED,
        user=user,
        after=claim_record(current),
    ).save()
    return current


def _copy_attribution(claim: Claim) -> dict:
    names = [
        "source",
        "source_kind",
        "quote_type",
        "hedged",
        *(f"{kind}_{end}" for kind in ATTRIBUTION_SPANS for end in ("text", "start", "end")),
    ]
    return {name: getattr(claim, name) for name in names}


@transaction.atomic
def claim_split(
    *, claim: Claim, user, expected_version: int | None, at: int
) -> tuple[Claim, Claim]:
    """Cut a claim in two at an offset of the article's text; both keep its attribution."""
    require_perm(user, "correct_attribution", _("Your role cannot split claims."))
    current = _lock_current(claim, expected_version)
    article = Article.objects.only("id", "text", "language").get(pk=current.article_id)
    current.article = article
    if current.status == ClaimStatus.PUBLISHED:
        raise SpanRefused(_("A published claim cannot be split."), field="at")
    if isinstance(at, bool) or not isinstance(at, int):
        raise SpanRefused(_("An offset is a whole number."), field="at")
    if not current.content_start < at < current.content_end:
        raise SpanRefused(
            _("Split inside the claim: between %(start)d and %(end)d.")
            % {"start": current.content_start + 1, "end": current.content_end - 1},
            field="at",
        )
    text = article.text
    first = _trimmed_cut(text, current.content_start, at)
    second = _trimmed_cut(text, at, current.content_end)
    if first[0] == first[1] or second[0] == second[1]:
        raise SpanRefused(_("Both parts of a split need words."), field="at")
    before = claim_record(current)
    current.content, current.content_start, current.content_end = text[slice(*first)], *first
    current.corrected_by, current.corrected_at = user, timezone.now()
    apply_checkworthiness(current)
    current.version += 1
    current.save()
    part = Claim(
        article=article,
        position=current.position,
        content=text[slice(*second)],
        content_start=second[0],
        content_end=second[1],
        extraction_key=f"editor:{uuid.uuid4().hex}",
        origin=ClaimOrigin.SPLIT,
        extractor_version=current.extractor_version,
        corrected_by=user,
        corrected_at=timezone.now(),
        **_copy_attribution(current),
    )
    apply_checkworthiness(part)
    part.save()
    ClaimEvent.objects.bulk_create(
        [
            _event(current, user, "split", "content", before["content"]["text"], current.content),
            _event(part, user, "split", "content", before["content"]["text"], part.content),
        ]
    )
    _record(
        current,
        action=ExtractionCorrection.Action.SPLIT,
        user=user,
        field="content",
        before=before,
        after={"parts": [claim_record(current), claim_record(part)], "at": at},
    ).save()
    return current, part


def _neighbours(article_id: int) -> list[int]:
    """The article's claims in reading order (extraction errors left out)."""
    return list(
        Claim.objects.filter(article_id=article_id)
        .exclude(status=ClaimStatus.NOT_A_CLAIM)
        .order_by("content_start", "content_end", "id")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def claim_merge(*, claim: Claim, other: Claim, user, expected_version: int | None) -> Claim:
    """Join two adjacent claims of an article into one.

    The earlier claim stays, spanning both, with its attribution; the other's
    comments and evidence move to it and its history is kept in the
    correction record. Re-extraction will not bring the other one back.
    """
    require_perm(user, "correct_attribution", _("Your role cannot merge claims."))
    current = _lock_current(claim, expected_version)
    try:
        other = Claim.objects.select_for_update().get(pk=getattr(other, "pk", other))
    except (Claim.DoesNotExist, ValueError, TypeError):
        raise SpanRefused(_("There is no such claim."), field="other") from None
    if other.pk == current.pk or other.article_id != current.article_id:
        raise SpanRefused(_("Merge a claim with another claim of the same article."), field="other")
    order = _neighbours(current.article_id)
    if current.pk not in order or other.pk not in order:
        raise SpanRefused(_("A claim marked not a claim cannot be merged."), field="other")
    if abs(order.index(current.pk) - order.index(other.pk)) != 1:
        raise SpanRefused(_("Only adjacent claims can be merged."), field="other")
    if ClaimStatus.PUBLISHED in (current.status, other.status):
        raise SpanRefused(_("A published claim cannot be merged."), field="other")
    article = Article.objects.only("id", "text", "language").get(pk=current.article_id)
    first, second = sorted((current, other), key=lambda c: (c.content_start, c.content_end))
    keep, gone = current, other
    if first.pk != current.pk:
        # The earlier claim's attribution usually introduces both parts.
        keep, gone = other, current
    keep.article = gone.article = article
    before = {"kept": claim_record(keep), "merged": claim_record(gone)}
    start = min(keep.content_start, gone.content_start)
    end = max(keep.content_end, gone.content_end)
    keep.content, keep.content_start, keep.content_end = article.text[start:end], start, end
    keep.corrected_by, keep.corrected_at = user, timezone.now()
    apply_checkworthiness(keep)
    keep.version += 1
    keep.save()
    gone.comments.update(claim=keep)
    Evidence.objects.filter(claim=gone).update(claim=keep)
    correction = _record(
        keep,
        action=ExtractionCorrection.Action.MERGED,
        user=user,
        field="content",
        before=before,
        after=claim_record(keep),
        key=gone.extraction_key if gone.origin == ClaimOrigin.EXTRACTED else "",
    )
    # The merged-away claim's original is part of what the extractor produced.
    correction.before["merged_original"] = gone.extracted_record
    correction.before["merged_id"] = gone.pk
    correction.save()
    ExtractionCorrection.objects.filter(claim=gone).update(claim=keep)
    _event(keep, user, "merge", "content", before["kept"]["content"]["text"], keep.content).save()
    gone.delete()
    return keep


@transaction.atomic
def claim_edit(*, claim: Claim, user, expected_version: int | None, changes: dict) -> Claim:
    """One PATCH of a claim: spans and attribution (claim_edit_extraction), then
    "not a claim" or its undoing, then verdict, assignee and state through
    claim_update; the versions chain, and any refusal rolls everything back."""
    from claims.services.review import claim_update

    changes = dict(changes)
    edits = {key: changes.pop(key) for key in list(changes) if key in EDIT_FIELDS}
    version = expected_version
    if edits:
        claim = claim_edit_extraction(
            claim=claim,
            user=user,
            expected_version=version,
            reason=changes.get("reason", ""),
            **edits,
        )
        version = claim.version
    new_status = changes.get("status")
    if new_status == ClaimStatus.NOT_A_CLAIM:
        changes.pop("status")
        claim = claim_mark_not_a_claim(
            claim=claim, user=user, expected_version=version, reason=changes.get("reason", "")
        )
        version = claim.version
    elif new_status and Claim.objects.filter(pk=claim.pk, status=ClaimStatus.NOT_A_CLAIM).exists():
        claim = claim_restore(claim=claim, user=user, expected_version=version)
        version = claim.version
        if new_status == ClaimStatus.UNVERIFIED:
            changes.pop("status")
    if set(changes) - {"reason"}:
        claim = claim_update(claim=claim, user=user, expected_version=version, changes=changes)
    return claim


# --- Re-extraction -------------------------------------------------------------------


def extraction_overrides(article_id: int, claims: Iterable[Claim]) -> Callable[[object, str], bool]:
    """A test for re-extraction: True for a new record an editor already answered.

    A record is skipped when its key belongs to a claim merged away, or when
    its content overlaps (by half of the shorter) a claim an editor added or
    split off: the editor's version of those words stands.
    """
    merged_keys = set(
        ExtractionCorrection.objects.filter(
            article_id=article_id, action=ExtractionCorrection.Action.MERGED
        )
        .exclude(extraction_key="")
        .values_list("extraction_key", flat=True)
    )
    editor_spans = [
        (claim.content_start, claim.content_end)
        for claim in claims
        if claim.origin != ClaimOrigin.EXTRACTED
    ]

    def answered(record, key: str) -> bool:
        if key in merged_keys:
            return True
        start, end = record.content.start, record.content.end
        for other_start, other_end in editor_spans:
            shared = min(end, other_end) - max(start, other_start)
            shorter = min(end - start, other_end - other_start)
            if shorter > 0 and shared * 2 >= shorter:
                return True
        return False

    return answered
