"""Dues and invoices: Québec's two taxes, gapless numbers, credit notes and payments."""

import datetime as dt
import re
import threading
import time
from decimal import Decimal

import pytest
from django.core.checks import run_checks
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from members.models import Invoice, InvoiceLine, InvoiceSequence, Payment
from members.services.billing import (
    BillingError,
    credit_note_issue,
    invoice_for_period,
    invoice_issue,
    invoice_totals,
    payment_record,
    taxes,
)
from tests.factories import CompanyFactory, MembershipCategoryFactory, MembershipFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.mark.parametrize(
    ("amount", "gst", "qst", "total"),
    [
        ("0.01", "0.00", "0.00", "0.01"),
        ("0.05", "0.00", "0.00", "0.05"),
        ("0.10", "0.01", "0.01", "0.12"),
        ("0.20", "0.01", "0.02", "0.23"),
        ("99.99", "5.00", "9.97", "114.96"),
        ("100.00", "5.00", "9.98", "114.98"),
        ("850.00", "42.50", "84.79", "977.29"),
        ("1234.56", "61.73", "123.15", "1419.44"),
    ],
)
def test_gst_and_qst_are_each_on_the_price_rounded_half_up(amount, gst, qst, total):
    assert taxes(D(amount)) == (D(gst), D(qst))
    totals = invoice_totals([InvoiceLine(amount=D(amount), taxable=True)])
    assert (totals.subtotal, totals.gst, totals.qst, totals.total) == (
        D(amount),
        D(gst),
        D(qst),
        D(total),
    )


def test_an_exempt_category_is_invoiced_without_tax():
    totals = invoice_totals(
        [InvoiceLine(amount=D("500.00"), taxable=False), InvoiceLine(amount=D("100.00"))]
    )
    assert (totals.subtotal, totals.gst, totals.qst, totals.total) == (
        D("600.00"),
        D("5.00"),
        D("9.98"),
        D("614.98"),
    )


@pytest.fixture
def period():
    company = CompanyFactory(
        name="Moules Beauce",
        legal_name="Moules Beauce inc.",
        street_address="12, rue des Érables",
        city="Saint-Georges",
        postal_code="G5Y 1A1",
        period=False,
    )
    return MembershipFactory(company=company, fee=D("850.00"))


def test_an_invoice_is_numbered_in_the_year_and_keeps_its_buyer_as_issued(period):
    today = dt.date(2027, 3, 1)
    first = invoice_issue(invoice=invoice_for_period(membership=period), by=None, today=today)
    second = invoice_issue(invoice=invoice_for_period(membership=period), by=None, today=today)
    assert (first.number, second.number) == ("2027-0001", "2027-0002")
    assert (first.subtotal, first.gst, first.qst, first.total) == (
        D("850.00"),
        D("42.50"),
        D("84.79"),
        D("977.29"),
    )
    assert first.buyer_name == "Moules Beauce inc."
    assert first.buyer_address == "12, rue des Érables\nSaint-Georges (Québec) G5Y 1A1"
    assert (first.gst_number, first.qst_number) == ("123456789RT0001", "1234567890TQ0001")
    assert first.due_on == dt.date(2027, 3, 31)
    period.company.legal_name = "Nouveau nom inc."
    period.company.save()
    first.refresh_from_db()
    assert first.buyer_name == "Moules Beauce inc."  # an invoice never changes
    with pytest.raises(BillingError, match="déjà émise"):
        invoice_issue(invoice=first, by=None)
    assert invoice_issue(
        invoice=invoice_for_period(membership=period), by=None, today=dt.date(2028, 1, 2)
    ).number == ("2028-0001")


def test_an_issue_rolled_back_gives_its_number_back(period):
    today = dt.date(2027, 5, 1)
    with pytest.raises(RuntimeError), transaction.atomic():
        invoice_issue(invoice=invoice_for_period(membership=period), by=None, today=today)
        raise RuntimeError("the request failed after issuing")
    assert not Invoice.objects.filter(number__isnull=False).exists()
    issued = invoice_issue(invoice=invoice_for_period(membership=period), by=None, today=today)
    assert issued.number == "2027-0001"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across connections")
