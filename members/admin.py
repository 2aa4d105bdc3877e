from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.formats import base_formats
from reversion.admin import VersionAdmin

from alliance.admin_base import FrenchFirstAdmin, KeepRecordsAdmin
from alliance.emails import EmailNotSent
from members import services
from members.models import (
    CLASSIFICATION_FIELDS,
    AccountClosure,
    Application,
    Certification,
    Committee,
    Company,
    Document,
    EndMarket,
    Invitation,
    Material,
    Meeting,
    Membership,
    MembershipCategory,
    Process,
    RenewalReminder,
    Representative,
    Seat,
    Sector,
    Status,
    User,
    ValueChainRole,
)
from members.resources import CompanyResource

ADMIN_CSS = {"all": ("admin/apq-admin.css",)}


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "preferred_language")}),
        (
            _("Permissions"),
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
            },
        ),
        (
            _("Important dates"),
            {"fields": ("last_login", "date_joined", "privacy_consented_at")},
        ),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ("last_login", "date_joined", "privacy_consented_at")


# --- Reference lists ---------------------------------------------------------------


class ClassificationAdmin(FrenchFirstAdmin):
    list_display = ("name", "slug", "position", "company_count")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name_fr", "name_en", "slug")

    @admin.display(description=_("companies"), ordering="company_total")
    def company_count(self, obj) -> int:
        return obj.company_total

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(company_total=Count("companies"))


for _model in (Sector, ValueChainRole, Process, Material, EndMarket, Certification):
    admin.site.register(_model, ClassificationAdmin)


@admin.register(MembershipCategory)
class MembershipCategoryAdmin(FrenchFirstAdmin, KeepRecordsAdmin):
    deletion_advice = _(
        "Untick “offered on the application form” instead: it is then no longer offered, "
        "and the periods already in it keep it."
    )
    list_display = ("name", "annual_fee", "is_open", "position")
    list_editable = ("position",)


# --- Companies -----------------------------------------------------------------------


class DefaultLookupFilter(admin.SimpleListFilter):
    """A filter that starts on ``default``; ``options`` maps each value to its label and
    to what it does to the queryset."""

    default: str
    options: dict

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _apply) in self.options.items()]

    def choices(self, changelist):
        current = self.value() or self.default
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        _label, apply = self.options.get(self.value() or self.default, (None, None))
        return apply(queryset) if apply else queryset


class DefaultChoiceFilter(DefaultLookupFilter):
    """A filter on a field's choices that starts on ``default`` rather than on "all"."""

    field: str
    choices_list: list

    @property
    def options(self) -> dict:
        return {
            **{
                value: (label, lambda queryset, value=value: queryset.filter(**{self.field: value}))
                for value, label in self.choices_list
            },
            "all": (_("All"), lambda queryset: queryset),
        }


class StatusFilter(DefaultChoiceFilter):
    """Membership status, derived; staff land on the active members."""

    title = _("membership status")
    parameter_name = field = "status"
    choices_list = Status.choices
    default = Status.ACTIVE


class ArchivedFilter(DefaultLookupFilter):
    """Staff land on the companies in use; archived ones are one click away."""

    title = _("archive")
    parameter_name = "archived"
    default = "no"
    options = {
        "no": (_("Not archived"), lambda companies: companies.not_archived()),
        "yes": (_("Archived"), lambda companies: companies.archived()),
        "all": (_("All"), lambda companies: companies),
    }


class EndingSoonFilter(admin.SimpleListFilter):
    title = _("renewal")
    parameter_name = "ending"

    def lookups(self, request, model_admin):
        return [("30", _("Ends within 30 days")), ("unpaid", _("Current period unpaid"))]

    def queryset(self, request, queryset):
        if self.value() == "30":
            return queryset.ending_within(30)
        if self.value() == "unpaid":
            return queryset.filter(period_end__isnull=False, period_paid_on__isnull=True)
        return queryset


class ProfileChangedFilter(admin.SimpleListFilter):
    title = _("profile changed by the company")
    parameter_name = "changed"

    def lookups(self, request, model_admin):
        return [("new", _("Since staff last opened it"))]

    def queryset(self, request, queryset):
        if self.value() == "new":
            return queryset.changed_by_members()
        return queryset


