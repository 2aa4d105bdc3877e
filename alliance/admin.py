from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_tasks_db.models import DBTaskResult
from reversion.admin import VersionAdmin

from alliance.admin_base import FrenchFirstAdmin, RecordAdmin, badge, message_count
from alliance.models import KeyFigure, OutgoingEmail, Page
from alliance.outbox import retry_failed

admin.site.site_header = "Alliance Polymères Québec"
admin.site.site_title = "Alliance Polymères Québec"


@admin.register(Page)
class PageAdmin(FrenchFirstAdmin, VersionAdmin):
    list_display = ("title", "key", "updated_at")
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request) -> bool:
        # The pages are fixed (about, privacy policy) and created by seed_reference.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KeyFigure)
class KeyFigureAdmin(FrenchFirstAdmin):
    list_display = ("value", "label", "position")
    list_editable = ("position",)


# The task queue's own records (django-tasks-db) are the worker's business, in English;
# staff follow the emails in the outbox below.
admin.site.unregister(DBTaskResult)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(RecordAdmin):
    """Every email the portal sent or is sending: a failed one says why, and staff send
    it again once the cause is fixed."""

    list_display = ("created_at", "state", "recipients", "subject", "attempts", "sent_at")
    list_filter = ("status",)
    search_fields = ("recipients", "subject")
    readonly_fields = (
        "created_at",
        "recipients",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "sent_at",
    )
    fields = readonly_fields
    actions = ("send_again",)

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj: OutgoingEmail) -> str:
        return badge(obj.status, obj.get_status_display())

    @admin.action(description=_("Send the selected failed emails again"))
    def send_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d failed email handed to the queue again.",
                "%(count)d failed emails handed to the queue again.",
                "count",
            ),
            retry_failed(queryset),
        )
