"""Webhook endpoints and their delivery log in the admin (imported by claims/admin.py)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from claims.exceptions import DomainError
from claims.webhooks import services
from claims.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("events"), choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "secret", "events", "active", "description"]
        widgets = {"secret": forms.PasswordInput(render_value=True)}

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and not self.errors:
            try:
                # The service's checks (address rules, secret length), without saving.
                services.webhook_check(
                    url=cleaned.get("url", ""),
                    secret=cleaned.get("secret", ""),
                    events=cleaned.get("events", []),
                )
            except DomainError as exc:
                raise ValidationError(exc.message) from None
        return cleaned


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["url", "events", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["url", "description"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        created = services.webhook_register(
            url=obj.url,
            secret=obj.secret,
            events=obj.events,
            user=request.user,
            description=obj.description,
        )
        created.active = obj.active
        created.save(update_fields=["active"])
        obj.pk = created.pk


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: what was sent where, and what the endpoint answered."""

    list_display = [
        "created_at",
        "event",
        "event_id",
        "endpoint",
        "state",
        "response_code",
        "attempts",
        "last_attempt_at",
    ]
    list_filter = ["state", "event", "endpoint"]
    search_fields = ["event_id", "endpoint__url", "last_error"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "endpoint",
        "event_id",
        "event",
        "body",
        "state",
        "response_code",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "delivered_at",
    ]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the selected deliveries again"), permissions=["change"])
    def send_again(self, request, queryset):
        for delivery in queryset:
            services.webhook_delivery_retry(delivery=delivery)
        messages.success(request, _("Queued again."))
