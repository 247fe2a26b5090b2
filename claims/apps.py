from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = _("Claims")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from claims.services.users import superuser_join_admin_role

        post_save.connect(
            superuser_join_admin_role,
            sender=get_user_model(),
            dispatch_uid="claims.superuser_join_admin_role",
        )
        from claims import receivers  # noqa: F401 - connects the receivers
        from claims.public import checks  # noqa: F401 - registers the system checks
        from claims.webhooks import receivers as webhook_receivers

        webhook_receivers.connect()
