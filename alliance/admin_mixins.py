import reversion
from django.conf import settings
from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext
from modeltranslation.admin import TabbedTranslationAdmin


class FrenchFirstAdmin(TabbedTranslationAdmin):
    """Translation tabs, a change history written in French, and a reminder when only the
    English text was changed.

    Put it before django-reversion's VersionAdmin in the bases, so the history comment it
    writes is the French one.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        # Django stores the changed fields' labels untranslated and translates them when
        # the history is shown; "Status" or modeltranslation's "Title [fr]" have no catalogue
        # entry, so they would stay English. Store them in French instead.
        message = super().construct_change_message(request, form, formsets, add)
        changed = [name for name in form.changed_data if name in form.fields]
        with translation.override(None):
            untranslated = [str(form.fields[name].label) for name in changed]
        with translation.override(settings.LANGUAGE_CODE):
            french = dict(
                zip(untranslated, (str(form.fields[name].label) for name in changed), strict=True)
            )
        for entry in message:
            if "changed" in entry and "name" not in entry["changed"]:
                fields = entry["changed"]["fields"]
                entry["changed"]["fields"] = [french.get(field, field) for field in fields]
        return message

    def log_addition(self, request, obj, message):
        return self._french_revision_comment(super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self._french_revision_comment(super().log_change(request, obj, message))

    @staticmethod
    def _french_revision_comment(entry):
        # django-reversion keeps the comment as rendered in the language of whoever saved.
        if reversion.is_active():
            with translation.override(settings.LANGUAGE_CODE):
                reversion.set_comment(entry.get_change_message())
        return entry

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            return
        default, changed = settings.LANGUAGE_CODE, set(form.changed_data)
        stale = [
            form.fields[name].label
            for name in sorted(changed)
            if not name.endswith(f"_{default}")
            and name.rsplit("_", 1)[-1] in dict(settings.LANGUAGES)
            and f"{name.rsplit('_', 1)[0]}_{default}" not in changed
        ]
        if stale:
            messages.warning(
                request,
                gettext(
                    "You changed the English text of %(fields)s but not the French: "
                    "make sure the French version is up to date."
                )
                % {"fields": ", ".join(str(label) for label in stale)},
            )