@pytest.mark.django_db(transaction=True)
def test_invoices_issued_at_the_same_moment_get_consecutive_numbers(monkeypatch):
    drafts = [
        invoice_for_period(membership=MembershipFactory(company=CompanyFactory(period=False)))
        for _ in range(8)
    ]
    real_save = InvoiceSequence.save

    def slow_save(sequence, *args, **kwargs):
        time.sleep(0.05)  # every issuer is between reading the last number and writing it
        return real_save(sequence, *args, **kwargs)

    monkeypatch.setattr(InvoiceSequence, "save", slow_save)
    InvoiceSequence.objects.create(year=2027)  # the year has begun: nobody creates its row
    start = threading.Barrier(len(drafts))
    errors = []

    def issue(draft):
        try:
            start.wait()
            invoice_issue(invoice=draft, by=None, today=dt.date(2027, 6, 1))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"2027-{n:04d}" for n in range(1, 9)]


def test_an_invoice_without_a_line_or_worth_nothing_is_not_issued(period):
    empty = Invoice.objects.create(company=period.company)
    with pytest.raises(BillingError, match="au moins une ligne"):
        invoice_issue(invoice=empty, by=None)
    InvoiceLine.objects.create(invoice=empty, description="Rien", amount=D("0.00"))
    with pytest.raises(BillingError, match="plus que zéro"):
        invoice_issue(invoice=empty, by=None)
    assert Invoice.objects.get().status == Invoice.Status.DRAFT


