from django.db import migrations

from alliance.fields import single_line_rows


class Migration(migrations.Migration):
    dependencies = [("members", "0016_company_import_export_permissions")]

    # Names and titles saved before they were kept to one line (migration of the fields).
    operations = [single_line_rows("members")]
