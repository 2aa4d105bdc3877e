from django.contrib import admin, messages
from django.db.models import CharField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.formats import base_formats
from reversion.admin import VersionAdmin

from alliance.admin_base import (
    DefaultChoiceFilter,
    DefaultLookupFilter,
    FrenchFirstAdmin,
    KeepRecordsAdmin,
    LookupFilter,
    badge,
    message_count,
)
from members.admin.billing import CompanyInvoiceInline, send_issued
from members.admin.memberships import MembershipInline
from members.admin.people import PersonInline
from members.admin.resources import CompanyResource
from members.models import (
    CLASSIFICATION_FIELDS,
    Company,
    MembershipCategory,
    MembershipStatus,
    reminder_days,
    renewal_urgency,
)
from members.services.billing import BillingError, renewal_invoice_issue
from members.services.companies import company_archive, company_restore


class StatusFilter(DefaultChoiceFilter):
    """Membership status, derived; staff land on the active members."""

    title = _("membership status")
    parameter_name = field = "status"
    choices_list = MembershipStatus.choices
    default = MembershipStatus.ACTIVE


class ArchivedFilter(DefaultLookupFilter):
    """Staff land on the companies in use; archived ones are one click away."""

    title = _("archive")
    parameter_name = "archived"
    default = "no"
    options = {
        "no": (_("Not archived"), lambda companies: companies.not_archived()),
        "yes": (_("Archived"), lambda companies: companies.archived()),
    }


def _ending_soon_label() -> str:
    days = reminder_days()
    return ngettext("Ends within %(days)d day", "Ends within %(days)d days", days) % {"days": days}


class EndingSoonFilter(LookupFilter):
    title = _("renewal")
    parameter_name = "ending"
    options = {
        "soon": (
            lazy(_ending_soon_label, str)(),
            lambda companies: companies.ending_within(reminder_days()),
        ),
        "unpaid": (
            _("Current period unpaid"),
            lambda companies: companies.filter(
                period_end__isnull=False, period_paid_on__isnull=True
            ),
        ),
    }


class ProfileChangedFilter(LookupFilter):
    title = _("profile changed by the company")
    parameter_name = "changed"
    options = {
        "new": (_("Since staff last opened it"), lambda companies: companies.changed_by_members()),
    }


class CategoryFilter(admin.SimpleListFilter):
    title = _("membership category")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [(str(category.pk), category.name) for category in MembershipCategory.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(period_category_id=self.value())
        return queryset


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
        "people__first_name",
        "people__last_name",
        "people__user__first_name",
        "people__user__last_name",
        "people__email",
    )
    show_full_result_count = False
    list_per_page = 50
    autocomplete_fields = tuple(CLASSIFICATION_FIELDS.values())
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at", "archived_at", "logo_preview")
    inlines = (MembershipInline, CompanyInvoiceInline, PersonInline)
    actions = ("renew", "archive", "restore")
    fieldsets = (
        (None, {"fields": ("name", "legal_name", "slug", "neq")}),
        (
            _("Profile"),
            {"fields": ("description", "products", "logo", "logo_preview", "shown_in_directory")},
        ),
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
                        # modeltranslation gives each language its own field class: name the type.
                        label=Coalesce(
                            NullIf(f"name_{lang}", Value("")), "name_fr", output_field=CharField()
                        )
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
        return badge(obj.status, obj.get_status_display())

    @admin.display(description=_("membership ends"), ordering="period_end")
    def period_end_label(self, obj: Company) -> str:
        if obj.period_end is None:
            return "—"
        urgency = renewal_urgency(obj.period_end)
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

    @admin.action(description=_("Issue and send the renewal invoice"), permissions=("invoice",))
    def renew(self, request: HttpRequest, queryset: QuerySet) -> None:
        """The invoice of each company's next year, emailed to whoever receives its
        invoices; the year is added when it is paid (the invoice's "Record a payment")."""
        issued = 0
        for company in queryset:
            try:
                invoice = renewal_invoice_issue(company=company, by=request.user)
            except BillingError as error:
                self.message_user(request, str(error), messages.WARNING)
                continue
            issued += 1
            send_issued(self, request, invoice)
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d renewal invoice issued.", "%(count)d renewal invoices issued.", "count"
            ),
            issued,
        )

    def has_invoice_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("members.add_invoice")

    @admin.action(description=_("Archive the selected companies"))
    def archive(self, request: HttpRequest, queryset: QuerySet) -> None:
        archived = sum(company_archive(company=company, by=request.user) for company in queryset)
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d company archived: it left the directory and its people lost "
                "member access.",
                "%(count)d companies archived: they left the directory and their people "
                "lost member access.",
                "count",
            ),
            archived,
        )

    @admin.action(description=_("Restore the selected companies from the archive"))
    def restore(self, request: HttpRequest, queryset: QuerySet) -> None:
        restored = sum(company_restore(company=company, by=request.user) for company in queryset)
        message_count(
            self,
            request,
            ngettext_lazy("%(count)d company restored.", "%(count)d companies restored.", "count"),
            restored,
        )
