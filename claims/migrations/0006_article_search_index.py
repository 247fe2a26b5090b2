"""Trigram indexes for the article list's search over title and text.

Django's icontains becomes UPPER(column) LIKE UPPER('%words%') on PostgreSQL;
a GIN trigram index on UPPER(column) answers it without reading every
article's text. PostgreSQL only (SQLite has no such index), and only where
the pg_trgm extension can be installed: without it the search still works,
just by scanning.
"""

from django.db import DatabaseError, migrations, transaction

INDEXES = {
    "claims_article_text_trgm": "text",
    "claims_article_title_trgm": "title",
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:
            return
        for name, column in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON claims_article "
                f"USING gin (UPPER({column}::text) gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0005_ingest")]

    operations = [migrations.RunPython(create, drop)]
