from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from reversion.admin import VersionAdmin

from alliance.admin_base import (
    DefaultLookupFilter,
    FrenchFirstAdmin,
    KeepRecordsAdmin,
    LookupFilter,
    message_count,
)
from members.models import Committee, Document, Meeting, Seat
from members.services.committees import meeting_send_notice


class CurrentSeatFilter(DefaultLookupFilter):
    """Staff land on the seats held today; past terms stay one click away."""

    title = _("term")
    parameter_name = "term"
    default = "current"
    options = {
        "current": (_("Current"), lambda seats: seats.current()),
        "past": (_("Ended"), lambda seats: seats.filter(end__lt=timezone.localdate())),
    }


class LapsedCompanyFilter(LookupFilter):
    title = _("company")
    parameter_name = "company"
    options = {
        "lapsed": (
            _("No longer a member"),
            lambda seats: seats.filter(company_in_good_standing=False),
        ),
    }


class SeatFormSet(BaseInlineFormSet):
    """Checks the rows against each other: each row is checked against the database by
    ``Seat.clean``, which cannot see the other rows of the same form."""

    def clean(self):
        super().clean()
        rows = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.instance.start
        ]
        for index, seat in enumerate(rows):
            for other in rows[index + 1 :]:
                if not _terms_overlap(seat, other):
                    continue
                if seat.person_id and seat.person_id == other.person_id:
                    raise ValidationError(
                        _("This person already has a seat on this committee during this term.")
                    )
                if seat.role == other.role == Seat.Role.CHAIR:
                    raise ValidationError(_("The committee already has a chair during this term."))


def _terms_overlap(a: Seat, b: Seat) -> bool:
    return (a.end is None or b.start <= a.end) and (b.end is None or a.start <= b.end)


class SeatInline(admin.TabularInline):
    model = Seat
    formset = SeatFormSet
    extra = 0
    autocomplete_fields = ("person", "staff_member")
    fields = ("person", "staff_member", "role", "start", "end", "company_in_good_standing_label")
    readonly_fields = ("company_in_good_standing_label",)

    def get_queryset(self, request):
        return super().get_queryset(request).with_company_in_good_standing()

    @admin.display(description=_("company still a member"), boolean=True)
    def company_in_good_standing_label(self, obj: Seat) -> bool | None:
        return getattr(obj, "company_in_good_standing", None)


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0
    fields = ("starts_at", "status", "place", "notice_sent_at")
    readonly_fields = ("notice_sent_at",)
    show_change_link = True
    ordering = ("-starts_at",)


class CommitteeDocumentInline(admin.TabularInline):
    """The committee's own documents, not a meeting's (those are on the meeting)."""

    model = Document
    extra = 0
    fields = ("title_fr", "title_en", "kind", "access", "file")
    verbose_name_plural = _("documents of the committee (not of a meeting)")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(meeting__isnull=True)


@admin.register(Committee)
class CommitteeAdmin(FrenchFirstAdmin, KeepRecordsAdmin, VersionAdmin):
    deletion_advice = _(
        "They are the committee's history: end the seats' terms rather than deleting them; "
        "delete a meeting or document only if it was entered by mistake."
    )
    list_display = ("name", "axis", "position")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name_fr", "name_en")
    inlines = (SeatInline, MeetingInline, CommitteeDocumentInline)


@admin.register(Seat)
class SeatAdmin(KeepRecordsAdmin, VersionAdmin):
    """Seats whose company is no longer a member are flagged, never dropped silently."""

    list_display = ("holder", "committee", "role", "start", "end", "company_in_good_standing_label")
    list_filter = (CurrentSeatFilter, LapsedCompanyFilter, "committee", "role")
    list_select_related = ("committee", "person__company", "staff_member")
    autocomplete_fields = ("person", "staff_member")
    search_fields = (
        "person__first_name",
        "person__last_name",
        "person__user__first_name",
        "person__user__last_name",
        "person__company__name",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_company_in_good_standing()

    @admin.display(description=_("holder"))
    def holder(self, obj: Seat) -> str:
        return f"{obj.holder_name} ({obj.person.company})" if obj.person else obj.holder_name

    @admin.display(description=_("company still a member"), boolean=True)
    def company_in_good_standing_label(self, obj: Seat) -> bool:
        return obj.company_in_good_standing


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 1
    fields = ("title_fr", "title_en", "kind", "access", "file")


class UpcomingMeetingFilter(DefaultLookupFilter):
    title = _("when")
    parameter_name = "when"
    default = "upcoming"
    options = {
        "upcoming": (_("Upcoming"), lambda meetings: meetings.upcoming()),
        "past": (_("Past"), lambda meetings: meetings.past()),
    }


@admin.register(Meeting)
class MeetingAdmin(FrenchFirstAdmin, KeepRecordsAdmin, VersionAdmin):
    deletion_advice = _(
        "Mark the meeting cancelled instead; delete its documents first only if they were "
        "entered by mistake."
    )
    list_display = ("__str__", "committee", "status", "notice_sent_at")
    list_filter = (UpcomingMeetingFilter, "committee", "status")
    list_select_related = ("committee",)
    fields = (
        "committee",
        "starts_at",
        "ends_at",
        "status",
        "place",
        "video_url",
        "agenda",
        "summary",
        "notice_sent_at",
    )
    readonly_fields = ("notice_sent_at",)
    inlines = (DocumentInline,)
    actions = ("send_notice",)

    @admin.action(description=_("Email the notice to the committee's members"))
    def send_notice(self, request: HttpRequest, queryset: QuerySet) -> None:
        sent, failed = 0, []
        for meeting in queryset.select_related("committee"):
            count, errors = meeting_send_notice(meeting=meeting)
            sent, failed = sent + count, failed + errors
        message_count(
            self,
            request,
            ngettext_lazy("%(count)d notice sent.", "%(count)d notices sent.", "count"),
            sent,
        )
        if failed:
            self.message_user(
                request,
                _("Not sent, these addresses are not valid: %(addresses)s")
                % {"addresses": ", ".join(failed)},
                messages.ERROR,
            )


@admin.register(Document)
class DocumentAdmin(FrenchFirstAdmin, KeepRecordsAdmin, VersionAdmin):
    """Every committee's documents in one list, each with its history (they are added on
    their committee's or meeting's page too)."""

    list_display = ("title", "committee", "meeting", "kind", "access", "added_at")
    list_filter = ("committee", "kind", "access")
    list_select_related = ("committee", "meeting__committee")
    search_fields = ("title_fr", "title_en")
    fields = ("committee", "meeting", "title", "kind", "access", "file")
    date_hierarchy = "added_at"
