from django.conf import settings
from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext
from modeltranslation.admin import TabbedTranslationAdmin


class FrenchFirstAdmin(TabbedTranslationAdmin):
    """Translation tabs, plus a reminder when only the English text was changed.

    French content must never be older than the English: a saved edit that touches an
    English field but not its French counterpart is pointed out to the staff member.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        """Name per-language fields in French in the change history.

        Django stores field labels untranslated and translates them when the history is
        shown, but labels like "Title [fr]" are built by modeltranslation and have no
        catalogue entry: the history would show them in English forever.
        """
        message = super().construct_change_message(request, form, formsets, add)
        translated = [name for name in form.changed_data if name in self._translated_names]
        with translation.override(None):
            untranslated = [str(form.fields[name].label) for name in translated]
        with translation.override(settings.LANGUAGE_CODE):
            french = dict(
                zip(untranslated, (str(form.fields[n].label) for n in translated), strict=True)
            )
        for entry in message:
            if "changed" in entry and "name" not in entry["changed"]:
                fields = entry["changed"]["fields"]
                entry["changed"]["fields"] = [french.get(field, field) for field in fields]
        return message

    @property
    def _translated_names(self) -> set[str]:
        return {
            f"{field}_{code}"
            for field in self.trans_opts.all_fields
            for code, _name in settings.LANGUAGES
        }

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
