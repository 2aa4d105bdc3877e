"""The rule 0020 brought the data to, kept by the database from now on (a migration of
its own: PostgreSQL does not alter a table in the transaction that just updated it)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0020_person_name_on_the_account"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('user__isnull', True), models.Q(('first_name', ''), ('last_name', ''), ('preferred_language', '')), _connector='OR'), name='members_person_name_on_the_account', violation_error_message='A person with an account has their name and language on the account.'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('user__isnull', False), models.Q(models.Q(('last_name', ''), _negated=True), models.Q(('preferred_language', ''), _negated=True)), _connector='OR'), name='members_person_named_without_account', violation_error_message='A person without an account needs a name.'),
        ),
    ]
