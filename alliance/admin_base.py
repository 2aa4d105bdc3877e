"""What the admins of every app are built from: base classes, list filters, helpers."""

from collections import Counter
from contextlib import contextmanager

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import NestedObjects, quote, unquote
from django.db import router
from django.db.models import ProtectedError
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
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


def _delete_selected_keeping_records(modeladmin, request, queryset):
    """Django's "delete selected" action, refused with a message (never a 500) when it
    would take protected records with it."""
    refusal = modeladmin.deletion_refusal(list(queryset))
    if refusal:
        modeladmin.message_user(request, refusal, messages.ERROR)
        return None
    try:
        return delete_selected(modeladmin, request, queryset)
    except ProtectedError:  # a record was added since the check
        modeladmin.message_user(
            request, modeladmin.deletion_refusal(list(queryset)), messages.ERROR
        )
        return None


class KeepRecordsAdmin(admin.ModelAdmin):
    """Deleting an object that records hang on (foreign keys with ``on_delete=PROTECT``)
    is refused with a message naming them and saying what to do instead
    (``deletion_advice``), rather than Django's list of protected objects. What is deleted
    is first saved in the history; with django-reversion's VersionAdmin, put this class
    before it in the bases (it wraps VersionAdmin's ``create_revision``)."""

    deletion_advice = ""

    def deletion_refusal(self, objs: list) -> str | None:
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        if not collector.protected:
            return None
        counts = Counter(type(obj) for obj in collector.protected)
        records = ", ".join(
            f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
            for model, count in counts.items()
        )
        if len(objs) == 1:
            message = gettext(
                "%(object)s cannot be deleted: it would take %(records)s with it."
            ) % {"object": objs[0], "records": records}
        else:
            message = gettext(
                "The selected objects cannot be deleted: they would take %(records)s with them."
            ) % {"records": records}
        return f"{message} {self.deletion_advice}".strip()

    def delete_model(self, request, obj):
        self._keep_a_last_version(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._keep_a_last_version(request, list(queryset))
        super().delete_queryset(request, queryset)

    def _keep_a_last_version(self, request, objs: list) -> None:
        """What may be deleted is saved in the history first, so that "Recover deleted"
        finds it even if it was never edited in the admin (an import, a service)."""
        if not reversion.is_registered(self.model):
            return
        with reversion.create_revision():
            reversion.set_user(request.user)
            with translation.override(settings.LANGUAGE_CODE):
                reversion.set_comment(gettext("Deleted."))
            for obj in objs:
                reversion.add_to_revision(obj)

    @contextmanager
    def create_revision(self, request):
        """VersionAdmin's revision around each admin page, except around a bulk deletion:
        a revision nested in it would be joined to it, and on closing it keeps only the
        objects still there, so the last version ``_keep_a_last_version`` saves would be
        dropped."""
        if request.method == "POST" and request.POST.get("action") == "delete_selected":
            yield
            return
        with super().create_revision(request):
            yield

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _func, name, description = actions["delete_selected"]
            actions[name] = (_delete_selected_keeping_records, name, description)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_delete_permission(request, obj):
            refusal = self.deletion_refusal([obj])
            if refusal:
                self.message_user(request, refusal, messages.ERROR)
                opts = self.model._meta
                return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", quote(obj.pk))
        try:
            return super().delete_view(request, object_id, extra_context)
        except ProtectedError:  # a record was added since the check
            self.message_user(request, self.deletion_refusal([obj]), messages.ERROR)
            return redirect(request.path)


class RecordAdmin(admin.ModelAdmin):
    """Records the portal writes (what was sent, what happened): read, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class LookupFilter(admin.SimpleListFilter):
    """A list filter written as ``options``, which maps each value to its label and to
    what it does to the queryset; it starts on "All", as Django's do."""

    options: dict

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _apply) in self.options.items()]

    def current(self) -> str | None:
        return self.value()

    def queryset(self, request, queryset):
        _label, apply = self.options.get(self.current(), (None, None))
        return apply(queryset) if apply else queryset


class DefaultLookupFilter(LookupFilter):
    """A filter that starts on ``default`` rather than on "All", which comes last."""

    default: str

    def lookups(self, request, model_admin):
        return [*super().lookups(request, model_admin), ("all", _("All"))]

    def current(self) -> str:
        return self.value() or self.default

    def choices(self, changelist):
        current = self.current()
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class DefaultChoiceFilter(DefaultLookupFilter):
    """A filter on a field's choices that starts on ``default`` rather than on "all"."""

    field: str
    choices_list: list

    @property
    def options(self) -> dict:
        return {
            value: (label, lambda queryset, value=value: queryset.filter(**{self.field: value}))
            for value, label in self.choices_list
        }


def badge(kind: str, label: str | Promise) -> SafeString:
    """A coloured label in a list column, coloured by ``apq-badge--<kind>``
    (static/admin/apq-admin.css, which every admin page loads)."""
    return format_html('<span class="apq-badge apq-badge--{}">{}</span>', kind, label)


def message_count(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    message: Promise,
    count: int,
    level: int = messages.SUCCESS,
) -> None:
    """Tells staff how many objects an action changed. ``message`` is
    ``ngettext_lazy(singular, plural, "count")``: ``count`` picks the form and fills in
    its ``%(count)d``."""
    modeladmin.message_user(request, message % {"count": count}, level)
