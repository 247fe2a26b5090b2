from django.db import migrations

# The newsroom's default verdict scale; editable afterwards in the admin.
DEFAULT_SCALE = [
    # slug, Italian, English, value
    ("true", "Vero", "True", 5),
    ("mostly-true", "Quasi vero", "Mostly true", 4),
    ("misleading", "Fuorviante", "Misleading", 3),
    ("mostly-false", "Quasi falso", "Mostly false", 2),
    ("false", "Falso", "False", 1),
    ("unverifiable", "Non verificabile", "Unverifiable", 0),
]


def create_scale(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for position, (slug, label_it, label_en, value) in enumerate(DEFAULT_SCALE, start=1):
        Rating.objects.update_or_create(
            slug=slug,
            defaults={
                "label_it": label_it,
                "label_en": label_en,
                "value": value,
                "position": position,
            },
        )


def remove_scale(apps, schema_editor):
    apps.get_model("claims", "Rating").objects.filter(
        slug__in=[row[0] for row in DEFAULT_SCALE], claims__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(create_scale, remove_scale)]
