"""Invoicing: Québec's taxes, issuing invoices and credit notes with their gapless
numbers, and recording payments (which extend the membership they pay for)."""

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import reversion
from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from members.models import (
    Company,
    Fee,
    Invoice,
    InvoiceLine,
    InvoiceSequence,
    Membership,
    MembershipCategory,
    Payment,
    User,
)
from members.models.billing import CENT
from members.services.memberships import one_year_from

log = logging.getLogger(__name__)

GST_RATE = Decimal("0.05")  # TPS, on the price
QST_RATE = Decimal("0.09975")  # TVQ, on the price before TPS: not compounded


class BillingError(Exception):
    """What staff asked cannot be done to an invoice; the message says why."""


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    gst: Decimal
    qst: Decimal
    total: Decimal


def taxes(amount: Decimal) -> tuple[Decimal, Decimal]:
    """GST and QST on a taxable amount, each rounded half-up to the cent."""
    return cents(amount * GST_RATE), cents(amount * QST_RATE)


def invoice_totals(lines) -> Totals:
    """The subtotal, each tax (on the taxable lines' sum) and the total of some lines."""
    subtotal = cents(sum((line.amount for line in lines), Decimal("0")))
    gst, qst = taxes(sum((line.amount for line in lines if line.taxable), Decimal("0")))
    return Totals(subtotal=subtotal, gst=gst, qst=qst, total=subtotal + gst + qst)


def invoice_for_period(*, membership: Membership) -> Invoice:
    """A draft invoice for one membership period, at its fee, taxed as its category is."""
    company = membership.company
    with transaction.atomic():
        invoice = Invoice.objects.create(company=company, language=_company_language(company))
        InvoiceLine.objects.create(
            invoice=invoice,
            membership=membership,
            description=_period_description(
                membership.category, membership.start, membership.end, invoice.language
            ),
            amount=membership.fee,
            taxable=membership.category.taxable,
        )
    return invoice


def _period_description(
    category: MembershipCategory, start: dt.date, end: dt.date, language: str
) -> str:
    with translation.override(language):
        return _("Membership %(category)s, %(start)s to %(end)s") % {
            "category": category.name,
            "start": start.isoformat(),
            "end": end.isoformat(),
        }


def fee_for(category: MembershipCategory, year: int) -> Decimal:
    """What a year of ``category`` costs before tax: the fee schedule's amount for that
    year, else the category's yearly fee."""
    fee = Fee.objects.filter(category=category, year=year).values_list("amount", flat=True)
    return fee.first() if fee else category.annual_fee


def renewal_dates(renewed: Membership, issued_on: dt.date) -> tuple[dt.date, dt.date]:
    """The year a renewal of ``renewed`` invoiced on ``issued_on`` pays for: from the day
    after it ends, or from the invoice's day for a company that had lapsed by then."""
    start = max(renewed.end + dt.timedelta(days=1), issued_on)
    return start, one_year_from(start)


def renewal_invoice(period: Membership) -> Invoice | None:
    """The issued invoice renewing ``period`` that is not wholly credited, if any."""
    invoices = (
        Invoice.objects.issued()
        .filter(kind=Invoice.Kind.INVOICE, lines__renews=period)
        .with_balance()
        .filter(credited__lt=F("total"))
        .select_related("company")
    )
    return invoices.first()


def renewal_invoice_issue(
    *, company: Company, by: User | None, today: dt.date | None = None
) -> Invoice:
    """Issue the invoice of the company's next year, after its latest period, at the fee
    schedule's price for the year it starts in. The year is added to its memberships
    when the invoice is paid, not before. Once per period: a period invoiced already is
    refused (a BillingError naming the invoice); two staff at once wait for each other."""
    today = today or timezone.localdate()
    with transaction.atomic():
        latest = (
            Membership.objects.select_for_update()
            .filter(company=company)
            .select_related("category")
            .order_by("-end")
            .first()
        )
        if latest is None:
            raise BillingError(
                _("%(company)s has no membership period to renew.") % {"company": company}
            )
        if latest.cancelled_on is not None:
            raise BillingError(
                _("The membership of %(company)s was cancelled: it is not renewed.")
                % {"company": company}
            )
        invoiced = renewal_invoice(latest)
        if invoiced is not None:
            raise BillingError(
                _("The renewal of %(company)s is invoiced already (%(number)s).")
                % {"company": company, "number": invoiced.number}
            )
        start, end = renewal_dates(latest, today)
        amount = fee_for(latest.category, start.year)
        if amount <= 0:
            raise BillingError(
                _("The category %(category)s has no fee: there is nothing to invoice.")
                % {"category": latest.category}
            )
        invoice = Invoice.objects.create(company=company, language=_company_language(company))
        InvoiceLine.objects.create(
            invoice=invoice,
            renews=latest,
            description=_period_description(latest.category, start, end, invoice.language),
            amount=amount,
            taxable=latest.category.taxable,
        )
        return invoice_issue(invoice=invoice, by=by, today=today)


