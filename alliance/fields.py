import os

import nh3
from django import forms
from django.db import models
from django_prose_editor.fields import ProseEditorField

from alliance.images import ALLOWED_FORMATS, reencode, validate_image_upload

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
        if value:
            value = self.sanitize(value)
            setattr(model_instance, self.attname, value)
        return value


def html_to_text(html: str) -> str:
    return nh3.clean(html, tags=set()).strip()


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
