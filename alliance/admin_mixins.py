from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext
from modeltranslation.admin import TabbedTranslationAdmin


class FrenchFirstAdmin(TabbedTranslationAdmin):
    """Translation tabs, plus a reminder when only the English text was changed.

    French content must never be older than the English: a saved edit that touches an
    English field but not its French counterpart is pointed out to the staff member.
    """

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
