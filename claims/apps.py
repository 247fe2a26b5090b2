from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = _("Claims")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from claims.public import checks  # noqa: F401 - registers the system checks
