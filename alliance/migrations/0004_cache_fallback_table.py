"""The table of the cache used while Redis cannot be reached (alliance/cache.py).

Created here rather than by a separate ``createcachetable`` step that a deployment could
forget: the table must be there on the day Redis goes down.
"""

from django.core.management import call_command
from django.db import migrations


def create_table(apps, schema_editor):
    call_command(
        "createcachetable", "cache_fallback", database=schema_editor.connection.alias, verbosity=0
    )


def drop_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS cache_fallback")


class Migration(migrations.Migration):
    dependencies = [("alliance", "0003_text_max_lengths")]

    operations = [migrations.RunPython(create_table, drop_table)]
