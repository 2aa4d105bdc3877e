"""Dues in the admin: the fee schedule, invoices and credit notes (a draft is edited; an
issued one is read, corrected by a credit note and paid), and the payments received."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from alliance.admin_base import (
    DefaultLookupFilter,
    KeepRecordsAdmin,
    RecordAdmin,
    badge,
    message_count,
)
from members.admin.billing_reports import BillingReportsMixin
from members.models import Fee, Invoice, InvoiceLine, Payment
from members.services.billing import (
    BillingError,
    cents,
    credit_note_issue,
    invoice_issue,
    invoice_send,
    payment_record,
)
from members.services.invoice_pdf import invoice_pdf, invoice_pdf_filename

# The colours of the badges (static/admin/apq-admin.css) for an invoice's state.
STATE_BADGES = {
    Invoice.State.DRAFT: "draft",
    Invoice.State.ISSUED: "queued",
    Invoice.State.PARTLY_PAID: "scheduled",
    Invoice.State.PAID: "sent",
    Invoice.State.OVERDUE: "failed",
    Invoice.State.CANCELLED: "draft",
}
AS_ISSUED = (
    "status",
    "number",
    "issued_on",
    "due_on",
    "buyer_name",
    "buyer_address",
    "gst_number",
    "qst_number",
    "subtotal",
    "gst",
    "qst",
    "total",
)


@admin.register(Fee)
class FeeAdmin(KeepRecordsAdmin):
    list_display = ("category", "year", "amount")
    list_filter = ("year", "category")
    list_select_related = ("category",)


class InvoiceLineInline(admin.TabularInline):
    model = InvoiceLine
    extra = 0
    fields = ("description", "amount", "taxable", "membership")
    raw_id_fields = ("membership",)

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.status == Invoice.Status.DRAFT

    has_add_permission = has_delete_permission = has_change_permission


class PaymentInline(admin.TabularInline):
    model = Payment
    extra = 0
    fields = ("received_on", "amount", "method", "reference", "recorded_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # through "Record a payment", which checks the balance

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CompanyInvoiceInline(admin.TabularInline):
    """A company's invoices and credit notes on its page: where it stands, and the way to
    each invoice's "Record a payment"."""

    model = Invoice
    fk_name = "company"
    extra = 0
    fields = ("number_link", "kind", "issued_on", "due_on", "total", "balance_shown", "state")
    readonly_fields = fields
    verbose_name_plural = _("invoices")

    def get_queryset(self, request):
        return super().get_queryset(request).issued().with_balance()

    def has_add_permission(self, request, obj=None):
        return False  # renewal invoices by the list's action, others from the invoices

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("number"))
    def number_link(self, obj: Invoice) -> str:
        url = reverse("admin:members_invoice_change", args=[obj.pk])
        if obj.kind == Invoice.Kind.INVOICE and obj.balance > 0:
            pay = reverse("admin:members_invoice_pay", args=[obj.pk])
            return format_html(
                '<a href="{}">{}</a> · <a href="{}">{}</a>',
                url,
                obj.number,
                pay,
                _("Record a payment"),
            )
        return format_html('<a href="{}">{}</a>', url, obj.number)

    @admin.display(description=_("balance"))
    def balance_shown(self, obj: Invoice) -> str:
        return number_format(obj.balance, 2)

    @admin.display(description=_("status"))
    def state(self, obj: Invoice) -> str:
        return badge(STATE_BADGES[obj.state], obj.state.label)


def send_issued(model_admin, request: HttpRequest, invoice: Invoice) -> None:
    """Email an invoice just issued, and tell staff when nobody receives it."""
    if not invoice_send(invoice=invoice):
        model_admin.message_user(
            request,
            _(
                "%(number)s is issued but was emailed to nobody: %(company)s has no "
                "administrator nor anyone receiving its invoices."
            )
            % {"number": invoice.number, "company": invoice.company},
            messages.WARNING,
        )


