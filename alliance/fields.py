import os

from django import forms
from django.db import migrations, models
from django_prose_editor.fields import ProseEditorField
from modeltranslation.translator import NotRegistered, translator

from alliance.images import ALLOWED_FORMATS, reencode, validate_image_upload
from alliance.text import single_line, validate_single_line

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "ListItem": True,
    "OrderedList": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"protocols": ["http", "https", "mailto", "tel"]},
}


class SingleLineField(models.CharField):
    """Text on one line: a name, a title, an address line, a phone number. Line breaks and
    control characters are refused, in every form and in the admin, because such text can
    reach an email's subject."""

    default_validators = [validate_single_line]


def single_line_rows(app_label: str) -> migrations.RunPython:
    """A data migration putting on one line what ``app_label``'s rows already hold in
    their ``SingleLineField``s: the field refuses line breaks from now on, but a row saved
    before may have one, and would then be refused at its next edit."""

    def forwards(apps, schema_editor) -> None:
        for model in apps.get_app_config(app_label).get_models():
            fields = [
                field.attname
                for field in model._meta.concrete_fields
                if isinstance(field, SingleLineField)
            ]
            if not fields:
                continue
            changed = []
            for row in model._base_manager.only("pk", *fields).iterator():
                values = {name: getattr(row, name) for name in fields}
                cleaned = {name: single_line(value) for name, value in values.items() if value}
                if any(values[name] != value for name, value in cleaned.items()):
                    for name, value in cleaned.items():
                        setattr(row, name, value)
                    changed.append(row)
            model._base_manager.bulk_update(changed, fields, batch_size=500)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)


class RichTextField(ProseEditorField):
    """Rich text edited with the prose editor and sanitized whenever it is saved.

    The editor's own sanitizer only runs in forms; doing it in ``pre_save`` as well means
    HTML arriving by any other path (a script, an import, the shell) is cleaned too.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"extensions": RICH_TEXT_EXTENSIONS})
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if not value:
            return value
        value = self.sanitize(value)
        # modeltranslation keeps the untranslated column beside body_fr/body_en, and its
        # attribute writes to the current language's field: putting the cleaned value back
        # through it would copy the French fallback into body_en. Only real columns get it.
        if not _is_translated_original(model_instance, self.name):
            setattr(model_instance, self.attname, value)
        return value


def _is_translated_original(instance: models.Model, name: str) -> bool:
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return False
    return name in options.all_fields


class SafeImageField(models.ImageField):
    """An image field that accepts only real JPEG/PNG/WebP images and re-encodes them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_image_upload])
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            content, ext = reencode(file.file)
            root = os.path.splitext(os.path.basename(file.name))[0]
            file.save(f"{root}.{ext}", content, save=False)
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(
                attrs={"accept": ",".join(f"image/{f.lower()}" for f in ALLOWED_FORMATS)}
            ),
        )
        return super().formfield(**kwargs)


class WebsiteField(models.URLField):
    """A website address; typed without a scheme ("exemple.ca"), it is taken as https."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
