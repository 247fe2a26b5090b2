"""The three roles as groups. Assign people to them in the admin (Users → Groups)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACT_CHECKER = [
    "claims.add_article",
    "claims.view_article",
    "claims.view_claim",
    "claims.correct_attribution",
    "claims.set_verdict",
    "claims.add_comment",
    "claims.view_comment",
    "claims.add_evidence",
    "claims.view_evidence",
    "claims.view_source",
    "claims.view_rating",
    "claims.view_claimevent",
]
EDITOR = FACT_CHECKER + [
    "claims.change_article",
    "claims.change_claim",
    "claims.assign_claim",
    "claims.publish_claim",
    "claims.bulk_edit_claims",
]
ADMIN = EDITOR + [
    "claims.export_claims",
    "claims.change_source",
    "claims.add_rating",
    "claims.change_rating",
    "claims.delete_article",
    "auth.add_user",
    "auth.change_user",
    "auth.view_user",
    "auth.view_group",
    "authtoken.add_tokenproxy",
    "authtoken.view_tokenproxy",
    "authtoken.delete_tokenproxy",
]
ROLES = {"fact-checker": FACT_CHECKER, "editor": EDITOR, "admin": ADMIN}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perms.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_claim_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