class BalanceFilter(DefaultLookupFilter):
    """Opens on what staff follow: the invoices issued and not paid yet; a search, or
    another filter chosen, looks through all of them."""

    title = _("balance")
    parameter_name = "balance"
    default = "unpaid"

    options = {
        "unpaid": (_("Issued and unpaid"), lambda invoices: invoices.unpaid()),
        "overdue": (_("Overdue"), lambda invoices: invoices.overdue()),
        "draft": (_("Drafts"), lambda invoices: invoices.filter(status=Invoice.Status.DRAFT)),
    }

    def __init__(self, request, params, model, model_admin):
        narrowed = any(
            name != self.parameter_name for name in request.GET if name not in ("o", "p")
        )
        super().__init__(request, params, model, model_admin)
        if narrowed and self.value() is None:
            self.default = "all"


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("amount"), max_digits=10, decimal_places=2)
    received_on = forms.DateField(
        label=_("received on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    method = forms.ChoiceField(label=_("method"), choices=Payment.Method.choices)
    reference = forms.CharField(
        label=_("reference"),
        max_length=100,
        required=False,
        help_text=Payment._meta.get_field("reference").help_text,
    )


class CreditNoteForm(forms.Form):
    amount = forms.DecimalField(
        label=_("amount before tax"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Taxes are added as the invoice had them."),
    )
    reason = forms.CharField(label=_("reason"), max_length=1000, widget=forms.Textarea)


@admin.register(Invoice)
class InvoiceAdmin(BillingReportsMixin, KeepRecordsAdmin):
    deletion_advice = _("An issued invoice is never deleted: correct it by a credit note.")
    list_display = (
        "__str__",
        "company",
        "kind",
        "state_label",
        "issued_on",
        "due_on",
        "total",
        "balance_shown",
    )
    list_filter = (BalanceFilter, "status", "kind")
    list_select_related = ("company",)
    search_fields = ("number", "company__name", "buyer_name")
    autocomplete_fields = ("company",)
    inlines = [InvoiceLineInline, PaymentInline]
    actions = ("issue", "export_csv", "export_xlsx")
    fieldsets = (
        (None, {"fields": ("company", "kind", "credits", "language", "reason")}),
        (_("As issued"), {"fields": AS_ISSUED}),
    )
    # A credit note is made by "Issue a credit note" on its invoice, which checks it.
    readonly_fields = ("kind", "credits", "reason", *AS_ISSUED)
    change_form_template = "admin/members/invoice/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Invoice]:
        return super().get_queryset(request).with_balance()

    def has_change_permission(self, request, obj=None):
        # Issued, it is what the company received: read, never edited.
        if obj is not None and obj.status != Invoice.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != Invoice.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=_("status"), ordering="status")
    def state_label(self, obj: Invoice) -> str:
        return badge(STATE_BADGES[obj.state], obj.state.label)

    @admin.display(description=_("balance"), ordering="balance")
    def balance_shown(self, obj: Invoice) -> str:
        return number_format(obj.balance, 2)

    @admin.action(description=_("Issue the selected drafts"))
    def issue(self, request: HttpRequest, queryset: QuerySet[Invoice]) -> None:
        issued = 0
        for invoice in queryset.filter(status=Invoice.Status.DRAFT).select_related("company"):
            try:
                invoice = invoice_issue(invoice=invoice, by=request.user)
            except BillingError as error:
                self.message_user(request, f"{invoice.company}: {error}", messages.ERROR)
                continue
            issued += 1
            send_issued(self, request, invoice)
        message_count(
            self,
            request,
            ngettext_lazy("%(count)d invoice issued.", "%(count)d invoices issued.", "count"),
            issued,
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/pay/", view(self.pay_view), name="members_invoice_pay"),
            path("<int:pk>/pdf/", view(self.pdf_view), name="members_invoice_pdf"),
            path("<int:pk>/credit/", view(self.credit_view), name="members_invoice_credit"),
            *self.report_urls(),
            *super().get_urls(),
        ]

    def _issued(self, request: HttpRequest, pk: int, *, also: bool = True) -> Invoice:
        """The issued invoice of an invoice page (404 otherwise), for staff who may see it
        and, ``also``, do what the page does."""
        invoice = self.get_object(request, str(pk))
        if invoice is None or invoice.status != Invoice.Status.ISSUED:
            raise Http404
        if not (self.has_view_permission(request, invoice) and also):
            raise PermissionDenied
        return invoice

    def pdf_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The PDF the company received (an issued invoice has one; a draft has none)."""
        invoice = self._issued(request, pk)
        response = HttpResponse(invoice_pdf(invoice=invoice), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{invoice_pdf_filename(invoice)}"'
        return response

    def credit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Correct an issued invoice by a credit note."""
        invoice = self._issued(request, pk, also=self.has_add_permission(request))
        form = CreditNoteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                note = credit_note_issue(invoice=invoice, by=request.user, **form.cleaned_data)
            except BillingError as error:
                form.add_error(None, str(error))
            else:
                invoice_send(invoice=note)
                self.message_user(
                    request,
                    _("Credit note %(number)s issued.") % {"number": note.number},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:members_invoice_change", args=[note.pk]))
        return self._form_page(
            request, invoice, form, _("Issue a credit note on %(number)s") % {"number": invoice}
        )

    def _form_page(self, request, invoice, form, title) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": invoice,
            "title": title,
            "form": form,
            "change_url": reverse("admin:members_invoice_change", args=[invoice.pk]),
        }
        return TemplateResponse(request, "admin/members/invoice/form.html", context)

    def pay_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Record a payment in one step; paid in full, the membership is extended."""
        invoice = self._issued(request, pk, also=request.user.has_perm("members.add_payment"))
        change_url = reverse("admin:members_invoice_change", args=[invoice.pk])
        form = PaymentForm(
            request.POST or None,
            initial={
                "amount": cents(invoice.balance),
                "received_on": timezone.localdate(),
                "method": Payment.Method.CHEQUE,
            },
        )
        if request.method == "POST" and form.is_valid():
            try:
                payment_record(invoice=invoice, by=request.user, **form.cleaned_data)
            except BillingError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(
                    request,
                    _("Payment of %(amount)s $ recorded on %(number)s.")
                    % {"amount": number_format(form.cleaned_data["amount"], 2), "number": invoice},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
        return self._form_page(
            request, invoice, form, _("Record a payment on %(number)s") % {"number": invoice}
        )


@admin.register(Payment)
class PaymentAdmin(RecordAdmin):
    """Payments are read; one recorded by mistake is corrected by a credit note, never
    deleted (the invoice it paid would owe again with no trace of why)."""

    list_display = ("invoice", "amount", "received_on", "method", "reference", "recorded_by")
    list_filter = ("method",)
    list_select_related = ("invoice", "recorded_by")
    search_fields = ("invoice__number", "reference")
    date_hierarchy = "received_on"

    def has_delete_permission(self, request, obj=None):
        return False
