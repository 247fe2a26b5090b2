"""Forms of the editor screens. They validate shapes; the rules live in services."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.forms.renderers import Jinja2
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims.models import (
    ClaimStatus,
    ExtractionState,
    Language,
    QuoteType,
    Rating,
    SourceKind,
)
from claims.selectors import ARTICLE_SORTS

# The editor screens render a dozen fields per page (the claim page) and the
# queue's filters on every decision. Django ships Jinja2 versions of its
# widget templates that give the same HTML in about half the time. Only these
# forms use it: the admin's widgets exist for Django's template engine alone.
# One instance, so its Jinja2 environment (and template cache) is built once.
SCREEN_RENDERER = Jinja2()


class ScreenForm(forms.Form):
    default_renderer = SCREEN_RENDERER


UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
YES_NO = [("", _("Any")), ("yes", _("Yes")), ("no", _("No"))]


class ArticleSubmitForm(ScreenForm):
    text = forms.CharField(
        label=_("Article text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Paste the text, or upload a file below."),
    )
    upload = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("A .txt, .md or .html file, UTF-8 encoded."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}),
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=500)
    url = forms.CharField(label=_("Address (URL)"), required=False, max_length=2000)
    # A free value shown as a menu: an unsupported code reaches the submission
    # service, whose refusal explains which languages are supported.
    language = forms.CharField(
        label=_("Language"),
        required=False,
        max_length=35,
        widget=forms.Select(choices=[("", _("Detect automatically")), *Language.choices]),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        if Path(upload.name or "").suffix.lower() not in UPLOAD_SUFFIXES:
            raise forms.ValidationError(_("Upload a .txt, .md or .html file."))
        # Read a little more than the limit allows, so a huge file is refused
        # without being held in memory whole.
        limit = settings.FACTCHECK_MAX_ARTICLE_CHARS * 4 + 1
        data = upload.read(limit)
        if len(data) >= limit:
            raise forms.ValidationError(_("The file is too large."))
        return {"name": upload.name, "data": data}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("upload") and (cleaned.get("text") or "").strip():
            raise forms.ValidationError(_("Paste the text or upload a file, not both."))
        return cleaned


class ArticleFilterForm(ScreenForm):
    q = forms.CharField(label=_("Search title and text"), required=False, max_length=200)
    state = forms.ChoiceField(
        label=_("Extraction"), required=False, choices=[("", _("Any")), *ExtractionState.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), *Language.choices]
    )
    unreviewed = forms.ChoiceField(label=_("Has unreviewed claims"), required=False, choices=YES_NO)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("title", _("Title")),
            ("state", _("Extraction state")),
        ],
    )

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        sort = data.get("sort") or "newest"
        return {
            "search": data.get("q", ""),
            "state": data.get("state", ""),
            "language": data.get("language", ""),
            "unreviewed": data.get("unreviewed", ""),
            "sort": sort if sort in ARTICLE_SORTS else "newest",
        }


class VersionedForm(ScreenForm):
    """Every claim form carries the version the user saw (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MergeBaseMixin:
    """Carries the values the form showed (hidden `base_<field>` inputs), so a
    save writes only what this person changed and merges with the rest."""

    merge_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from claims.services.review import field_text

        for name in self.merge_fields:
            self.fields[f"base_{name}"] = forms.CharField(
                widget=forms.HiddenInput, required=False, strip=False
            )
            if name in self.initial:
                self.initial[f"base_{name}"] = field_text(self.initial[name])

    def base_values(self) -> dict[str, str] | None:
        if not any(f"base_{name}" in self.data for name in self.merge_fields):
            return None
        return {name: self.data.get(f"base_{name}", "") for name in self.merge_fields}


class AttributionForm(MergeBaseMixin, VersionedForm):
    merge_fields = (
        "source_text",
        "cue_text",
        "channel_text",
        "source_kind",
        "quote_type",
        "hedged",
    )

    source_text = forms.CharField(label=_("Source"), required=False, max_length=500)
    cue_text = forms.CharField(label=_("Cue"), required=False, max_length=300)
    channel_text = forms.CharField(label=_("Channel"), required=False, max_length=300)
    source_kind = forms.ChoiceField(label=_("Source kind"), choices=SourceKind.choices)
    quote_type = forms.ChoiceField(label=_("Quotation"), choices=QuoteType.choices)
    hedged = forms.BooleanField(label=_("Hedged by the article"), required=False)
    reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to change a published claim; readers see it once approved."),
    )

    @classmethod
    def for_claim(cls, claim, **kwargs):
        return cls(
            initial={
                "version": claim.version,
                **{name: getattr(claim, name) for name in cls.attribution_fields()},
            },
            **kwargs,
        )

    @staticmethod
    def attribution_fields():
        return ("source_text", "cue_text", "channel_text", "source_kind", "quote_type", "hedged")


class RatingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label_for(get_language() or "en")


class VerdictForm(MergeBaseMixin, VersionedForm):
    merge_fields = ("verdict", "rationale")

    verdict = RatingChoiceField(
        label=_("Verdict"),
        queryset=Rating.objects.order_by("position"),
        required=False,
        empty_label=_("No verdict"),
    )
    rationale = forms.CharField(
        label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to change a published claim; readers see it once approved."),
    )


class StatusForm(VersionedForm):
    status = forms.ChoiceField(label=_("New state"), choices=ClaimStatus.choices)
    reason = forms.CharField(label=_("Note"), required=False, max_length=2000)


class WithdrawForm(VersionedForm):
    reason = forms.CharField(
        label=_("Public reason for the withdrawal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Readers see it where the fact-check was."),
    )


class ApproveForm(VersionedForm):
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssignForm(VersionedForm):
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        from claims.selectors import assignable_users

        self.fields["assignee"].queryset = users if users is not None else assignable_users()


class CommentForm(ScreenForm):
    body = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EvidenceForm(ScreenForm):
    url = forms.CharField(label=_("Link (URL)"), max_length=2000)
    description = forms.CharField(label=_("Description"), required=False, max_length=500)
    public = forms.BooleanField(
        label=_("Show to readers with the published fact-check"), required=False, initial=True
    )

    def clean_url(self):
        # The service's rule, shown beside the field (javascript:, quotes, no host...).
        from claims.exceptions import SubmissionRefused
        from claims.services.articles import validate_article_url

        try:
            return validate_article_url(self.cleaned_data["url"])
        except SubmissionRefused as exc:
            raise forms.ValidationError(exc.message, code="url") from None


class QueueFilterForm(ScreenForm):
    status = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("open", _("Open (not published or dismissed)")),
            ("", _("Any")),
            *ClaimStatus.choices,
        ],
    )
    verdict = forms.ChoiceField(label=_("Verdict"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), *Language.choices]
    )
    source_kind = forms.ChoiceField(
        label=_("Source kind"), required=False, choices=[("", _("Any")), *SourceKind.choices]
    )
    hedged = forms.ChoiceField(label=_("Hedged"), required=False, choices=YES_NO)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    article = forms.IntegerField(label=_("Article number"), required=False, min_value=1)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Oldest first")), ("worth", _("Most check-worthy first"))],
    )

    def __init__(self, *args, ratings=(), **kwargs):
        super().__init__(*args, **kwargs)
        lang = get_language() or "en"
        self.fields["verdict"].choices = [
            ("", _("Any")),
            ("none", _("No verdict yet")),
            *[(rating.slug, rating.label_for(lang)) for rating in ratings],
        ]

    def filters(self):
        from claims.selectors import QueueFilters

        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status")
        if "status" not in self.data:
            status = "open"
        return QueueFilters(
            status=status or "",
            verdict=data.get("verdict", ""),
            language=data.get("language", ""),
            source_kind=data.get("source_kind", ""),
            hedged=data.get("hedged", ""),
            mine=bool(data.get("mine")),
            article=data.get("article"),
            sort=data.get("sort") or "oldest",
        )


class BulkForm(ScreenForm):
    claims = forms.TypedMultipleChoiceField(coerce=int, choices=(), label=_("Claims"))
    status = forms.ChoiceField(
        label=_("Move to state"), required=False, choices=[("", _("(keep)")), *ClaimStatus.choices]
    )
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)
    reason = forms.CharField(label=_("Note"), required=False, max_length=2000)

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [
            ("", _("(keep)")),
            ("-", _("Nobody")),
            *[(str(user.pk), user.get_username()) for user in users],
        ]

    def clean_claims(self):
        return self.cleaned_data["claims"]
