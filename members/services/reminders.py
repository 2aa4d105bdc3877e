"""Renewal: before a company's membership ends it is sent the invoice of its next year;
it is reminded when that invoice falls due unpaid, and told when the membership lapses.
Each email goes once to each person."""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from alliance.emails import EmailNotSent, send_email
from members.models import Invoice, Membership, Person, RenewalReminder
from members.models.memberships import REMINDER_CATCH_UP_DAYS
from members.services.billing import BillingError, renewal_invoice, renewal_invoice_issue
from members.services.invoice_pdf import invoice_pdf, invoice_pdf_filename

log = logging.getLogger(__name__)


def reminder_send_due(*, today: dt.date | None = None) -> tuple[int, list[str]]:
    """Issue the renewal invoices and send the renewal emails that are due, once each.

    Due: ``MEMBERSHIP_REMINDER_DAYS`` before a period's last day, its renewal invoice is
    issued and sent ("ending"); on that invoice's due date, if it is still unpaid, a
    reminder with it attached ("due"); on the day the company lapses, once the grace
    period is over ("lapsed"). Only for the company's latest period, so a company that
    paid its renewal hears nothing more. A day missed by cron is caught up the next run;
    an email more than a week late is not sent any more. A category without a fee gets
    the reminders with no invoice.

    They go to the company's administrators and to whoever receives its invoices, in
    each one's language. Returns how many went to the outbox (the worker sends them, and
    retries while the mail server fails) and the addresses refused as not addresses:
    those are not recorded, so the next run tries them again.
    """
    today = today or timezone.localdate()
    later = Membership.objects.filter(company=OuterRef("company"), end__gt=OuterRef("end"))
    recipients = Person.objects.filter(Q(role=Person.Role.ADMIN) | Q(receives_invoices=True))
    due = {
        RenewalReminder.Kind.ENDING: Membership.objects.ending_reminder_due(today),
        RenewalReminder.Kind.DUE: Membership.objects.filter(
            Exists(
                Invoice.objects.unpaid().filter(
                    lines__renews=OuterRef("pk"),
                    due_on__lte=today,
                    due_on__gt=today - dt.timedelta(days=REMINDER_CATCH_UP_DAYS),
                )
            )
        ),
        RenewalReminder.Kind.LAPSED: Membership.objects.lapsed_email_due(today),
    }
    sent, failed = 0, []
    for kind, periods in due.items():
        periods = (
            periods.filter(cancelled_on__isnull=True, company__archived_at__isnull=True)
            .exclude(Exists(later))
            .select_related("company", "category")
            .prefetch_related(Prefetch("company__people", queryset=recipients))
        )
        for period in periods:
            people = _unsent(period, kind, period.company.people.all())
            if not people:
                continue
            invoice = _renewal_invoice(period, kind, today)
            attachments = (
                [(invoice_pdf_filename(invoice), invoice_pdf(invoice=invoice), "application/pdf")]
                if invoice is not None and kind != RenewalReminder.Kind.LAPSED
                else []
            )
            for person in people:
                try:
                    sent += _send_reminder(
                        period=period,
                        kind=kind,
                        person=person,
                        invoice=invoice,
                        attachments=attachments,
                    )
                except EmailNotSent:
                    log.exception("Renewal reminder to %s not sent.", person.pk)
                    failed.append(person.email)
    return sent, failed


def _unsent(period: Membership, kind: str, people) -> list[Person]:
    """The people not yet sent this email about this period, once per address."""
    sent = set(
        RenewalReminder.objects.filter(membership=period, kind=kind).values_list("email", flat=True)
    )
    unsent = {}
    for person in people:
        if person.email not in sent:
            unsent.setdefault(person.email.lower(), person)
    return list(unsent.values())


def _renewal_invoice(period: Membership, kind: str, today: dt.date) -> Invoice | None:
    """The invoice renewing ``period``: for the "ending" email, issued now if it was not
    issued by hand already. None for a category with no fee."""
    invoice = renewal_invoice(period)
    if invoice is None and kind == RenewalReminder.Kind.ENDING:
        try:
            invoice = renewal_invoice_issue(company=period.company, by=None, today=today)
        except BillingError as error:
            log.info("No renewal invoice for company %s: %s", period.company_id, error)
    return invoice


def _send_reminder(
    *, period: Membership, kind: str, person: Person, invoice: Invoice | None, attachments
) -> int:
    # The record is written first and the email sent inside the same transaction: if the
    # mail server fails the record is rolled back and tomorrow's run tries again; a
    # second run never sends a reminder that was recorded.
    try:
        with transaction.atomic():
            RenewalReminder.objects.create(membership=period, kind=kind, email=person.email)
            send_email(
                template=f"renewal_{kind}",
                to=[person.email],
                language=person.language,
                context={
                    "person": person,
                    "period": period,
                    "company": period.company,
                    "invoice": invoice,
                },
                attachments=attachments,
            )
    except IntegrityError:
        return 0
    return 1