class CategoryFilter(admin.SimpleListFilter):
    title = _("membership category")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [(str(category.pk), category.name) for category in MembershipCategory.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(period_category_id=self.value())
        return queryset


class MembershipFormSet(BaseInlineFormSet):
    """A paid period is the record of a payment: it is cancelled, never deleted."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.initial.get("paid_on"):
                raise ValidationError(
                    _(
                        "A paid membership period cannot be deleted: it records a payment. "
                        "Fill in its cancellation date instead."
                    )
                )


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipFormSet
    extra = 0
    fields = ("start", "end", "category", "fee", "invoice_reference", "paid_on", "cancelled_on")
    ordering = ("-start",)


class RepresentativeInline(admin.StackedInline):
    model = Representative
    extra = 0
    fields = (
        ("first_name", "last_name"),
        ("email", "phone"),
        ("job_title", "role"),
        ("preferred_language", "visibility"),
        "user",
    )
    autocomplete_fields = ("user",)


@admin.register(Company)
class CompanyAdmin(
    FrenchFirstAdmin, KeepRecordsAdmin, ImportExportMixin, ExportActionMixin, VersionAdmin
):
    deletion_advice = _(
        "Archive it instead (action “Archive the selected companies”): it leaves the "
        "directory and its people lose member access, and it can be restored."
    )
    resource_classes = [CompanyResource]
    formats = [base_formats.CSV, base_formats.XLSX]
    list_display = (
        "name",
        "city",
        "region",
        "status_label",
        "period_end_label",
        "category_name",
        "paid_label",
        "changed_label",
    )
    list_filter = (
        ArchivedFilter,
        StatusFilter,
        EndingSoonFilter,
        ProfileChangedFilter,
        "region",
        "sectors",
        CategoryFilter,
    )
    search_fields = (
        "name",
        "legal_name",
        "=neq",
        "city",
        "representatives__first_name",
        "representatives__last_name",
        "representatives__email",
    )
    show_full_result_count = False
    list_per_page = 50
    autocomplete_fields = tuple(CLASSIFICATION_FIELDS.values())
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at", "archived_at", "logo_preview")
    inlines = (MembershipInline, RepresentativeInline)
    actions = ("renew", "mark_paid", "archive", "restore")
    fieldsets = (
        (None, {"fields": ("name", "legal_name", "slug", "neq")}),
        (_("Profile"), {"fields": ("description", "products", "logo", "logo_preview")}),
        (
            _("Contact details"),
            {
                "fields": (
                    "website",
                    "email",
                    "phone",
                    "street_address",
                    "city",
                    "postal_code",
                    "province",
                    "region",
                )
            },
        ),
        (
            _("Classification"),
            {
                "fields": (
                    "sectors",
                    "roles",
                    "processes",
                    "materials",
                    "markets",
                    "certifications",
                    "employees",
                    "founded",
                    "naics",
                )
            },
        ),
        (
            _("Staff only"),
            {"fields": ("staff_notes", "created_at", "updated_at", "archived_at")},
        ),
    )

    class Media:
        css = ADMIN_CSS

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        lang = translation.get_language()
        category_name = MembershipCategory.objects.filter(pk=OuterRef("period_category_id"))
        return (
            super()
            .get_queryset(request)
            .with_status()
            .with_current_period()
            .with_changed_flag()
            .annotate(
                period_category_name=Subquery(
                    category_name.annotate(
                        label=Coalesce(NullIf(f"name_{lang}", Value("")), "name_fr")
                    ).values_list("label")[:1]
                )
            )
        )

    def has_import_permission(self, request: HttpRequest) -> bool:
        # An import adds and changes companies: it never gives more than those rights.
        return (
            super().has_import_permission(request)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request: HttpRequest) -> bool:
        return super().has_export_permission(request) and self.has_view_permission(request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Opening a company is how staff look at it: its member changes are then seen."""
        company = self.get_object(request, object_id) if request.method == "GET" else None
        if company and company.is_archived:
            self.message_user(
                request,
                _(
                    "This company is archived since %(date)s: it is not in the directory "
                    "and its people have no member access. Restore it with the action of "
                    "the company list."
                )
                % {"date": date_format(timezone.localtime(company.archived_at))},
                messages.WARNING,
            )
        if company and company.changed_since_review:
            self.message_user(
                request,
                _(
                    "The company changed its profile in the member area on %(date)s: "
                    "see the History button for what changed."
                )
                % {"date": date_format(timezone.localtime(company.member_edited_at))},
                messages.INFO,
            )
        response = super().change_view(request, object_id, form_url, extra_context)
        if company and response.status_code == 200:
            Company.objects.filter(pk=company.pk).update(staff_reviewed_at=timezone.now())
        return response

    @admin.display(description=_("changed by the company"), boolean=True)
    def changed_label(self, obj: Company) -> bool:
        return obj.changed_since_review

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj: Company) -> str:
        return format_html(
            '<span class="apq-badge apq-badge--{}">{}</span>', obj.status, obj.get_status_display()
        )

    @admin.display(description=_("membership ends"), ordering="period_end")
    def period_end_label(self, obj: Company) -> str:
        if obj.period_end is None:
            return "—"
        days = (obj.period_end - timezone.localdate()).days
        urgency = "past" if days < 0 else "soon" if days <= 30 else "later" if days <= 90 else "ok"
        return format_html(
            '<span class="apq-due apq-due--{}">{}</span>', urgency, obj.period_end.isoformat()
        )

    @admin.display(description=_("category"))
    def category_name(self, obj: Company) -> str:
        return obj.period_category_name or "—"

    @admin.display(description=_("paid"), boolean=True)
    def paid_label(self, obj: Company) -> bool | None:
        if obj.period_end is None:
            return None
        return obj.period_paid_on is not None

    @admin.display(description=_("current logo"))
    def logo_preview(self, obj: Company) -> str:
        if not obj.logo:
            return "—"
        return format_html('<img src="{}" alt="" width="160">', obj.logo_small.url)

    @admin.action(description=_("Renew for one period"))
    def renew(self, request: HttpRequest, queryset: QuerySet) -> None:
        renewed = 0
        for company in queryset:
            try:
                services.membership_renew(company=company, by=request.user)
                renewed += 1
            except services.MembershipError as error:
                self.message_user(request, str(error), messages.WARNING)
        self.message_user(
            request,
            ngettext(
                "%(count)d company renewed for one period.",
                "%(count)d companies renewed for one period.",
                renewed,
            )
            % {"count": renewed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the current period paid today"))
    def mark_paid(self, request: HttpRequest, queryset: QuerySet) -> None:
        marked = services.membership_mark_paid(companies=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d payment recorded.", "%(count)d payments recorded.", marked)
            % {"count": marked},
            messages.SUCCESS,
        )

    @admin.action(description=_("Archive the selected companies"))
    def archive(self, request: HttpRequest, queryset: QuerySet) -> None:
        archived = sum(
            services.company_archive(company=company, by=request.user) for company in queryset
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d company archived: it left the directory and its people lost "
                "member access.",
                "%(count)d companies archived: they left the directory and their people "
                "lost member access.",
                archived,
            )
            % {"count": archived},
            messages.SUCCESS,
        )

    @admin.action(description=_("Restore the selected companies from the archive"))
    def restore(self, request: HttpRequest, queryset: QuerySet) -> None:
        restored = sum(
            services.company_restore(company=company, by=request.user) for company in queryset
        )
        self.message_user(
            request,
            ngettext("%(count)d company restored.", "%(count)d companies restored.", restored)
            % {"count": restored},
            messages.SUCCESS,
        )


# --- Invitations -------------------------------------------------------------------


class InvitationStateFilter(DefaultLookupFilter):
    """Staff land on the invitations still waiting for an answer."""

    title = _("state")
    parameter_name = "state"
    default = Invitation.State.PENDING
    options = {
        **{
            state: (label, lambda invitations, state=state: invitations.in_state(state))
            for state, label in Invitation.State.choices
        },
        "all": (_("All"), lambda invitations: invitations),
    }


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invite a company's people: saving a new invitation emails its link."""

    list_display = ("email", "company", "role", "state_label", "created_at", "expires_at")
    list_filter = (InvitationStateFilter, "role")
    list_select_related = ("company",)
    search_fields = ("email", "company__name")
    autocomplete_fields = ("company",)
    fields = ("company", "email", "role", "language")
    readonly_fields = (
        "state_label",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    )
    actions = ("revoke",)

    def get_fields(self, request, obj=None):
        return self.fields + (self.readonly_fields if obj else ())

    def get_readonly_fields(self, request, obj=None):
        # A sent invitation is a record: it is revoked, never edited.
        return self.fields + self.readonly_fields if obj else ()

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except EmailNotSent:
            # Raised by save_model: the admin's transaction is rolled back, nothing saved.
            self.message_user(
                request,
                _(
                    "The invitation could not be emailed, so it was not saved. Try again in "
                    "a few minutes; if it fails again, the mail server needs checking."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            services.invitation_send(invitation=obj, by=request.user)

    @admin.display(description=_("state"))
    def state_label(self, obj: Invitation) -> str:
        return format_html(
            '<span class="apq-badge apq-badge--{}">{}</span>', obj.state, obj.state.label
        )

    @admin.action(description=_("Revoke the selected invitations"))
    def revoke(self, request: HttpRequest, queryset: QuerySet) -> None:
        revoked = services.invitation_revoke(invitations=queryset)
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", revoked)
            % {"count": revoked},
            messages.SUCCESS,
        )


# --- Applications ------------------------------------------------------------------


class DecisionFilter(DefaultChoiceFilter):
    title = _("decision")
    parameter_name = field = "decision"
    choices_list = Application.Decision.choices
    default = Application.Decision.PENDING


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    change_form_template = "admin/members/application/change_form.html"
    list_display = ("company_name", "city", "category", "contact_name", "submitted_at", "decision")
    list_filter = (DecisionFilter,)
    list_select_related = ("category",)
    search_fields = ("company_name", "neq", "email", "last_name")
    date_hierarchy = "submitted_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # applications come from the public form

    def get_readonly_fields(self, request, obj=None):
        fields = [field.name for field in Application._meta.get_fields() if field.concrete]
        fields += [field.name for field in Application._meta.many_to_many]
        if obj is not None and obj.decision == Application.Decision.PENDING:
            fields.remove("rejection_reason")
        return fields

    def response_change(self, request: HttpRequest, obj: Application):
        try:
            if "_approve" in request.POST:
                company = services.application_approve(application=obj, by=request.user)
                self.message_user(
                    request,
                    format_html(
                        _("Approved: {name} is a member and the applicant was told by email."),
                        name=company.name,
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:members_company_change", args=[company.pk])
                )
            if "_reject" in request.POST:
                services.application_reject(
                    application=obj, by=request.user, reason=obj.rejection_reason
                )
                self.message_user(
                    request,
                    _("Rejected: the applicant was told the reason by email."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:members_application_changelist"))
        except services.MembershipError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)


class RecordAdmin(admin.ModelAdmin):
    """Records the portal writes (what was sent, what happened): read, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RenewalReminder)
class RenewalReminderAdmin(RecordAdmin):
    list_display = ("sent_at", "kind", "email", "membership")
    list_filter = ("kind",)
    search_fields = ("email", "membership__company__name")
    list_select_related = ("membership__company",)


@admin.register(AccountClosure)
class AccountClosureAdmin(RecordAdmin):
    """Accounts people closed themselves (Law 25): something to act on when a company is
    left without an administrator."""

    list_display = ("closed_at", "company", "role", "left_without_admin")
    list_filter = ("left_without_admin",)
    list_select_related = ("company",)


# --- Committees ----------------------------------------------------------------------


class CurrentSeatFilter(DefaultLookupFilter):
    """Staff land on the seats held today; past terms stay one click away."""

    title = _("term")
    parameter_name = "term"
    default = "current"
    options = {
        "current": (_("Current"), lambda seats: seats.current()),
        "past": (_("Ended"), lambda seats: seats.filter(end__lt=timezone.localdate())),
        "all": (_("All"), lambda seats: seats),
    }


class LapsedCompanyFilter(admin.SimpleListFilter):
    title = _("company")
    parameter_name = "company"

    def lookups(self, request, model_admin):
        return [("lapsed", _("No longer a member"))]

    def queryset(self, request, queryset):
        if self.value() == "lapsed":
            return queryset.filter(company_listed=False)
        return queryset


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
    fields = ("person", "staff_member", "role", "start", "end", "company_listed_label")
    readonly_fields = ("company_listed_label",)

    def get_queryset(self, request):
        return super().get_queryset(request).with_company_listed()

    @admin.display(description=_("company still a member"), boolean=True)
    def company_listed_label(self, obj: Seat) -> bool | None:
        return getattr(obj, "company_listed", None)


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

    list_display = ("holder", "committee", "role", "start", "end", "company_listed_label")
    list_filter = (CurrentSeatFilter, LapsedCompanyFilter, "committee", "role")
    list_select_related = ("committee", "person__company", "staff_member")
    autocomplete_fields = ("person", "staff_member")
    search_fields = ("person__first_name", "person__last_name", "person__company__name")

    def get_queryset(self, request):
        return super().get_queryset(request).with_company_listed()

    @admin.display(description=_("holder"))
    def holder(self, obj: Seat) -> str:
        return f"{obj.holder_name} ({obj.person.company})" if obj.person else obj.holder_name

    @admin.display(description=_("company still a member"), boolean=True)
    def company_listed_label(self, obj: Seat) -> bool:
        return obj.company_listed


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
        "all": (_("All"), lambda meetings: meetings),
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
            count, errors = services.meeting_send_notice(meeting=meeting)
            sent, failed = sent + count, failed + errors
        self.message_user(
            request,
            ngettext("%(count)d notice sent.", "%(count)d notices sent.", sent) % {"count": sent},
            messages.SUCCESS,
        )
        if failed:
            self.message_user(
                request,
                _("Could not be sent, try again later: %(addresses)s")
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


@admin.register(Representative)
class RepresentativeAdmin(admin.ModelAdmin):
    """Every company's people in one list (they are edited on their company's page too)."""

    list_display = ("full_name", "company", "email", "role", "has_account", "visibility")
    list_filter = ("role", "visibility")
    list_select_related = ("company",)
    search_fields = ("first_name", "last_name", "email", "company__name")
    autocomplete_fields = ("company", "user")

    @admin.display(description=_("account"), boolean=True)
    def has_account(self, obj: Representative) -> bool:
        return obj.user_id is not None
