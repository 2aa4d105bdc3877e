"""Renewal reminders: the emails a company's administrators get before its membership ends
and once it has lapsed, each sent once, by cron (send_renewal_reminders)."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone

from alliance import outbox
from alliance.models import OutgoingEmail
from members.models import Invoice, Person, RenewalReminder
from members.services.billing import payment_record, renewal_invoice_issue
from members.services.reminders import reminder_send_due
from tests.factories import CompanyFactory, PersonFactory, RenewalReminderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ending_company(settings):
    settings.MEMBERSHIP_REMINDER_DAYS = 30
    settings.MEMBERSHIP_GRACE_DAYS = 30
    today = timezone.localdate()
    company = CompanyFactory(
        name="Firme qui finit",
        period=(today - dt.timedelta(days=340), ending_company_end()),
    )
    PersonFactory(company=company, email="admin.fr@ex.ca", preferred_language="fr")
    PersonFactory(company=company, email="admin.en@ex.ca", preferred_language="en")
    PersonFactory(company=company, email="collegue@ex.ca", role=Person.Role.COLLEAGUE)
    return company


def ending_company_end() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=24)


def run_reminders(today=None):
    """As cron runs them: committed, so the worker takes the emails at once."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        if today is None:
            call_command("send_renewal_reminders", stdout=io.StringIO())
        else:
            reminder_send_due(today=today)


def test_administrators_reminded_once_in_their_language(ending_company):
    run_reminders()
    assert sorted(m.to[0] for m in mail.outbox) == ["admin.en@ex.ca", "admin.fr@ex.ca"]
    by_person = {m.to[0]: m for m in mail.outbox}
    assert "Firme qui finit" in by_person["admin.fr@ex.ca"].subject
    assert "prend fin" in by_person["admin.fr@ex.ca"].subject
    assert "ends soon" in by_person["admin.en@ex.ca"].subject
    assert by_person["admin.en@ex.ca"].alternatives[0][1] == "text/html"
    assert RenewalReminder.objects.count() == 2

    run_reminders()
    assert len(mail.outbox) == 2  # never twice


def test_no_reminder_before_the_window_or_after_renewal(ending_company, staff):
    today = timezone.localdate()
    # The same period, not renewed: reminded once the window opens.
    not_renewed = CompanyFactory(period=(today - dt.timedelta(days=340), ending_company_end()))
    PersonFactory(company=not_renewed, email="autre@ex.ca")
    run_reminders(today - dt.timedelta(days=10))  # 34 days before the end
    assert not mail.outbox
    pay_renewal(ending_company)
    run_reminders()
    assert [m.to for m in mail.outbox] == [["autre@ex.ca"]]


def pay_renewal(company):
    invoice = renewal_invoice_issue(company=company, by=None)
    payment_record(
        invoice=invoice,
        amount=invoice.total,
        received_on=timezone.localdate(),
        method="card",
        by=None,
    )


