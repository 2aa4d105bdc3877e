from django.db import migrations

from alliance.fields import single_line_rows


class Migration(migrations.Migration):
    dependencies = [("alliance", "0004_cache_fallback_table")]

    # Names and titles saved before they were kept to one line (migration of the fields).
    operations = [single_line_rows("alliance")]
