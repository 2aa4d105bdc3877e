"""The invoice list's reports: receivables by age, revenue per year and category, and the
invoices and payments exported for the accountant (CSV or XLSX), a year's or a selection's.
"""

import datetime as dt

import tablib
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Invoice, Payment
from members.services.billing_reports import (
    AGE_BUCKETS,
    invoice_rows,
    payment_rows,
    receivables,
    revenue,
)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_response(data: tablib.Dataset, fmt: str, name: str) -> HttpResponse:
    # The byte-order mark makes Excel read UTF-8 (the accents) rather than its code page.
    content = ("\ufeff" + data.export("csv")).encode() if fmt == "csv" else data.export("xlsx")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _filename(base: str, when: int | dt.date | None) -> str:
    """``factures-2027`` for a year, ``factures-2027-03-31`` for a selection made that day."""
    return slugify(base) + (f"-{when}" if when else "")


def _year(request: HttpRequest) -> int | None:
    year = request.GET.get("year")
    if not year:
        return None
    if not year.isdigit():
        raise Http404
    return int(year)


class BillingReportsMixin:
    """The pages and actions InvoiceAdmin adds to its list: anyone who may see invoices
    may read them; exporting payments also asks to see payments."""

    def report_urls(self) -> list:
        view = self.admin_site.admin_view
        return [
            path("receivables/", view(self.receivables_view), name="members_invoice_receivables"),
            path("revenue/", view(self.revenue_view), name="members_invoice_revenue"),
            path(
                "export/invoices.<str:fmt>",
                view(self.export_invoices_view),
                name="members_invoice_export",
            ),
            path(
                "export/payments.<str:fmt>",
                view(self.export_payments_view),
                name="members_invoice_export_payments",
            ),
        ]

    def _check(self, request: HttpRequest, fmt: str | None = None) -> None:
        if fmt is not None and fmt not in CONTENT_TYPES:
            raise Http404
        if not self.has_view_permission(request):
            raise PermissionDenied

    def _page(self, request: HttpRequest, template: str, title: str, **context) -> TemplateResponse:
        return TemplateResponse(
            request,
            f"admin/members/invoice/{template}",
            {**self.admin_site.each_context(request), "opts": self.opts, "title": title, **context},
        )

    def receivables_view(self, request: HttpRequest) -> TemplateResponse:
        self._check(request)
        return self._page(
            request,
            "receivables.html",
            _("Receivables by age"),
            report=receivables(timezone.localdate()),
            buckets=[label for _key, label in AGE_BUCKETS],
        )

    def revenue_view(self, request: HttpRequest) -> TemplateResponse:
        self._check(request)
        return self._page(
            request,
            "revenue.html",
            _("Revenue"),
            report=revenue(),
            may_export_payments=request.user.has_perm("members.view_payment"),
        )

    def export_invoices_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        """Every invoice and credit note issued, or those of ``?year=``."""
        self._check(request, fmt)
        year = _year(request)
        invoices = Invoice.objects.all()
        if year:
            invoices = invoices.filter(issued_on__year=year)
        return export_response(invoice_rows(invoices), fmt, _filename(_("invoices"), year))

    def export_payments_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        """Every payment received, or those received in ``?year=``."""
        self._check(request, fmt)
        if not request.user.has_perm("members.view_payment"):
            raise PermissionDenied
        year = _year(request)
        payments = Payment.objects.all()
        if year:
            payments = payments.filter(received_on__year=year)
        return export_response(payment_rows(payments), fmt, _filename(_("payments"), year))

    def _export_selected(self, queryset: QuerySet[Invoice], fmt: str) -> HttpResponse:
        name = _filename(_("invoices"), timezone.localdate())
        return export_response(invoice_rows(queryset), fmt, name)

    @admin.action(description=gettext_lazy("Export the selected invoices (CSV)"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Invoice]) -> HttpResponse:
        return self._export_selected(queryset, "csv")

    @admin.action(description=gettext_lazy("Export the selected invoices (XLSX)"))
    def export_xlsx(self, request: HttpRequest, queryset: QuerySet[Invoice]) -> HttpResponse:
        return self._export_selected(queryset, "xlsx")
