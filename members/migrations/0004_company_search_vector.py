import django.contrib.postgres.search
from django.db import migrations

# PostgreSQL only (members/search.py). Two things the directory search reads, both kept
# by triggers so that every write path — forms, admin, import, bulk_create — keeps them:
# - ``search_vector``: ``search_text`` as a full-text vector, with a GIN index;
# - ``members_search_word``: every word the companies use, with a trigram index; a
#   misspelt search word is looked up there and replaced by its nearest real words.
# Words are only ever added: a word no company uses any more just finds nothing.
CREATE = [
    "CREATE TRIGGER members_company_search_vector BEFORE INSERT OR UPDATE "
    "ON members_company FOR EACH ROW EXECUTE FUNCTION "
    "tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_text)",
    "UPDATE members_company SET search_vector = to_tsvector('simple', search_text)",
    "CREATE INDEX members_company_search_vector ON members_company USING gin (search_vector)",
    'CREATE TABLE members_search_word (word text COLLATE "C" PRIMARY KEY)',
    "CREATE INDEX members_search_word_trgm ON members_search_word "
    "USING gin (word gin_trgm_ops)",
    """
    CREATE FUNCTION members_search_word_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO members_search_word (word)
        SELECT DISTINCT word
        FROM changed, unnest(tsvector_to_array(changed.search_vector)) AS word
        WHERE length(word) >= 3
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$
    """,
    # A trigger with a transition table takes one event: one trigger for each.
    "CREATE TRIGGER members_company_words_insert AFTER INSERT ON members_company "
    "REFERENCING NEW TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION members_search_word_add()",
    "CREATE TRIGGER members_company_words_update AFTER UPDATE ON members_company "
    "REFERENCING NEW TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION members_search_word_add()",
    "INSERT INTO members_search_word (word) SELECT DISTINCT word FROM members_company, "
    "unnest(tsvector_to_array(search_vector)) AS word WHERE length(word) >= 3 "
    "ON CONFLICT DO NOTHING",
    # Replaced by the two above (migration 0003). The name's trigram index stays: it
    # finds the firms whose name holds the search (members/search.py).
    "DROP INDEX IF EXISTS members_company_search_fts",
    "DROP INDEX IF EXISTS members_company_search_trgm",
]
DROP = [
    "DROP TRIGGER IF EXISTS members_company_words_update ON members_company",
    "DROP TRIGGER IF EXISTS members_company_words_insert ON members_company",
    "DROP FUNCTION IF EXISTS members_search_word_add()",
    "DROP TABLE IF EXISTS members_search_word",
    "DROP INDEX IF EXISTS members_company_search_vector",
    "DROP TRIGGER IF EXISTS members_company_search_vector ON members_company",
    # Back to migration 0003's indexes.
    "CREATE INDEX IF NOT EXISTS members_company_search_fts ON members_company "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))",
    "CREATE INDEX IF NOT EXISTS members_company_search_trgm ON members_company "
    "USING gin (search_text gin_trgm_ops)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("members", "0003_company_search_indexes")]

    operations = [
        migrations.AddField(
            model_name="company",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(run(CREATE), run(DROP), elidable=False),
    ]
