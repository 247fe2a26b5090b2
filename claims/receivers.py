"""Reactions to changes made outside the services, wired in ClaimsConfig.ready().

A password can change through the admin, the password-reset e-mail,
`manage.py changepassword` or any call to set_password(); a user is
deactivated in the admin or by a script. Watching the user row is the one
place that sees them all, so the rule lives here and calls the service.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver

from claims.services.tokens import api_tokens_revoke_for_user


@receiver(pre_save, sender=get_user_model(), dispatch_uid="claims_revoke_tokens")
def revoke_tokens_on_password_change_or_deactivation(sender, instance, update_fields=None, **kw):
    if instance.pk is None:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # e.g. the last_login update at every login
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    if before["password"] != instance.password:
        api_tokens_revoke_for_user(user=instance, reason="password changed")
    elif before["is_active"] and not instance.is_active:
        api_tokens_revoke_for_user(user=instance, reason="account deactivated")
