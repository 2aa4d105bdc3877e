"""A person's name and language move onto their account (issue 11): stored once."""

import alliance.fields
import django.db.models.deletion
import django.db.models.functions.comparison
from django.conf import settings
from django.db import migrations, models


def names_onto_the_accounts(apps, schema_editor):
    """A person with an account keeps one name, the account's (an account without one
    takes the row's); their row keeps none. A row without an account keeps its own; one
    that somehow has no last name is named after its address."""
    Person = apps.get_model("members", "Person")
    for person in Person.objects.filter(user__isnull=False).select_related("user"):
        user = person.user
        if not (user.first_name or user.last_name):
            user.first_name, user.last_name = person.first_name, person.last_name
            user.save(update_fields=["first_name", "last_name"])
    Person.objects.filter(user__isnull=False).update(
        first_name="", last_name="", preferred_language=""
    )
    for person in Person.objects.filter(user__isnull=True, last_name=""):
        person.last_name = person.email.partition("@")[0]
        person.save(update_fields=["last_name"])
    Person.objects.filter(user__isnull=True, preferred_language="").update(
        preferred_language="fr"
    )


def names_back_onto_the_rows(apps, schema_editor):
    Person = apps.get_model("members", "Person")
    for person in Person.objects.filter(user__isnull=False).select_related("user"):
        person.first_name, person.last_name = person.user.first_name, person.user.last_name
        person.preferred_language = person.user.preferred_language
        person.save(update_fields=["first_name", "last_name", "preferred_language"])


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0019_person'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': [models.OrderBy(django.db.models.functions.comparison.Coalesce('user__last_name', 'last_name')), models.OrderBy(django.db.models.functions.comparison.Coalesce('user__first_name', 'first_name')), 'pk'], 'verbose_name': 'person', 'verbose_name_plural': 'people'},
        ),
        migrations.AlterField(
            model_name='person',
            name='first_name',
            field=alliance.fields.SingleLineField(blank=True, max_length=150, verbose_name='first name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='last_name',
            field=alliance.fields.SingleLineField(blank=True, max_length=150, verbose_name='last name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='preferred_language',
            field=models.CharField(blank=True, choices=[('fr', 'French'), ('en', 'English')], max_length=2, verbose_name='preferred language'),
        ),
        migrations.AlterField(
            model_name='person',
            name='user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='people', to=settings.AUTH_USER_MODEL, verbose_name='account'),
        ),
        migrations.RunPython(names_onto_the_accounts, names_back_onto_the_rows),
    ]
