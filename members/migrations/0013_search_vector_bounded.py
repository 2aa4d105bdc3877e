from django.db import migrations

# PostgreSQL only. The vector migration 0004 built from the whole ``search_text`` fails
# ("string is too long for tsvector") on a megabyte of distinct words, and with it the
# save. It is now built from the first 100,000 characters (members.models
# .SEARCH_TEXT_LENGTH), which ``Company.index_text`` also keeps to: the trigger holds the
# limit for any write that bypasses the model.
CREATE = [
    """
    CREATE FUNCTION members_company_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := to_tsvector(
            'pg_catalog.simple', left(coalesce(NEW.search_text, ''), 100000)
        );
        RETURN NEW;
    END $$
    """,
    "DROP TRIGGER IF EXISTS members_company_search_vector ON members_company",
    "CREATE TRIGGER members_company_search_vector BEFORE INSERT OR UPDATE "
    "ON members_company FOR EACH ROW EXECUTE FUNCTION members_company_search_vector()",
]
DROP = [
    "DROP TRIGGER IF EXISTS members_company_search_vector ON members_company",
    "DROP FUNCTION IF EXISTS members_company_search_vector()",
    "CREATE TRIGGER members_company_search_vector BEFORE INSERT OR UPDATE "
    "ON members_company FOR EACH ROW EXECUTE FUNCTION "
    "tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_text)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("members", "0012_text_max_lengths")]

    operations = [migrations.RunPython(run(CREATE), run(DROP), elidable=False)]
