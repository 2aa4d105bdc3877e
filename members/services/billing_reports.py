"""What the books say: the receivables by age, the revenue per year and category, and the
invoices and payments as rows for the accountant.

Each report is a handful of queries whatever the number of invoices: sums are made in the
database, and only the spreading of credit notes over categories is done here.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import tablib
from django.db.models import F, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Invoice, InvoiceLine, MembershipCategory, Payment
from members.services.billing import cents

ZERO = Decimal("0.00")

# Days past the due date; an invoice due today is not late yet.
AGE_BUCKETS: tuple[tuple[str, Promise], ...] = (
    ("current", gettext_lazy("Not yet due")),
    ("days_1_30", gettext_lazy("1–30 days")),
    ("days_31_60", gettext_lazy("31–60 days")),
    ("days_61_90", gettext_lazy("61–90 days")),
    ("days_over_90", gettext_lazy("Over 90 days")),
)


@dataclass(frozen=True)
class AgedBalance:
    """What one company owes (or, for the totals row, everyone), by age."""

    company_id: int | None
    company: str
    amounts: tuple[Decimal, ...]  # in the order of AGE_BUCKETS
    total: Decimal


@dataclass(frozen=True)
class Receivables:
    today: dt.date
    rows: list[AgedBalance]
    totals: AgedBalance


def _age_filters(today: dt.date) -> dict[str, Q]:
    def days_ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    return {
        "current": Q(due_on__gte=today),
        "days_1_30": Q(due_on__lt=today, due_on__gte=days_ago(30)),
        "days_31_60": Q(due_on__lt=days_ago(30), due_on__gte=days_ago(60)),
        "days_61_90": Q(due_on__lt=days_ago(60), due_on__gte=days_ago(90)),
        "days_over_90": Q(due_on__lt=days_ago(90)),
    }


def receivables(today: dt.date) -> Receivables:
    """What the companies owe on ``today``, per company and by days past the due date, in
    one query. An invoice counts for its balance (``Invoice.objects.unpaid``): its
    payments and the credit notes correcting it are already taken off, and a credit note
    is never a receivable itself. An invoice overpaid, or credited after it was paid, owes
    nothing and is left out (what the association owes back is not a receivable)."""
    filters = _age_filters(today)
    sums = (
        Invoice.objects.unpaid()
        .values("company", "company__name")
        .annotate(
            **{key: Sum("balance", filter=filters[key]) for key, _label in AGE_BUCKETS},
            owed=Sum("balance"),
        )
        .order_by("company__name", "company")
    )
    rows = [
        AgedBalance(
            company_id=row["company"],
            company=row["company__name"],
            amounts=tuple(row[key] or ZERO for key, _label in AGE_BUCKETS),
            total=row["owed"],
        )
        for row in sums
    ]
    totals = AgedBalance(
        company_id=None,
        company=_("Total"),
        amounts=tuple(sum((row.amounts[i] for row in rows), ZERO) for i in range(len(AGE_BUCKETS))),
        total=sum((row.total for row in rows), ZERO),
    )
    return Receivables(today=today, rows=rows, totals=totals)


@dataclass(frozen=True)
class YearRevenue:
    year: int
    by_category: tuple[Decimal, ...]  # in the order of Revenue.categories, before tax
    subtotal: Decimal
    gst: Decimal
    qst: Decimal
    total: Decimal
    received: Decimal  # payments received in the year, whatever year they pay for


@dataclass(frozen=True)
class Revenue:
    categories: tuple[str, ...]
    years: list[YearRevenue]


def revenue(year: int | None = None) -> Revenue:
    """The revenue of each year (every year, newest first, or only ``year``): invoiced
    before tax less credit notes, per membership category, with the GST and QST
    collected and the payments received, in six queries at most.

    An invoice counts in the year it was issued, a credit note in the year it was issued
    (it may correct an invoice of the year before), a payment in the year it was received.
    Drafts and cancelled invoices count for nothing. A line without a membership period
    counts as "Other". A credit note's own line names no period: it is taken off the
    categories of the invoice it corrects, in proportion to that invoice's lines (the whole
    of it for the usual one-line invoice), the last category taking the rounding cent.
    """
    lines = InvoiceLine.objects.filter(
        invoice__status=Invoice.Status.ISSUED, invoice__kind=Invoice.Kind.INVOICE
    )
    notes = Invoice.objects.issued().filter(kind=Invoice.Kind.CREDIT_NOTE)
    invoices = Invoice.objects.issued()
    payments = Payment.objects.filter(invoice__status=Invoice.Status.ISSUED)
    if year is not None:
        lines = lines.filter(invoice__issued_on__year=year)
        notes = notes.filter(issued_on__year=year)
        invoices = invoices.filter(issued_on__year=year)
        payments = payments.filter(received_on__year=year)

    # (year, category pk or None) -> amount before tax
    amounts: dict[tuple[int, int | None], Decimal] = defaultdict(lambda: ZERO)
    for row in (
        lines.values(year=ExtractYear("invoice__issued_on"), category=F("membership__category"))
        .annotate(amount=Sum("amount"))
        .order_by()
    ):
        amounts[row["year"], row["category"]] += row["amount"]

    credited = list(
        notes.values("credits", year=ExtractYear("issued_on"))
        .annotate(amount=Sum("subtotal"))
        .order_by()
    )
    corrected_lines: dict[int, list[tuple[int | None, Decimal]]] = defaultdict(list)
    for row in (
        InvoiceLine.objects.filter(invoice__in=notes.values("credits"))
        .values("invoice", category=F("membership__category"))
        .annotate(amount=Sum("amount"))
        .order_by("invoice", "category")
    ):
        corrected_lines[row["invoice"]].append((row["category"], row["amount"]))
    for row in credited:
        for category, share in _spread(row["amount"], corrected_lines[row["credits"]]):
            amounts[row["year"], category] -= share

    totals: dict[int, dict[str, Decimal]] = defaultdict(
        lambda: {"subtotal": ZERO, "gst": ZERO, "qst": ZERO, "total": ZERO}
    )
    for row in (
        invoices.values("kind", year=ExtractYear("issued_on"))
        .annotate(subtotal=Sum("subtotal"), gst=Sum("gst"), qst=Sum("qst"), total=Sum("total"))
        .order_by()
    ):
        sign = -1 if row["kind"] == Invoice.Kind.CREDIT_NOTE else 1
        for part in ("subtotal", "gst", "qst", "total"):
            totals[row["year"]][part] += sign * row[part]

    received = {
        row["year"]: row["amount"]
        for row in payments.values(year=ExtractYear("received_on"))
        .annotate(amount=Sum("amount"))
        .order_by()
    }

    used = {category for _year, category in amounts}
    categories: list[tuple[int | None, str]] = [
        (category.pk, str(category))
        for category in MembershipCategory.objects.filter(pk__in=used - {None})
    ]
    if None in used:
        categories.append((None, _("Other")))

    years = []
    for each in sorted(set(totals) | set(received), reverse=True):
        sums = totals[each]
        years.append(
            YearRevenue(
                year=each,
                by_category=tuple(cents(amounts[each, pk]) for pk, _name in categories),
                subtotal=cents(sums["subtotal"]),
                gst=cents(sums["gst"]),
                qst=cents(sums["qst"]),
                total=cents(sums["total"]),
                received=cents(received.get(each, ZERO)),
            )
        )
    return Revenue(categories=tuple(name for _pk, name in categories), years=years)


def _spread(
    amount: Decimal, lines: list[tuple[int | None, Decimal]]
) -> list[tuple[int | None, Decimal]]:
    """``amount`` shared between categories in proportion to their lines, to the cent,
    adding up to ``amount`` exactly."""
    whole = sum((line_amount for _category, line_amount in lines), ZERO)
    if whole <= 0:
        return [(None, amount)]
    shares = [(category, cents(amount * line / whole)) for category, line in lines]
    *first, (last, _share) = shares
    return [*first, (last, amount - sum((share for _c, share in first), ZERO))]


def _header(model, field: str) -> str:
    return str(capfirst(model._meta.get_field(field).verbose_name))


def invoice_rows(invoices: QuerySet[Invoice]) -> tablib.Dataset:
    """The invoices and credit notes issued (drafts are left out), oldest first, one row
    each, with each tax in its own column.

    Amounts are Decimals, so a spreadsheet reads numbers. A credit note's subtotal, taxes
    and total are negative, so that summing a column gives what was invoiced net of
    credit notes; its paid amount and balance are zero, since what it takes off is already
    out of its invoice's balance. A cancelled invoice keeps its row (its number is part of
    the unbroken sequence) with no amounts."""
    headers = [
        _header(Invoice, "number"),
        _header(Invoice, "kind"),
        _header(Invoice, "credits"),
        _header(Invoice, "issued_on"),
        _header(Invoice, "due_on"),
        _header(Invoice, "buyer_name"),
        _header(Invoice, "subtotal"),
        _header(Invoice, "gst"),
        _header(Invoice, "qst"),
        _header(Invoice, "total"),
        _("Amount paid"),
        str(capfirst(_("balance"))),
        _header(Invoice, "status"),
    ]
    data = tablib.Dataset(headers=headers, title=_("Invoices"))
    for invoice in (
        invoices.with_balance()
        .exclude(status=Invoice.Status.DRAFT)
        .select_related("credits")
        .order_by("issued_on", "number")
    ):
        if invoice.status == Invoice.Status.CANCELLED:
            money = [None] * 6
        elif invoice.kind == Invoice.Kind.CREDIT_NOTE:
            money = [-invoice.subtotal, -invoice.gst, -invoice.qst, -invoice.total, ZERO, ZERO]
        else:
            money = [
                invoice.subtotal,
                invoice.gst,
                invoice.qst,
                invoice.total,
                cents(invoice.paid),
                cents(invoice.balance),
            ]
        data.append(
            [
                invoice.number,
                invoice.get_kind_display(),
                invoice.credits.number if invoice.credits else "",
                invoice.issued_on,
                invoice.due_on,
                invoice.buyer_name,
                *money,
                invoice.state.label,
            ]
        )
    return data


def payment_rows(payments: QuerySet[Payment]) -> tablib.Dataset:
    """The payments received, oldest first, each with its invoice and the company as the
    invoice names it. Amounts are Decimals."""
    headers = [
        _header(Payment, "received_on"),
        _header(Payment, "invoice"),
        _header(Invoice, "buyer_name"),
        _header(Payment, "amount"),
        _header(Payment, "method"),
        _header(Payment, "reference"),
        _header(Payment, "recorded_by"),
    ]
    data = tablib.Dataset(headers=headers, title=_("Payments"))
    for payment in payments.select_related("invoice", "recorded_by").order_by("received_on", "pk"):
        data.append(
            [
                payment.received_on,
                payment.invoice.number,
                payment.invoice.buyer_name,
                payment.amount,
                payment.get_method_display(),
                payment.reference,
                str(payment.recorded_by) if payment.recorded_by else "",
            ]
        )
    return data