def _company_language(company) -> str:
    """The language of whoever receives the invoices, else of an administrator."""
    recipients = invoice_recipients(company=company)
    return recipients[0][1] if recipients else settings.LANGUAGE_CODE


def _next_number(year: int) -> str:
    """The year's next number, under a lock on the year's row held to the end of the
    transaction: concurrent issuers wait for each other, and a rolled-back issue gives
    its number back."""
    InvoiceSequence.objects.get_or_create(year=year)
    sequence = InvoiceSequence.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{year}-{sequence.last:04d}"


def invoice_issue(*, invoice: Invoice, by: User | None, today: dt.date | None = None) -> Invoice:
    """Give a draft its number and date, and fix it as issued: buyer, tax numbers and
    amounts are copied onto it, and it never changes again."""
    today = today or timezone.localdate()
    with transaction.atomic(), reversion.create_revision():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("company")
            .get(pk=invoice.pk)
        )
        if invoice.status != Invoice.Status.DRAFT:
            raise BillingError(_("This invoice is issued already: correct it by a credit note."))
        lines = list(invoice.lines.all())
        if not lines:
            raise BillingError(_("An invoice needs at least one line."))
        totals = invoice_totals(lines)
        if invoice.kind == Invoice.Kind.INVOICE and totals.total <= 0:
            raise BillingError(_("An invoice's total must be more than zero."))
        company = invoice.company
        invoice.buyer_name = company.legal_name or company.name
        invoice.buyer_address = "\n".join(company.address_lines)
        invoice.gst_number = settings.ASSOCIATION_GST_NUMBER
        invoice.qst_number = settings.ASSOCIATION_QST_NUMBER
        invoice.subtotal, invoice.gst, invoice.qst, invoice.total = (
            totals.subtotal,
            totals.gst,
            totals.qst,
            totals.total,
        )
        invoice.issued_on = today
        invoice.due_on = today + dt.timedelta(days=settings.INVOICE_PAYMENT_DAYS)
        invoice.number = _next_number(today.year)
        invoice.status = Invoice.Status.ISSUED
        invoice.save()
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(_("Issued."))
    return invoice


def _lock(invoice: Invoice) -> Invoice:
    """The invoice, locked, with its balance read after the lock: a payment or credit note
    another transaction committed while this one waited is counted (a balance computed in
    the locking query itself would be read from before the wait)."""
    Invoice.objects.select_for_update().filter(pk=invoice.pk).exists()
    return Invoice.objects.with_balance().select_related("company").get(pk=invoice.pk)


def _settle(invoice: Invoice, on: dt.date) -> None:
    """An invoice owing nothing more (paid, or paid and credited) pays its periods: the
    periods it invoiced are marked paid, and the years it renews are added. An invoice
    wholly credited is cancelled, not paid: it pays for nothing."""
    settled = Invoice.objects.with_balance().get(pk=invoice.pk)
    if cents(settled.balance) > 0 or settled.credited >= settled.total:
        return
    for membership in Membership.objects.filter(
        invoice_lines__invoice=invoice, paid_on__isnull=True
    ).distinct():
        membership.paid_on = on
        membership.save(update_fields=["paid_on"])
        reversion.add_to_revision(membership)
    renewals = invoice.lines.filter(renews__isnull=False, membership__isnull=True)
    for line in renewals.select_related("renews__category"):
        line.membership = _renewed_period(line, invoice, on)
        line.save(update_fields=["membership"])


def _renewed_period(line: InvoiceLine, invoice: Invoice, on: dt.date) -> Membership:
    """The paid period a renewal line pays for: added, or, where staff entered it by
    hand already, that period marked paid."""
    start, end = renewal_dates(line.renews, invoice.issued_on)
    period = Membership.objects.filter(
        company_id=invoice.company_id, start__lte=end, end__gte=start
    ).first()
    if period is None:
        period = Membership(
            company_id=invoice.company_id,
            category=line.renews.category,
            start=start,
            end=end,
            fee=line.amount,
        )
    period.paid_on = period.paid_on or on
    period.invoice_reference = period.invoice_reference or invoice.number
    period.save()
    reversion.add_to_revision(period)
    return period


