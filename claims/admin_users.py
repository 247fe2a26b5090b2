"""The admin's user pages: the role is chosen on the Add user page itself, and
the user list shows everyone's role."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.utils.translation import gettext_lazy as _

from claims.services.users import ROLE_CHOICES, ROLE_NAMES, user_set_role

User = get_user_model()


class UserWithRoleCreationForm(AdminUserCreationForm):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ROLE_CHOICES,
        initial="fact-checker",
        help_text=_(
            "A fact-checker submits articles, corrects attributions and sets verdicts; "
            "an editor also assigns and publishes; an administrator also exports and "
            "manages users."
        ),
    )


class DeskUserAdmin(UserAdmin):
    add_form = UserWithRoleCreationForm
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "role", "usable_password", "password1", "password2"),
            },
        ),
    )
    list_display = ("username", "email", "roles", "is_active", "is_superuser", "last_login")
    list_filter = ("groups", "is_active", "is_superuser")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("Role"))
    def roles(self, user) -> str:
        names = dict(ROLE_CHOICES)
        roles = [str(names[g.name]) for g in user.groups.all() if g.name in ROLE_NAMES]
        return ", ".join(roles) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        role = form.cleaned_data.get("role") if not change else None
        if role:
            user_set_role(user=form.instance, role=role)


admin.site.unregister(User)
admin.site.register(User, DeskUserAdmin)
