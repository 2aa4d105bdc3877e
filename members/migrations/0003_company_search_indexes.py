from django.db import migrations

# PostgreSQL only: the full-text and trigram indexes the directory search uses
# (members/search.py). SQLite searches the same column without them.
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS members_company_search_fts ON members_company "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))",
    "CREATE INDEX IF NOT EXISTS members_company_search_trgm ON members_company "
    "USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS members_company_name_trgm ON members_company "
    "USING gin (sort_name gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS members_company_name_trgm",
    "DROP INDEX IF EXISTS members_company_search_trgm",
    "DROP INDEX IF EXISTS members_company_search_fts",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("members", "0002_companies")]

    operations = [migrations.RunPython(run(CREATE), run(DROP), elidable=False)]