def credit_note_issue(
    *, invoice: Invoice, amount: Decimal, reason: str, by: User | None
) -> Invoice:
    """Correct an issued invoice by a credit note of ``amount`` before tax, numbered in the
    same sequence. It carries tax only as the invoice did: it is taxed when every line of
    the invoice was, and neither its amount nor either tax may exceed what is left of the
    invoice's after earlier credit notes. A credit note on a paid invoice leaves a balance
    owed to the company (a refund, made outside the portal)."""
    reason = reason.strip()
    if not reason:
        raise BillingError(_("Say what the credit note corrects."))
    if amount <= 0:
        raise BillingError(_("A credit note's amount must be more than zero."))
    with transaction.atomic(), reversion.create_revision():
        invoice = _lock(invoice)
        if invoice.kind != Invoice.Kind.INVOICE or invoice.status != Invoice.Status.ISSUED:
            raise BillingError(_("Only an issued invoice can be corrected by a credit note."))
        lines = list(invoice.lines.all())
        line = InvoiceLine(amount=cents(amount), taxable=all(line.taxable for line in lines))
        note_totals = invoice_totals([line])
        earlier = Invoice.objects.filter(
            credits=invoice, kind=Invoice.Kind.CREDIT_NOTE, status=Invoice.Status.ISSUED
        ).aggregate(subtotal=Sum("subtotal"), gst=Sum("gst"), qst=Sum("qst"))
        for part in ("subtotal", "gst", "qst"):
            left = getattr(invoice, part) - (earlier[part] or 0)
            if getattr(note_totals, part) > left:
                raise BillingError(
                    _("A credit note cannot be larger than what is left of its invoice.")
                )
        note = Invoice.objects.create(
            company=invoice.company,
            kind=Invoice.Kind.CREDIT_NOTE,
            credits=invoice,
            language=invoice.language,
            reason=reason,
        )
        line.invoice = note
        with translation.override(invoice.language):
            line.description = _("Credit on invoice %(number)s") % {"number": invoice.number}
        line.save()
        note = invoice_issue(invoice=note, by=by)
        _settle(invoice, note.issued_on)
    return note


def payment_record(
    *,
    invoice: Invoice,
    amount: Decimal,
    received_on: dt.date,
    method: str,
    reference: str = "",
    by: User | None,
) -> Payment:
    """Record a payment of an issued invoice. Once nothing more is owed, the membership
    periods it invoices are marked paid at once."""
    reference = reference.strip()
    if amount <= 0:
        raise BillingError(_("A payment's amount must be more than zero."))
    if received_on > timezone.localdate():
        raise BillingError(_("A payment cannot be received in the future."))
    if method in (Payment.Method.CHEQUE, Payment.Method.TRANSFER) and not reference:
        raise BillingError(_("Give the cheque's number or the transfer's reference."))
    with transaction.atomic(), reversion.create_revision():
        invoice = _lock(invoice)
        if invoice.kind != Invoice.Kind.INVOICE or invoice.status != Invoice.Status.ISSUED:
            raise BillingError(_("Only an issued invoice can be paid."))
        balance = cents(invoice.balance)
        if amount > balance:
            raise BillingError(
                _("The payment is larger than what is owed (%(balance)s $): nothing was recorded.")
                % {"balance": number_format(balance, 2)}
            )
        if (
            reference
            and Payment.objects.filter(invoice=invoice, reference__iexact=reference).exists()
        ):
            raise BillingError(
                _("This payment is already recorded on the invoice (same reference).")
            )
        payment = Payment.objects.create(
            invoice=invoice,
            amount=amount,
            received_on=received_on,
            method=method,
            reference=reference,
            recorded_by=by,
        )
        if by is not None:
            reversion.set_user(by)
        _settle(invoice, received_on)
    return payment


def invoice_recipients(*, company) -> list[tuple[str, str]]:
    """Who receives a company's invoices, with their language: the people ticked as
    receiving them, else its administrators."""
    people = list(company.people.filter(receives_invoices=True))
    if not people:
        people = list(company.people.filter(role="admin"))
    return list(
        {person.email.lower(): (person.email, person.language) for person in people}.values()
    )


def invoice_send(*, invoice: Invoice) -> list[str]:
    """Email an issued invoice or credit note, its PDF attached, to each of the company's
    recipients in their language; returns the addresses (none: nobody to send it to)."""
    from alliance.emails import EmailNotSent, send_email
    from members.services.invoice_pdf import invoice_pdf, invoice_pdf_filename

    if invoice.status != Invoice.Status.ISSUED:
        raise BillingError(_("Only an issued invoice is sent."))
    recipients = invoice_recipients(company=invoice.company)
    if not recipients:
        return []
    attachment = (invoice_pdf_filename(invoice), invoice_pdf(invoice=invoice), "application/pdf")
    sent = []
    with transaction.atomic():
        for email, language in recipients:
            try:
                send_email(
                    template="invoice_issued",
                    to=[email],
                    language=language,
                    context={"invoice": invoice},
                    attachments=[attachment],
                )
                sent.append(email)
            except EmailNotSent:
                log.exception("Invoice %s not addressed to %s", invoice.number, email)
    return sent
