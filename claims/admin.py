"""The admin: every model with its columns, search, filters and history, and
export actions for the selected rows. Writes that have a service go through
it: an article is added by article_submit, a claim is changed by the review
services (with its version checked and its history written)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken import admin as _drf_token_admin  # noqa: F401 - registers first
from rest_framework.authtoken.models import TokenProxy

from claims import exports, services
from claims.exceptions import DomainError, EditConflict, SubmissionRefused
from claims.models import (
    ApiToken,
    Article,
    Claim,
    ClaimEvent,
    ClaimFingerprint,
    ClaimVersion,
    Comment,
    Evidence,
    ExtractionCorrection,
    Feed,
    FeedItem,
    ImportJob,
    ImportRowError,
    Language,
    Rating,
    Source,
    SourceChange,
)


class ExportActionsMixin:
    """Export actions for the selected rows, for people with the export permission.

    `claims_of(queryset)` turns the selection into the claims to export.
    """

    def claims_of(self, queryset):
        return Claim.objects.filter(pk__in=queryset.values("pk"))

    def has_export_permission(self, request):
        return request.user.has_perm("claims.export_claims")

    def _stamp(self, extension):
        return f"claims-{timezone.localtime():%Y%m%d-%H%M}.{extension}"

    @admin.action(
        description=_("Export the claims of the selection as CSV"), permissions=["export"]
    )
    def export_csv(self, request, queryset):
        return exports.claims_csv_response(self.claims_of(queryset), self._stamp("csv"))

    @admin.action(
        description=_("Export the claims of the selection as JSON"), permissions=["export"]
    )
    def export_json(self, request, queryset):
        return exports.claims_json_response(self.claims_of(queryset), self._stamp("json"))

    @admin.action(
        description=_("Export the published claims of the selection as ClaimReview"),
        permissions=["export"],
    )
    def export_claimreview(self, request, queryset):
        return exports.claimreview_response(
            self.claims_of(queryset), request, filename=self._stamp("jsonld")
        )

    export_actions = ["export_csv", "export_json", "export_claimreview"]


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
class ArticleAdmin(ExportActionsMixin, admin.ModelAdmin):
    list_display = [
        "__str__",
        "language",
        "outlet",
        "extraction_state",
        "claim_count",
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
        "canonical_url",
        "raw_html",
        "fetched_at",
        "fetch_error_code",
        "duplicate_of",
    ]
    inlines = [ClaimInline]
    actions = ["retry_extraction", *ExportActionsMixin.export_actions]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("text", "raw_html")
            .annotate(_claim_count=Count("claims"))
        )

    @admin.display(description=_("claims"), ordering="_claim_count")
    def claim_count(self, obj):
        return obj._claim_count

    def claims_of(self, queryset):
        return Claim.objects.filter(article__in=queryset.values("pk"))

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


class ClaimEventInline(admin.TabularInline):
    """The claim's audit trail, newest first, read-only."""

    model = ClaimEvent
    fields = ["created_at", "actor", "action", "field", "old_value", "new_value", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ClaimVersionInline(admin.TabularInline):
    """The claim's public versions: approved ones are what readers saw."""

    model = ClaimVersion
    fields = [
        "state",
        "kind",
        "verdict",
        "note",
        "approved_by",
        "approved_at",
        "withdrawn_at",
        "withdrawn_reason",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    verbose_name_plural = _("public versions")


EDITABLE_CLAIM_FIELDS = [
    "source_text",
    "cue_text",
    "channel_text",
    "source_kind",
    "quote_type",
    "hedged",
    "verdict",
    "rationale",
    "assignee",
    "status",
]


class ClaimAdminForm(forms.ModelForm):
    """A claim's change form: the changes go through the review services, with
    the version the page was loaded at, so a concurrent edit is refused."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed to change a published claim: the change waits for a second editor's "
            "approval; kept in the history."
        ),
    )
    request = None  # set by ClaimAdmin.get_form

    class Meta:
        model = Claim
        fields = EDITABLE_CLAIM_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def _post_clean(self):
        # Model validation would compare against the edited instance; the
        # services validate (and write) instead, in clean() below.
        pass

    def clean(self):
        cleaned = super().clean()
        if self.errors or not self.instance.pk:
            return cleaned
        changes = {
            name: cleaned.get(name) for name in self.changed_data if name in EDITABLE_CLAIM_FIELDS
        }
        for text_field in ("source_text", "cue_text", "channel_text", "rationale"):
            if text_field in changes and changes[text_field] is None:
                changes[text_field] = ""
        if not changes:
            return cleaned
        changes["reason"] = cleaned.get("reason") or ""
        claim = Claim.objects.get(pk=self.instance.pk)
        try:
            self.saved_claim = services.claim_update(
                claim=claim,
                user=self.request.user,
                expected_version=cleaned.get("expected_version"),
                changes=changes,
            )
        except EditConflict as exc:
            raise forms.ValidationError(
                _("%(message)s (now at version %(version)d, status “%(status)s”.)")
                % {
                    "message": exc.message,
                    "version": exc.current.version,
                    "status": exc.current.get_status_display(),
                }
            ) from None
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from None
        return cleaned


@admin.register(Claim)
class ClaimAdmin(ExportActionsMixin, admin.ModelAdmin):
    form = ClaimAdminForm
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
    list_filter = [
        "status",
        "verdict",
        "source_kind",
        "quote_type",
        "hedged",
        "article__language",
        "created_at",
        "published_at",
    ]
    search_fields = ["content", "source_text", "cue_text", "channel_text", "source__name"]
    list_select_related = ["verdict", "assignee"]
    date_hierarchy = "created_at"
    raw_id_fields = ["assignee"]
    readonly_fields = [
        "article",
        "content",
        "source",
        "version",
        "corrected_by",
        "corrected_at",
        "verdict_set_by",
        "verdict_set_at",
        "published_by",
        "published_at",
        "extractor_version",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["article", "content", "version", "expected_version"]}),
        (
            _("Attribution"),
            {
                "fields": [
                    "source_text",
                    "source",
                    "cue_text",
                    "channel_text",
                    "source_kind",
                    "quote_type",
                    "hedged",
                    "corrected_by",
                    "corrected_at",
                ]
            },
        ),
        (
            _("Verification"),
            {
                "fields": [
                    "status",
                    "verdict",
                    "rationale",
                    "reason",
                    "assignee",
                    "verdict_set_by",
                    "verdict_set_at",
                    "published_by",
                    "published_at",
                ]
            },
        ),
        (_("Record"), {"fields": ["extractor_version", "created_at", "updated_at"]}),
    ]
    inlines = [ClaimVersionInline, ClaimEventInline]
    actions = [*ExportActionsMixin.export_actions]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # claims come from extraction

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__text")

    def save_model(self, request, obj, form, change):
        # The services wrote the changes while the form was validated (in this
        # request's transaction); saving the form's copy would skip them.
        pass


@admin.register(Source)
class SourceAdmin(ExportActionsMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "claim_count", "normalized_name", "updated_at"]
    list_filter = ["kind", "created_at"]
    search_fields = ["name", "normalized_name", "aliases"]
    readonly_fields = ["normalized_name", "created_at", "updated_at"]
    actions = [*ExportActionsMixin.export_actions]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_claim_count=Count("claims"))

    @admin.display(description=_("claims"), ordering="_claim_count")
    def claim_count(self, obj):
        return obj._claim_count

    def claims_of(self, queryset):
        return Claim.objects.filter(source__in=queryset.values("pk"))


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label_en", "label_it", "value", "position", "slug", "claim_count"]
    list_editable = ["position"]
    search_fields = ["slug", "label_en", "label_it"]
    list_filter = ["value"]
    ordering = ["position"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_claim_count=Count("claims"))

    @admin.display(description=_("claims"), ordering="_claim_count")
    def claim_count(self, obj):
        return obj._claim_count


class ClaimChildAdmin(admin.ModelAdmin):
    """Comments and evidence are written on the screens and the API, through
    the services; the admin reads them and may delete (moderation)."""

    raw_id_fields = ["claim"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(ClaimChildAdmin):
    list_display = ["url", "description", "claim", "added_by", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["url", "description", "claim__content"]
    list_select_related = ["claim", "added_by"]


@admin.register(Comment)
class CommentAdmin(ClaimChildAdmin):
    list_display = ["__str__", "claim", "author", "parent", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["body", "author__username", "claim__content"]
    list_select_related = ["claim", "author"]


@admin.register(ClaimEvent)
class ClaimEventAdmin(admin.ModelAdmin):
    list_display = ["claim", "action", "field", "old_value", "new_value", "actor", "created_at"]
    list_filter = ["action", "field", "created_at"]
    search_fields = ["field", "old_value", "new_value", "reason", "actor__username"]
    list_select_related = ["claim", "actor"]
    date_hierarchy = "created_at"
    raw_id_fields = ["claim", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the audit trail is append-only

    def has_delete_permission(self, request, obj=None):
        return False


# --- Ingest from the web (claims/ingest): watched here, run by their tasks.


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FeedItemInline(admin.TabularInline):
    model = FeedItem
    fields = ["title", "url", "published_at", "article", "error", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    show_change_link = True


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "url",
        "language",
        "active",
        "last_polled_at",
        "last_success_at",
        "last_new_items",
        "last_error",
    ]
    list_filter = ["active", "language", "last_polled_at"]
    search_fields = ["title", "url", "last_error"]
    readonly_fields = [
        "created_by",
        "created_at",
        "last_polled_at",
        "last_success_at",
        "last_error",
        "last_new_items",
        "etag",
        "last_modified",
    ]
    inlines = [FeedItemInline]

    def has_add_permission(self, request):
        return False  # feeds are added on the ingest screen, which checks the URL


@admin.register(FeedItem)
class FeedItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "feed", "url", "published_at", "article", "error", "created_at"]
    list_filter = ["feed", "created_at"]
    search_fields = ["title", "url", "guid", "error"]
    list_select_related = ["feed", "article"]
    raw_id_fields = ["feed", "article"]


class ImportRowErrorInline(admin.TabularInline):
    model = ImportRowError
    fields = ["row", "message"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "format",
        "state",
        "total_rows",
        "processed_rows",
        "created_count",
        "existing_count",
        "error_count",
        "created_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["state", "format", "created_at"]
    search_fields = ["filename", "error"]
    exclude = ["payload"]
    inlines = [ImportRowErrorInline]


@admin.register(ClaimFingerprint)
class ClaimFingerprintAdmin(ReadOnlyAdmin):
    list_display = ["claim", "language", "digest", "created_at"]
    list_filter = ["language"]
    search_fields = ["digest", "claim__content"]
    raw_id_fields = ["claim"]


# The user pages (role on the Add user page, roles in the list) live apart.
from claims import admin_users  # noqa: E402, F401
from claims.admin_users import DeskUserAdmin  # noqa: E402

# --- Issue 15: editors' corrections of the extraction, and sources' history (read only).


@admin.register(ExtractionCorrection)
class ExtractionCorrectionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "field", "extractor_version", "language", "article"]
    list_filter = ["action", "field", "extractor_version", "language"]
    fields = [
        "article",
        "claim",
        "action",
        "field",
        "extraction_key",
        "extractor_version",
        "language",
        "before",
        "after",
        "actor",
        "created_at",
    ]
    readonly_fields = fields
    list_select_related = ["article"]


@admin.register(SourceChange)
class SourceChangeAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "source", "action", "claims_moved", "actor"]
    list_filter = ["action"]
    fields = ["source", "action", "old_value", "new_value", "claims_moved", "actor", "created_at"]
    readonly_fields = fields


# --- People, roles and API tokens.
#
# The admin role manages users and their roles, but nothing that would let
# it act as someone else or above itself: it cannot make anyone a superuser
# or give permissions outside the roles, cannot change a superuser at all
# (password, e-mail, status), and never sees an API key, not even its own
# after creation. Keys are stored as digests (claims/services/tokens.py).

admin.site.unregister(TokenProxy)  # DRF's admin shows keys in clear
User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class RoleUserAdmin(DeskUserAdmin):
    def _only_superusers_may(self, request) -> bool:
        return not request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._only_superusers_may(request):
            fields += ["is_superuser", "user_permissions"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and self._only_superusers_may(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and self._only_superusers_may(request):
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, admin.utils.unquote(id))
        if user is not None and user.is_superuser and self._only_superusers_may(request):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        if self._only_superusers_may(request) and obj.is_superuser:
            # Nothing on the form allows it; a forged POST gets nowhere either.
            raise PermissionDenied
        super().save_model(request, obj, form, change)


class ApiTokenAddForm(forms.ModelForm):
    request = None  # set by ApiTokenAdmin.get_form

    class Meta:
        model = ApiToken
        fields = ["user", "name"]

    def clean(self):
        from claims.services.tokens import api_token_may_issue

        cleaned = super().clean()
        owner = cleaned.get("user")
        if owner is not None and not api_token_may_issue(issuer=self.request.user, owner=owner):
            raise forms.ValidationError(
                _(
                    "You can make tokens for yourself, and for accounts that can change "
                    "nothing (integrations). Ask this person to make their own."
                )
            )
        return cleaned

    def _post_clean(self):
        pass  # the service fills in the digest and the rest


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "prefix",
        "name",
        "user",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
        "revoked_reason",
    ]
    list_filter = ["revoked_at", "created_at"]
    search_fields = ["user__username", "name", "prefix"]
    list_select_related = ["user", "created_by"]
    raw_id_fields = ["user"]
    readonly_fields = [
        "user",
        "name",
        "prefix",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
        "revoked_reason",
    ]
    actions = ["revoke"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ApiTokenAddForm
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        return ApiTokenAddForm.Meta.fields if obj is None else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, never deleted: the list is the record of who had access

    def save_model(self, request, obj, form, change):
        from claims.services.tokens import api_token_create

        token, key = api_token_create(
            owner=form.cleaned_data["user"],
            created_by=request.user,
            name=form.cleaned_data.get("name", ""),
        )
        obj.pk = token.pk
        obj.__dict__.update({k: v for k, v in token.__dict__.items() if not k.startswith("_")})
        request._new_api_key = key

    def response_add(self, request, obj, post_url_continue=None):
        # The key is shown on this page, once, and stored nowhere.
        response = TemplateResponse(
            request,
            "admin/claims/apitoken/created.html",
            {
                **self.admin_site.each_context(request),
                "token": obj,
                "key": request._new_api_key,
                "opts": self.opts,
            },
        )
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        from claims.services.tokens import api_token_revoke

        for token in queryset:
            api_token_revoke(token=token, user=request.user)
        messages.success(request, _("Tokens revoked."))


from claims.webhooks import admin as webhooks_admin  # noqa: E402,F401 - registers the webhook models