def test_the_ending_reminder_brings_the_renewal_invoice_issued_once(ending_company):
    accountant = PersonFactory(
        company=ending_company,
        email="compta@ex.ca",
        role=Person.Role.COLLEAGUE,
        receives_invoices=True,
    )
    run_reminders()
    run_reminders()
    invoice = Invoice.objects.get(company=ending_company)
    assert invoice.status == Invoice.Status.ISSUED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["admin.fr@ex.ca", "admin.en@ex.ca", accountant.email]
    )
    french = next(m for m in mail.outbox if m.to[0] == "admin.fr@ex.ca")
    assert f"La facture de renouvellement {invoice.number} est jointe" in french.body
    ((name, content, mimetype),) = french.attachments
    assert (name, mimetype) == (f"facture-{invoice.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_an_unpaid_renewal_invoice_is_recalled_on_its_due_date_once(ending_company, settings):
    settings.INVOICE_PAYMENT_DAYS = 30
    run_reminders()
    invoice = Invoice.objects.get(company=ending_company)
    mail.outbox.clear()
    run_reminders(invoice.due_on - dt.timedelta(days=1))
    assert not mail.outbox
    run_reminders(invoice.due_on)
    run_reminders(invoice.due_on + dt.timedelta(days=1))
    assert sorted(m.to[0] for m in mail.outbox) == ["admin.en@ex.ca", "admin.fr@ex.ca"]
    english = next(m for m in mail.outbox if m.to[0] == "admin.en@ex.ca")
    assert f"renewal invoice {invoice.number} is due" in english.subject
    assert english.attachments[0][2] == "application/pdf"


def test_a_paid_renewal_invoice_is_not_recalled(ending_company):
    run_reminders()
    invoice = Invoice.objects.get(company=ending_company)
    payment_record(
        invoice=invoice,
        amount=invoice.total,
        received_on=timezone.localdate(),
        method="card",
        by=None,
    )
    mail.outbox.clear()
    run_reminders(invoice.due_on)
    assert not mail.outbox


def test_a_category_without_a_fee_is_reminded_without_an_invoice(ending_company):
    ending_company.memberships.update(fee="0.00")
    category = ending_company.memberships.get().category
    category.annual_fee = "0.00"
    category.save()
    run_reminders()
    assert not Invoice.objects.exists()
    assert len(mail.outbox) == 2
    assert all(not m.attachments for m in mail.outbox)


def test_lapsed_reminder_on_the_day_grace_ends(ending_company):
    end = ending_company.memberships.get().end
    lapse_day = end + dt.timedelta(days=31)
    run_reminders(lapse_day - dt.timedelta(days=1))
    assert not mail.outbox  # still in grace, and the "ending" window has passed
    run_reminders(lapse_day)
    assert {m.to[0] for m in mail.outbox} == {"admin.fr@ex.ca", "admin.en@ex.ca"}
    assert "échue" in next(m for m in mail.outbox if m.to[0] == "admin.fr@ex.ca").subject
    run_reminders(lapse_day + dt.timedelta(days=1))
    assert len(mail.outbox) == 2


def test_with_the_mail_server_down_the_reminders_wait_in_the_outbox_and_go_out_once(
    ending_company, mail_server_down, settings
):
    run_reminders()
    run_reminders()  # the next day's run: they are not written twice
    waiting = OutgoingEmail.objects.all()
    assert sorted(waiting.values_list("recipients", flat=True)) == [
        "admin.en@ex.ca",
        "admin.fr@ex.ca",
    ]
    assert all(email.status == OutgoingEmail.Status.QUEUED for email in waiting)
    assert all(email.last_error.startswith("SMTPServerDisconnected") for email in waiting)
    assert RenewalReminder.objects.count() == 2
    assert not mail.outbox

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    waiting.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
    for email in waiting:
        outbox.deliver(email.pk)
    assert sorted(m.to[0] for m in mail.outbox) == ["admin.en@ex.ca", "admin.fr@ex.ca"]


def test_the_reminders_go_on_past_one_that_fails_and_the_command_names_it(
    ending_company, django_capture_on_commit_callbacks
):
    # An address that is not one, among the company's administrators.
    ending_company.people.filter(email="admin.fr@ex.ca").update(email="admin.fr@ex")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError) as error:
        call_command("send_renewal_reminders", stdout=out)
    assert out.getvalue() == "1 reminder(s) sent.\n"
    assert "1 reminder(s) could not be sent, to admin.fr@ex:" in str(error.value)
    assert [m.to for m in mail.outbox] == [["admin.en@ex.ca"]]
    assert list(RenewalReminder.objects.values_list("email", flat=True)) == ["admin.en@ex.ca"]


def test_with_the_mail_server_down_the_command_succeeds_and_leaves_each_reminder_waiting(
    ending_company, mail_server_down
):
    """The command no longer waits for the mail server: it writes each reminder to the
    outbox, says they are sent, and exits without an error; none sent before is again."""
    PersonFactory(company=ending_company, email="deja.relance@ex.ca")
    RenewalReminderFactory(
        membership=ending_company.memberships.get(),
        kind=RenewalReminder.Kind.ENDING,
        email="deja.relance@ex.ca",
    )
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_renewal_reminders", stdout=out)
    assert out.getvalue() == "2 reminder(s) sent.\n"
    waiting = OutgoingEmail.objects.order_by("recipients")
    assert list(waiting.values_list("recipients", "status", "attempts")) == [
        ("admin.en@ex.ca", OutgoingEmail.Status.QUEUED, 1),
        ("admin.fr@ex.ca", OutgoingEmail.Status.QUEUED, 1),
    ]
    assert all(email.next_attempt_at > timezone.now() for email in waiting)
    assert sorted(RenewalReminder.objects.values_list("email", flat=True)) == [
        "admin.en@ex.ca",
        "admin.fr@ex.ca",
        "deja.relance@ex.ca",
    ]
    assert not mail.outbox
