from django.db import migrations

from alliance.fields import single_line_rows


class Migration(migrations.Migration):
    dependencies = [("news", "0004_text_max_lengths")]

    # Names and titles saved before they were kept to one line (migration of the fields).
    operations = [single_line_rows("news")]
