"""Query-string filters of the API lists, shared with the exports so that
`/exports/claims.csv?status=published&language=it` means what the same query
means on `/api/claims/`. Also the API's reads (its selectors)."""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from claims.models import (
    Article,
    Claim,
    ClaimStatus,
    ExtractionState,
    Language,
    QuoteType,
    Rating,
    Source,
    SourceKind,
)


def _search(queryset, fields, value):
    query = Q()
    for word in value.split()[:10]:
        word_query = Q()
        for field in fields:
            word_query |= Q(**{f"{field}__icontains": word})
        query &= word_query
    return queryset.filter(query)


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 moment, turned into UTC before it reaches the database.

    Python accepts offsets up to ±24 hours and years down to 1; PostgreSQL
    refuses offsets past ±15:59, and a moment near year 1 can leave the
    calendar once shifted. Such input is a 400 with a message, not a 500.
    """

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return None
        try:
            moment = moment.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError(
                _("This moment is outside the calendar."), code="invalid"
            ) from None
        if not 1 < moment.year < 9999:
            raise ValidationError(_("This moment is outside the calendar."), code="invalid")
        return moment


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


@extend_schema_field({"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"})
class RatingSlugFilter(django_filters.ModelMultipleChoiceFilter):
    pass


class StrictFilterSet(django_filters.FilterSet):
    """A parameter given empty (`?verdict=`) is a 400 unless it is free text:
    an empty number, date, choice or boolean is a mistake, not "any"."""

    def is_valid(self):
        super().is_valid()
        for name, value_filter in self.filters.items():
            if isinstance(value_filter, django_filters.CharFilter) or name not in self.data:
                continue
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data[name]]
            if any(value == "" for value in values) and name in self.form.fields:
                self.form.add_error(
                    name,
                    ValidationError(_("Give a value or leave the parameter out."), code="required"),
                )
        return self.form.is_valid()


MAX_ID = 2**63 - 1  # the largest primary key PostgreSQL and SQLite store


class IdField(forms.CharField):
    """A positive whole number: `1e20`, `3.0` or `-1` is a 400 naming the
    parameter, never a database error."""

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        if not value.isascii() or not value.isdigit() or not 0 < int(value) <= MAX_ID:
            raise ValidationError(_("Expected a whole number id, e.g. 42."), code="invalid")
        return int(value)


@extend_schema_field({"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.Filter):
    field_class = IdField


class StrictBooleanField(forms.CharField):
    """true/false or 1/0; anything else (yes, on, 2) is refused, not ignored."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        try:
            return self.VALUES[value.strip().lower()]
        except KeyError:
            raise ValidationError(_("Expected true, false, 1 or 0."), code="invalid") from None


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class ClaimFilter(StrictFilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ClaimStatus.choices, distinct=False)
    verdict = RatingSlugFilter(
        field_name="verdict__slug",
        to_field_name="slug",
        queryset=Rating.objects.all(),
        distinct=False,
        help_text=_("Rating slug, e.g. false; repeat for several."),
    )
    has_verdict = StrictBooleanFilter(
        field_name="verdict__slug", lookup_expr="isnull", exclude=True
    )
    language = django_filters.ChoiceFilter(field_name="article__language", choices=Language.choices)
    source = IdFilter(field_name="source_id")
    source_kind = django_filters.MultipleChoiceFilter(choices=SourceKind.choices, distinct=False)
    quote_type = django_filters.MultipleChoiceFilter(choices=QuoteType.choices, distinct=False)
    hedged = StrictBooleanFilter()
    article = IdFilter(field_name="article_id")
    assignee = django_filters.CharFilter(field_name="assignee__username")
    created_after = UtcDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = UtcDateTimeFilter(field_name="created_at", lookup_expr="lt")
    updated_after = UtcDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    updated_before = UtcDateTimeFilter(field_name="updated_at", lookup_expr="lt")
    published_after = UtcDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = UtcDateTimeFilter(field_name="published_at", lookup_expr="lt")
    search = django_filters.CharFilter(
        method="filter_search", help_text=_("Words in the claim, its source, cue or channel.")
    )
    ordering = django_filters.OrderingFilter(
        fields=("id", "created_at", "updated_at", "published_at", "position")
    )

    class Meta:
        model = Claim
        fields = []

    def filter_search(self, queryset, name, value):
        return _search(queryset, ["content", "source_text", "cue_text", "channel_text"], value)


class ArticleFilter(StrictFilterSet):
    extraction_state = django_filters.MultipleChoiceFilter(
        choices=ExtractionState.choices, distinct=False
    )
    language = django_filters.ChoiceFilter(choices=Language.choices)
    outlet = django_filters.CharFilter(lookup_expr="iexact")
    submitted_by = django_filters.CharFilter(field_name="submitted_by__username")
    submitted_after = UtcDateTimeFilter(field_name="submitted_at", lookup_expr="gte")
    submitted_before = UtcDateTimeFilter(field_name="submitted_at", lookup_expr="lt")
    search = django_filters.CharFilter(
        method="filter_search", help_text=_("Words in the title, URL, outlet or author.")
    )

    class Meta:
        model = Article
        fields = []

    def filter_search(self, queryset, name, value):
        return _search(queryset, ["title", "url", "outlet", "author"], value)


class SourceFilter(StrictFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=SourceKind.choices, distinct=False)
    search = django_filters.CharFilter(method="filter_search", help_text=_("Words in the name."))

    class Meta:
        model = Source
        fields = []

    def filter_search(self, queryset, name, value):
        # aliases is JSON: its text form is searchable on both databases.
        return _search(queryset, ["name", "normalized_name", "aliases"], value)


# --- Reads (the API's selectors).


def claim_list_queryset():
    return Claim.objects.select_related("article", "source", "verdict", "assignee").defer(
        "article__text"
    )


def article_list_queryset():
    return (
        Article.objects.select_related("submitted_by")
        .defer("text")
        .annotate(claim_count=Count("claims"))
        # Meta.ordering does not apply to a GROUP BY query: say it again.
        .order_by("-submitted_at", "-id")
    )


def source_list_queryset():
    return Source.objects.annotate(claim_count=Count("claims")).order_by("name", "id")


def source_scorecard(source: Source) -> dict:
    """Claims of a source per rating: all verdicts set, and the published ones."""
    rows = (
        Claim.objects.filter(source=source, verdict__isnull=False)
        .values("verdict_id")
        .annotate(
            count=Count("id"),
            published=Count("id", filter=Q(status=ClaimStatus.PUBLISHED)),
        )
    )
    by_rating = {row["verdict_id"]: row for row in rows}
    totals = Claim.objects.filter(source=source).aggregate(
        claims=Count("id"),
        with_verdict=Count("id", filter=Q(verdict__isnull=False)),
        published=Count("id", filter=Q(status=ClaimStatus.PUBLISHED)),
    )
    return {
        **totals,
        "verdicts": [
            {
                "slug": rating.slug,
                "label_it": rating.label_it,
                "label_en": rating.label_en,
                "value": rating.value,
                "count": by_rating.get(rating.pk, {}).get("count", 0),
                "published": by_rating.get(rating.pk, {}).get("published", 0),
            }
            for rating in Rating.objects.order_by("position")
        ],
    }
