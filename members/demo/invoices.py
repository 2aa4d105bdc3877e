"""The demo's receivables: a fee schedule, and invoices for the demo companies made by the
billing services themselves — paid, partly paid, unpaid, overdue, renewals waiting for
their payment and one credit note — so that the admin's invoices and the member area's
"Invoices" have something to show at once. No email is sent."""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.utils import timezone

from members.demo.companies import demo_companies
from members.models import Fee, Invoice, Membership, MembershipCategory, Payment, Person
from members.models.memberships import reminder_days
from members.services.billing import (
    BillingError,
    credit_note_issue,
    invoice_for_period,
    invoice_issue,
    payment_record,
    renewal_invoice_issue,
)

PAID, UNPAID, RENEWALS = 60, 30, 20
METHODS = [Payment.Method.CHEQUE, Payment.Method.TRANSFER, Payment.Method.CARD]


def create_demo_invoices(*, login: Person | None, seed: int = 2026, stdout) -> int:
    """Add the fee schedule and the invoices, once (skipped when invoices exist). The
    company of ``login`` gets a paid invoice and an unpaid renewal, for the member
    area's page. Returns how many invoices were issued."""
    if Invoice.objects.exists():
        stdout.write("  skipped  demo invoices: some already exist\n")
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    for category in MembershipCategory.objects.all():
        Fee.objects.get_or_create(
            category=category, year=today.year, defaults={"amount": category.annual_fee}
        )
        Fee.objects.get_or_create(
            category=category,
            year=today.year + 1,
            defaults={"amount": (category.annual_fee * Decimal("1.03")).quantize(Decimal("1"))},
        )
    running = (
        Membership.objects.filter(
            company__in=demo_companies(),
            start__lte=today,
            end__gte=today,
            cancelled_on__isnull=True,
            fee__gt=0,
        )
        .select_related("company", "category")
        .order_by("company__sort_name")
    )
    paid = list(running.filter(paid_on__isnull=False)[:PAID])
    unpaid = list(running.filter(paid_on__isnull=True)[:UNPAID])
    # Invoices are issued in the order of their dates, as they were, so that the numbers
    # of each year follow the days.
    issues = [
        (max(p.start - dt.timedelta(days=15), p.paid_on - dt.timedelta(days=20)), p) for p in paid
    ]
    issues += [(p.start, p) for p in unpaid]
    issued = 0
    for day, period in sorted(issues, key=lambda pair: (pair[0], pair[1].pk)):
        invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None, today=day)
        issued += 1
        if period.paid_on:
            _pay(rng, invoice, invoice.total, max(period.paid_on, day))
        elif rng.random() < 0.2:  # a first instalment
            _pay(rng, invoice, (invoice.total / 2).quantize(Decimal("0.01")), day)
    later = Membership.objects.filter(company=OuterRef("company"), end__gt=OuterRef("end"))
    ending = (
        Membership.objects.filter(
            company__in=demo_companies(),
            end__gte=today,
            end__lte=today + dt.timedelta(days=reminder_days()),
            cancelled_on__isnull=True,
        )
        .exclude(Exists(later))
        .select_related("company")
        .order_by("end", "company__sort_name")[:RENEWALS]
    )
    companies = [period.company for period in ending]
    if login is not None and login.company not in companies:
        companies.append(login.company)
    for company in companies:
        try:
            invoice = renewal_invoice_issue(company=company, by=None, today=today)
        except BillingError:
            continue
        issued += 1
        if company != getattr(login, "company", None) and rng.random() < 0.3:
            _pay(rng, invoice, invoice.total, today)
    if unpaid:
        invoice = Invoice.objects.filter(lines__membership=unpaid[0]).get()
        credit_note_issue(
            invoice=invoice,
            amount=(invoice.subtotal / 10).quantize(Decimal("0.01")),
            reason="Rabais de 10 % accordé par le conseil (première adhésion).",
            by=None,
        )
        issued += 1
    stdout.write(f"  created  {issued} demo invoices and credit notes, with their payments\n")
    return issued


def _pay(rng: random.Random, invoice: Invoice, amount: Decimal, day: dt.date) -> None:
    method = rng.choice(METHODS)
    payment_record(
        invoice=invoice,
        amount=amount,
        received_on=min(day, timezone.localdate()),
        method=method,
        reference=f"{method[:3].upper()}-{rng.randint(1000, 99999)}",
        by=None,
    )
