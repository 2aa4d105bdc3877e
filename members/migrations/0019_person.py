"""One word for one idea: a person at a company is a ``Person`` (it was ``Representative``).

The table, its constraints and the reverse names follow; the permissions keep what staff
groups were given, under their new codenames (a rename would otherwise leave the groups
holding ``*_representative`` and create ``*_person`` permissions nobody has)."""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


def rename_permissions(apps, schema_editor, old="representative", new="person"):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="members", codename__endswith=f"_{old}"
    ):
        action = permission.codename.removesuffix(f"_{old}")
        if Permission.objects.filter(
            content_type=permission.content_type, codename=f"{action}_{new}"
        ).exists():
            continue
        permission.codename = f"{action}_{new}"
        permission.name = permission.name.replace(old, new)
        permission.save(update_fields=["codename", "name"])


def rename_permissions_back(apps, schema_editor):
    rename_permissions(apps, schema_editor, old="person", new="representative")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0018_company_shown_in_directory"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="representative", name="members_representative_company_email_unique"
        ),
        migrations.RemoveConstraint(
            model_name="representative", name="members_representative_company_user_unique"
        ),
        migrations.RenameModel(old_name="Representative", new_name="Person"),
        migrations.AlterField(
            model_name="person",
            name="company",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="people",
                to="members.company",
                verbose_name="company",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="user",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="people",
                to=settings.AUTH_USER_MODEL,
                verbose_name="account",
            ),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                models.F("company"),
                django.db.models.functions.text.Lower("email"),
                name="members_person_company_email_unique",
                violation_error_message="This person is already listed for this company.",
            ),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                condition=models.Q(("user__isnull", False)),
                fields=("company", "user"),
                name="members_person_company_user_unique",
                violation_error_message="This account is already linked to this company.",
            ),
        ),
        migrations.RunPython(rename_permissions, rename_permissions_back, elidable=True),
    ]
