from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from claims import services
from claims.exceptions import SubmissionRefused
from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    Comment,
    Evidence,
    Language,
    Rating,
    Source,
)


class ArticleSubmitForm(forms.ModelForm):
    """The admin's "add article": the same checks as every other way in."""

    language = forms.ChoiceField(
        label=_("language"),
        choices=[("", _("Detect automatically")), *Language.choices],
        required=False,
    )

    class Meta:
        model = Article
        fields = ["text", "title", "url", "language", "outlet", "author", "published_at"]

    def clean(self):
        cleaned = super().clean()
        try:
            services.articles.validate_article_text(
                services.articles.normalize_article_text(cleaned.get("text") or "")
            )
            services.articles.normalize_language(cleaned.get("language") or None, "")
        except SubmissionRefused as exc:
            raise forms.ValidationError(exc.message) from None
        return cleaned

    def _post_clean(self):
        # The service builds the article; skip the model-level validation of
        # fields (content hash, state) that the form does not carry.
        pass


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["content", "source_text", "cue_text", "source_kind", "quote_type", "hedged", "status"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    max_num = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "language",
        "outlet",
        "extraction_state",
        "submitted_by",
        "submitted_at",
    ]
    list_filter = ["extraction_state", "language", "submitted_at"]
    search_fields = ["title", "url", "outlet", "author", "content_hash"]
    date_hierarchy = "submitted_at"
    list_select_related = ["submitted_by"]
    readonly_fields = [
        "text",
        "content_hash",
        "submitted_by",
        "submitted_at",
        "extraction_state",
        "extraction_error",
        "extraction_attempts",
        "extracted_at",
        "extractor_version",
        "created_at",
        "updated_at",
    ]
    inlines = [ClaimInline]
    actions = ["retry_extraction"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleSubmitForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        if obj is None:
            return ArticleSubmitForm.Meta.fields
        return super().get_fields(request, obj)

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            # Only the metadata is editable; the text is an immutable snapshot.
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        try:
            result = services.article_submit(
                text=data["text"],
                language=data.get("language") or None,
                title=data.get("title", ""),
                url=data.get("url", ""),
                outlet=data.get("outlet", ""),
                author=data.get("author", ""),
                published_at=data.get("published_at"),
                submitted_by=request.user,
            )
        except SubmissionRefused as exc:
            # clean() catches these; this covers anything it could not see.
            messages.error(request, exc.message)
            raise
        if not result.created:
            messages.warning(request, _("This text was already submitted: showing that article."))
        obj.pk = result.article.pk
        obj.__dict__.update(
            {k: v for k, v in result.article.__dict__.items() if not k.startswith("_")}
        )

    @admin.action(description=_("Extract the selected articles again"))
    def retry_extraction(self, request, queryset):
        count = 0
        for article in queryset:
            try:
                services.article_retry_extraction(article=article)
                count += 1
            except services.articles.WorkflowError as exc:
                messages.warning(request, f"{article}: {exc.message}")
        messages.success(request, _("%(count)d articles queued for extraction.") % {"count": count})


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "source_text",
        "source_kind",
        "quote_type",
        "hedged",
        "status",
        "verdict",
        "assignee",
        "updated_at",
    ]
    list_filter = ["status", "verdict", "source_kind", "quote_type", "hedged", "article__language"]
    search_fields = ["content", "source_text", "cue_text", "channel_text", "source__name"]
    list_select_related = ["verdict", "assignee"]
    raw_id_fields = [
        "article",
        "source",
        "assignee",
        "corrected_by",
        "verdict_set_by",
        "published_by",
    ]
    readonly_fields = ["extraction_key", "version", "created_at", "updated_at", "extractor_version"]
    show_full_result_count = False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "normalized_name", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "normalized_name", "aliases"]
    readonly_fields = ["normalized_name", "created_at", "updated_at"]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label_en", "label_it", "value", "position", "slug"]
    ordering = ["position"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["url", "description", "claim", "added_by", "created_at"]
    search_fields = ["url", "description"]
    raw_id_fields = ["claim", "added_by"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim", "author", "created_at"]
    search_fields = ["body"]
    raw_id_fields = ["claim", "parent", "author"]


@admin.register(ClaimEvent)
class ClaimEventAdmin(admin.ModelAdmin):
    list_display = ["claim", "action", "field", "old_value", "new_value", "actor", "created_at"]
    list_filter = ["action", "created_at"]
    search_fields = ["field", "old_value", "new_value", "reason"]
    raw_id_fields = ["claim", "actor"]

    def has_change_permission(self, request, obj=None):
        return False  # the audit trail is append-only

    def has_delete_permission(self, request, obj=None):
        return False
