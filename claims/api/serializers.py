"""Shapes of the API's JSON. Validation here is about types and known fields
only; every rule of the domain lives in the services."""

from django.contrib.auth import get_user_model
from django.core.validators import ProhibitNullCharactersValidator
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Comment,
    Evidence,
    Language,
    QuoteType,
    Rating,
    Source,
    SourceKind,
)


class StrictFieldsMixin:
    """Refuse fields the endpoint does not know, instead of silently ignoring a typo."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            known = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - known)
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [_("Unknown field. Known fields: %s.") % ", ".join(sorted(known))]
                        for name in unknown
                    }
                )
            # DRF turns 0 into "0" for a text field; the schema says string.
            not_text = sorted(
                name
                for name, value in data.items()
                if isinstance(self.fields.get(name), serializers.CharField)
                and value is not None
                and not isinstance(value, str)
            )
            if not_text:
                raise serializers.ValidationError(
                    {name: [_("Expected text (a JSON string).")] for name in not_text}
                )
        return super().to_internal_value(data)


class UsernameField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "username")
        if kwargs.get("read_only"):
            # Every user reference is a nullable foreign key (the user may be gone).
            kwargs.setdefault("allow_null", True)
        else:
            kwargs.setdefault("queryset", get_user_model().objects.filter(is_active=True))
        super().__init__(**kwargs)


_SENTINEL = 987654321


@extend_schema_field(OpenApiTypes.URI)
class ObjectURLField(serializers.Field):
    """The object's absolute API URL. Django's reverse() per row costs more than
    the rest of a list row; this reverses once per field and formats the id in."""

    def __init__(self, view_name: str, **kwargs):
        self.view_name = view_name
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        template = getattr(self, "_template", None)
        if template is None:
            path = reverse(self.view_name, args=[_SENTINEL])
            request = self.context.get("request")
            if request is not None:
                path = request.build_absolute_uri(path)
            template = self._template = path.replace(str(_SENTINEL), "{}")
        return template.format(instance.pk)


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["slug", "label_it", "label_en", "value", "position"]


class ClaimSerializer(serializers.ModelSerializer):
    """A claim in lists: its text, attribution, and review state."""

    url = ObjectURLField("api:claim-detail")
    article_title = serializers.CharField(source="article.title", read_only=True)
    language = serializers.ChoiceField(
        choices=Language.choices, source="article.language", read_only=True
    )
    source_name = serializers.CharField(
        source="source.name", read_only=True, default=None, allow_null=True
    )
    verdict = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    assignee = UsernameField(read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "article",
            "article_title",
            "language",
            "position",
            "content",
            "source_text",
            "source",
            "source_name",
            "cue_text",
            "channel_text",
            "source_kind",
            "quote_type",
            "hedged",
            "status",
            "verdict",
            "rationale",
            "assignee",
            "version",
            "created_at",
            "updated_at",
            "published_at",
        ]
        read_only_fields = fields

    # Lists of claims are the API's hot path: the row is built directly rather
    # than through DRF's per-field machinery (3x faster; a test checks that
    # both give the same result).
    _related = {
        "article_title": lambda c: c.article.title,
        "language": lambda c: c.article.language,
        "source_name": lambda c: c.source.name if c.source_id else None,
        "verdict": lambda c: c.verdict.slug if c.verdict_id else None,
        "assignee": lambda c: c.assignee.username if c.assignee_id else None,
        "article": lambda c: c.article_id,
        "source": lambda c: c.source_id,
    }
    _datetimes = {"created_at", "updated_at", "published_at"}

    def to_representation(self, claim):
        fields = self.fields
        row = {}
        for name in self.Meta.fields:
            if name == "url":
                row[name] = fields[name].to_representation(claim)
            elif name in self._related:
                row[name] = self._related[name](claim)
            elif name in self._datetimes:
                value = getattr(claim, name)
                row[name] = None if value is None else fields[name].to_representation(value)
            else:
                row[name] = getattr(claim, name)
        return row


class PublicEvidenceSerializer(serializers.Serializer):
    url = serializers.URLField()
    description = serializers.CharField()


class CorrectionSerializer(serializers.Serializer):
    date = serializers.DateTimeField()
    note = serializers.CharField()


class PublicRecordSerializer(serializers.Serializer):
    """What readers see: the version two people approved (claims/public_record.py)."""

    verdict = serializers.CharField(
        source="verdict.slug", read_only=True, allow_null=True, default=None
    )
    rationale = serializers.CharField()
    source_text = serializers.CharField()
    source_kind = serializers.CharField()
    cue_text = serializers.CharField()
    channel_text = serializers.CharField()
    quote_type = serializers.CharField()
    hedged = serializers.BooleanField()
    evidence = PublicEvidenceSerializer(many=True)
    published_at = serializers.DateTimeField()
    published_by = serializers.CharField(
        source="published_by.username", read_only=True, allow_null=True, default=None
    )
    modified_at = serializers.DateTimeField(allow_null=True)
    correction_note = serializers.CharField()
    corrections = serializers.SerializerMethodField()
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    withdrawn_reason = serializers.CharField()

    @extend_schema_field(CorrectionSerializer(many=True))
    def get_corrections(self, record):
        return [
            CorrectionSerializer({"date": when, "note": note}).data
            for when, note in record.corrections
        ]


class ClaimDetailSerializer(ClaimSerializer):
    """One claim with its offsets into the article and who did what. Its
    verdict, rationale and attribution are the working copy; `public` is what
    readers see (null until published), which changes only when a second
    person approves."""

    public = serializers.SerializerMethodField()

    @extend_schema_field(PublicRecordSerializer(allow_null=True))
    def get_public(self, claim):
        from claims.public_record import public_record

        record = public_record(claim)
        return PublicRecordSerializer(record).data if record is not None else None

    verdict_detail = RatingSerializer(source="verdict", read_only=True, allow_null=True)
    corrected_by = UsernameField(read_only=True)
    verdict_set_by = UsernameField(read_only=True)
    published_by = UsernameField(read_only=True)
    comments_url = ObjectURLField("api:claim-comments")
    evidence_url = ObjectURLField("api:claim-evidence")
    history_url = ObjectURLField("api:claim-history")

    def to_representation(self, claim):
        return serializers.ModelSerializer.to_representation(self, claim)

    class Meta(ClaimSerializer.Meta):
        fields = ClaimSerializer.Meta.fields + [
            "content_start",
            "content_end",
            "source_start",
            "source_end",
            "cue_start",
            "cue_end",
            "channel_start",
            "channel_end",
            "extractor_version",
            "corrected_by",
            "corrected_at",
            "verdict_detail",
            "verdict_set_by",
            "verdict_set_at",
            "published_by",
            "comments_url",
            "evidence_url",
            "history_url",
            "public",
        ]
        read_only_fields = fields


class ApproveSerializer(StrictFieldsMixin, serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)
    note = serializers.CharField(
        allow_blank=True,
        required=False,
        max_length=2_000,
        help_text="The public note of a correction (its authors' reason by default).",
    )


class WithdrawSerializer(StrictFieldsMixin, serializers.Serializer):
    version = serializers.IntegerField(min_value=1, required=False)
    reason = serializers.CharField(
        allow_blank=True, max_length=2_000, help_text="Readers see it where the fact-check was."
    )


class ClaimUpdateSerializer(StrictFieldsMixin, serializers.Serializer):
    """A PATCH of a claim. Send the `version` you read (or an If-Match header):
    a claim someone saved since then is refused with 409 and its current state."""

    version = serializers.IntegerField(min_value=1, required=False)
    source_text = serializers.CharField(max_length=500, allow_blank=True, required=False)
    cue_text = serializers.CharField(max_length=300, allow_blank=True, required=False)
    channel_text = serializers.CharField(max_length=300, allow_blank=True, required=False)
    source_kind = serializers.ChoiceField(choices=SourceKind.choices, required=False)
    quote_type = serializers.ChoiceField(choices=QuoteType.choices, required=False)
    hedged = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(choices=ClaimStatus.choices, required=False)
    verdict = serializers.SlugRelatedField(
        slug_field="slug", queryset=Rating.objects.all(), allow_null=True, required=False
    )
    rationale = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    reason = serializers.CharField(
        allow_blank=True,
        required=False,
        max_length=2_000,
        help_text=(
            "Why: needed to change a published claim, whose public record then waits "
            "for a second editor's approval; kept in the history."
        ),
    )
    assignee = UsernameField(allow_null=True, required=False)

    def validate(self, attrs):
        if not set(attrs) - {"version", "reason"}:
            raise serializers.ValidationError(_("Nothing to change: send at least one field."))
        return attrs


class ArticleSerializer(serializers.ModelSerializer):
    url = ObjectURLField("api:article-detail")
    # The article's link, "" when it was pasted: not always a URI.
    source_url = serializers.CharField(source="url", read_only=True)
    # Empty until the page of an article submitted by link is fetched.
    language = serializers.ChoiceField(choices=Language.choices, allow_blank=True, read_only=True)
    submitted_by = UsernameField(read_only=True)
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "source_url",
            "outlet",
            "author",
            "published_at",
            "language",
            "submitted_by",
            "submitted_at",
            "extraction_state",
            "extraction_error",
            "extraction_attempts",
            "extracted_at",
            "claim_count",
        ]
        read_only_fields = fields


# An article may hold thousands of claims: its page carries the first ones in
# reading order, and `claims_url` lists them all, a page at a time.
ARTICLE_DETAIL_CLAIMS = 100


class ArticleDetailSerializer(ArticleSerializer):
    claims = serializers.SerializerMethodField(
        help_text=f"The first {ARTICLE_DETAIL_CLAIMS} claims in reading order; "
        "`claim_count` says how many there are and `claims_url` lists them all."
    )
    claims_url = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = ArticleSerializer.Meta.fields + [
            "text",
            "content_hash",
            "extractor_version",
            "claims",
            "claims_url",
        ]
        read_only_fields = fields

    @extend_schema_field(ClaimSerializer(many=True))
    def get_claims(self, article):
        # Not select_related("article"): that would copy the article's text into
        # every row (880k characters times 5,000 claims). They share this one.
        claims = list(
            article.claims.select_related("source", "verdict", "assignee").order_by(
                "position", "id"
            )[:ARTICLE_DETAIL_CLAIMS]
        )
        for claim in claims:
            claim.article = article
        return ClaimSerializer(claims, many=True, context=self.context).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_claims_url(self, article) -> str:
        path = reverse("api:claim-list") + f"?article={article.pk}&ordering=position"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class RawTextField(serializers.CharField):
    """Text passed on untouched, NUL bytes included, for the service to judge."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class ArticleCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    """Only types are checked here: the submission service gives the same
    refusals, with the same messages, as every other way to submit."""

    text = RawTextField(
        allow_blank=True,
        trim_whitespace=False,
        required=False,
        default="",
        help_text="The article's text; leave it out and give `url` to have the page fetched.",
    )
    language = serializers.CharField(
        allow_blank=True, required=False, help_text="it or en; detected when empty."
    )
    title = serializers.CharField(allow_blank=True, required=False, trim_whitespace=False)
    url = serializers.CharField(allow_blank=True, required=False, help_text="http(s) address.")
    outlet = serializers.CharField(allow_blank=True, required=False)
    author = serializers.CharField(allow_blank=True, required=False)
    published_at = serializers.DateTimeField(allow_null=True, required=False)

    def validate(self, attrs):
        if "text" not in self.initial_data and not (attrs.get("url") or "").strip():
            raise serializers.ValidationError(
                {"text": ["Give the article's text, or a url for the worker to fetch."]}
            )
        return attrs


class SourceSerializer(serializers.ModelSerializer):
    url = ObjectURLField("api:source-detail")
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = ["id", "url", "name", "kind", "aliases", "claim_count", "created_at"]
        read_only_fields = fields


class VerdictCountSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label_it = serializers.CharField()
    label_en = serializers.CharField()
    value = serializers.IntegerField()
    count = serializers.IntegerField(help_text="Claims of this source with this verdict.")
    published = serializers.IntegerField(help_text="Of which published.")


class ScorecardSerializer(serializers.Serializer):
    claims = serializers.IntegerField()
    with_verdict = serializers.IntegerField()
    published = serializers.IntegerField()
    verdicts = VerdictCountSerializer(many=True)


class SourceDetailSerializer(SourceSerializer):
    scorecard = ScorecardSerializer(read_only=True)
    recent_claims = ClaimSerializer(many=True, read_only=True)
    claims_url = serializers.CharField(read_only=True)

    class Meta(SourceSerializer.Meta):
        fields = SourceSerializer.Meta.fields + ["scorecard", "recent_claims", "claims_url"]
        read_only_fields = fields


class CommentSerializer(serializers.ModelSerializer):
    author = UsernameField(read_only=True)

    class Meta:
        model = Comment
        fields = ["id", "claim", "parent", "author", "body", "created_at"]
        read_only_fields = fields


class CommentCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=10_000)
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Comment.objects.all(), allow_null=True, required=False
    )


class EvidenceSerializer(serializers.ModelSerializer):
    added_by = UsernameField(read_only=True)

    class Meta:
        model = Evidence
        fields = ["id", "claim", "url", "description", "added_by", "created_at"]
        read_only_fields = fields


class EvidenceCreateSerializer(StrictFieldsMixin, serializers.Serializer):
    url = serializers.CharField(allow_blank=True, max_length=2000)
    description = serializers.CharField(allow_blank=True, required=False, max_length=500)


class ClaimEventSerializer(serializers.ModelSerializer):
    actor = UsernameField(read_only=True)

    class Meta:
        model = ClaimEvent
        fields = [
            "id",
            "action",
            "field",
            "old_value",
            "new_value",
            "reason",
            "actor",
            "created_at",
        ]
        read_only_fields = fields


class ErrorSerializer(serializers.Serializer):
    """The shape of every error response."""

    detail = serializers.CharField(help_text="A message for people.")
    code = serializers.CharField(help_text="A stable code for programs.")
    errors = serializers.DictField(required=False, help_text="Per-field messages.")


class ConflictSerializer(ErrorSerializer):
    current = ClaimDetailSerializer(help_text="The claim as it is now.")