def test_payments_partial_then_full_mark_the_period_paid(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    today = timezone.localdate()
    payment_record(
        invoice=invoice,
        amount=D("500.00"),
        received_on=today,
        method="cheque",
        reference="1001",
        by=None,
    )
    period.refresh_from_db()
    assert period.paid_on is None
    assert Invoice.objects.with_balance().get().balance == D("477.29")
    payment_record(
        invoice=invoice,
        amount=D("477.29"),
        received_on=today,
        method="transfer",
        reference="VIR-7",
        by=None,
    )
    period.refresh_from_db()
    assert period.paid_on == today
    assert Invoice.objects.with_balance().get().balance == D("0.00")
    assert not Invoice.objects.unpaid().exists()


@pytest.mark.parametrize(
    ("amount", "received", "told"),
    [
        ("0.00", 0, "plus que zéro"),
        ("-5.00", 0, "plus que zéro"),
        ("977.30", 0, re.escape("plus élevé que ce qui est dû (977,29 $)")),
        ("10.00", 1, "dans le futur"),
    ],
)
def test_a_payment_that_cannot_be_is_refused_and_nothing_is_recorded(
    period, amount, received, told
):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    with pytest.raises(BillingError, match=told):
        payment_record(
            invoice=invoice,
            amount=D(amount),
            received_on=timezone.localdate() + dt.timedelta(days=received),
            method="cheque",
            reference="3003",
            by=None,
        )
    assert not Payment.objects.exists()


def test_the_same_cheque_recorded_twice_is_refused_the_second_time(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    today = timezone.localdate()
    payment_record(
        invoice=invoice,
        amount=D("100.00"),
        received_on=today,
        method="cheque",
        reference="2002",
        by=None,
    )
    with pytest.raises(BillingError, match="déjà enregistré"):
        payment_record(
            invoice=invoice,
            amount=D("100.00"),
            received_on=today,
            method="cheque",
            reference="2002",
            by=None,
        )
    assert Payment.objects.count() == 1


def test_a_credit_note_corrects_an_invoice_and_cannot_exceed_it(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    with pytest.raises(BillingError, match="Indiquez ce que"):
        credit_note_issue(invoice=invoice, amount=D("100.00"), reason=" ", by=None)
    note = credit_note_issue(
        invoice=invoice, amount=D("100.00"), reason="Rabais de fidélité", by=None
    )
    assert note.kind == Invoice.Kind.CREDIT_NOTE and note.credits == invoice
    assert (note.number, note.total) == (invoice.number[:5] + "0002", D("114.98"))
    assert Invoice.objects.with_balance().get(pk=invoice.pk).balance == D("862.31")
    with pytest.raises(BillingError, match="plus élevé que ce qui reste"):
        credit_note_issue(invoice=invoice, amount=D("750.01"), reason="Trop", by=None)
    assert Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE).count() == 1


def test_a_company_with_invoices_is_not_deleted(period):
    invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    with pytest.raises(ProtectedError):
        period.company.delete()


def test_a_tax_number_of_the_wrong_shape_stops_the_portal_at_start(settings):
    settings.ASSOCIATION_GST_NUMBER = "12345678RT0001"
    settings.ASSOCIATION_QST_NUMBER = "1234567890RT0001"
    problems = [error.msg for error in run_checks() if error.id == "members.E001"]
    assert len(problems) == 2
    assert "ASSOCIATION_GST_NUMBER" in problems[0] and "ASSOCIATION_QST_NUMBER" in problems[1]


def test_a_category_says_whether_its_memberships_are_taxed():
    exempt = MembershipCategoryFactory(name_fr="Membre honoraire", taxable=False)
    period = MembershipFactory(
        company=CompanyFactory(period=False), category=exempt, fee=D("100.00")
    )
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    assert (invoice.gst, invoice.qst, invoice.total) == (D("0.00"), D("0.00"), D("100.00"))


def test_a_cheque_or_a_transfer_needs_its_reference(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    with pytest.raises(BillingError, match="numéro du chèque"):
        payment_record(
            invoice=invoice,
            amount=D("10.00"),
            received_on=timezone.localdate(),
            method="cheque",
            by=None,
        )
    payment_record(
        invoice=invoice,
        amount=D("10.00"),
        received_on=timezone.localdate(),
        method="other",
        by=None,
    )
    assert Payment.objects.count() == 1


def test_three_payments_that_add_up_leave_nothing_owed(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    for n, amount in enumerate(["294.21", "574.66", "108.42"]):
        payment_record(
            invoice=invoice,
            amount=D(amount),
            received_on=timezone.localdate(),
            method="other",
            reference=f"P{n}",
            by=None,
        )
    assert Invoice.objects.with_balance().get().balance == D("0.00")
    assert not Invoice.objects.unpaid().exists()
    period.refresh_from_db()
    assert period.paid_on == timezone.localdate()


def test_what_a_credit_note_leaves_at_zero_pays_the_period(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    payment_record(
        invoice=invoice,
        amount=D("500.00"),
        received_on=timezone.localdate(),
        method="other",
        by=None,
    )
    left = Invoice.objects.with_balance().get(pk=invoice.pk).balance  # 477.29 with taxes
    assert left == D("477.29")
    credit_note_issue(invoice=invoice, amount=D("415.11"), reason="Rabais", by=None)  # 477.28
    period.refresh_from_db()
    assert period.paid_on is None
    credit_note_issue(invoice=invoice, amount=D("0.01"), reason="Arrondi", by=None)  # 0.01
    period.refresh_from_db()
    assert period.paid_on is not None


def test_a_credit_note_carries_no_tax_the_invoice_did_not_charge():
    company = CompanyFactory(period=False)
    exempt = MembershipCategoryFactory(name_fr="Membre honoraire", taxable=False)
    period = MembershipFactory(company=company, category=exempt, fee=D("500.00"))
    draft = invoice_for_period(membership=period)
    InvoiceLine.objects.create(
        invoice=draft, description="Atelier", amount=D("100.00"), taxable=True
    )
    invoice = invoice_issue(invoice=draft, by=None)
    assert (invoice.gst, invoice.qst) == (D("5.00"), D("9.98"))
    note = credit_note_issue(invoice=invoice, amount=D("500.00"), reason="Erreur", by=None)
    assert (note.gst, note.qst, note.total) == (D("0.00"), D("0.00"), D("500.00"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across connections")
@pytest.mark.django_db(transaction=True)
def test_two_staff_paying_the_whole_invoice_at_once_record_it_once(period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    start = threading.Barrier(2)
    outcomes = []

    def pay(reference):
        try:
            start.wait()
            payment_record(
                invoice=invoice,
                amount=D("977.29"),
                received_on=timezone.localdate(),
                method="cheque",
                reference=reference,
                by=None,
            )
            outcomes.append("recorded")
        except BillingError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(ref,)) for ref in ("A-1", "B-2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (
        sorted(outcomes)[-1] == "recorded" and "plus élevé que ce qui est dû" in sorted(outcomes)[0]
    )
    assert Payment.objects.count() == 1
    assert Invoice.objects.with_balance().get().balance == D("0.00")
