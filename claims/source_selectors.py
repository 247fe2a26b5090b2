"""Reads of the speaker pages: sources searched by name or alias (accents and
case ignored), a source's claims across articles, and its record of verdicts."""

from functools import reduce

from django.db import connection
from django.db.models import Count, Func, Q, TextField, Value
from django.db.models.functions import Cast, Lower, Replace

from claims.models import Claim, ClaimStatus, Rating, Source, SourceChange
from claims.services.sources import normalize_source_name

# Accented letters of Italian, French, Spanish, German names → plain letters.
_FOLD = {
    "à": "a", "á": "a", "â": "a", "ä": "a", "ã": "a", "è": "e", "é": "e", "ê": "e",
    "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ò": "o", "ó": "o", "ô": "o",
    "ö": "o", "õ": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ç": "c", "ñ": "n",
    "ß": "ss", "ø": "o", "å": "a", "š": "s", "ž": "z", "č": "c", "ć": "c", "ł": "l",
}  # fmt: skip


# SQLite's parser refuses deeply nested calls: there, the letters of Italian,
# French, Spanish and German names only.
_SQLITE_FOLD = {ch: _FOLD[ch] for ch in "àáèéìíòóùúäöüçñ"}


def _folded(expression) -> Func:
    """Lower case and without accents, in the database (no extension needed)."""
    lowered = Lower(Cast(expression, output_field=TextField()))
    letters = _SQLITE_FOLD if connection.vendor == "sqlite" else _FOLD
    return reduce(
        lambda inner, pair: Replace(
            inner, Value(pair[0]), Value(pair[1]), output_field=TextField()
        ),
        letters.items(),
        lowered,
    )


def fold(text: str) -> str:
    text = (text or "").lower()
    return "".join(_FOLD.get(ch, ch) for ch in text)


def source_search(*, query: str = "", kind: str = ""):
    """Sources with their claim counts, most quoted first; every word of the query
    must appear in the name or an alias."""
    qs = Source.objects.annotate(
        claim_count=Count("claims", filter=~Q(claims__status=ClaimStatus.NOT_A_CLAIM))
    )
    words = [fold(normalize_source_name(word)) or fold(word) for word in query.split()[:8]]
    if words:
        qs = qs.annotate(
            folded_name=_folded("name"),
            folded_aliases=_folded(Cast("aliases", output_field=TextField())),
        )
        for word in words:
            qs = qs.filter(
                Q(normalized_name__contains=word)
                | Q(folded_name__contains=word)
                | Q(folded_aliases__contains=word)
            )
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-claim_count", "name", "id")


def source_claims(*, source: Source):
    return (
        Claim.objects.filter(source=source)
        .select_related("article", "verdict")
        .only(
            "id",
            "content",
            "status",
            "source_text",
            "created_at",
            "article__id",
            "article__title",
            "article__language",
            "verdict__slug",
            "verdict__label_it",
            "verdict__label_en",
        )
        .order_by("-created_at", "-id")
    )


def source_record(*, source: Source) -> list[tuple[Rating, int]]:
    """Published verdicts by rating, the scale in order (a speaker's record)."""
    counts = dict(
        Claim.objects.filter(source=source, status=ClaimStatus.PUBLISHED, verdict__isnull=False)
        .values_list("verdict_id")
        .annotate(n=Count("id"))
    )
    return [(rating, counts.get(rating.pk, 0)) for rating in Rating.objects.order_by("position")]


def source_history(*, source: Source):
    return SourceChange.objects.filter(source=source).select_related("actor")


def source_duplicates(*, source: Source, limit: int = 20):
    """Sources that may be the same speaker: they share a word of the name."""
    words = [w for w in fold(source.normalized_name).split() if len(w) > 2]
    if not words:
        return Source.objects.none()
    query = Q()
    for word in words:
        query |= Q(normalized_name__contains=word)
    return Source.objects.filter(query).exclude(pk=source.pk).order_by("name")[:limit]


def source_suggestions(*, query: str, limit: int = 10) -> list[dict]:
    """Names and aliases for the attribution form's suggestions."""
    out = []
    for source in source_search(query=query)[:limit]:
        out.append({"id": source.pk, "name": source.name, "kind": source.kind})
        for alias in source.aliases[:5]:
            if fold(query) in fold(alias) and alias != source.name:
                out.append({"id": source.pk, "name": alias, "kind": source.kind})
    return out
