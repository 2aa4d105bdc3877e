"""Renewal by invoice: the invoice of a company's next year at the fee schedule's price,
issued once, and the year added when it is paid — by staff's cheque or otherwise."""

import datetime as dt
import threading
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.utils import timezone

from members.models import Company, Invoice, Membership, MembershipStatus
from members.services.billing import (
    BillingError,
    credit_note_issue,
    payment_record,
    renewal_invoice_issue,
)
from members.services.memberships import one_year_from
from tests.factories import (
    CompanyFactory,
    FeeFactory,
    MembershipCategoryFactory,
    MembershipFactory,
    PersonFactory,
    StaffFactory,
    log_in,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
END = TODAY + dt.timedelta(days=41)  # ending within the reminder window
NEXT_START = END + dt.timedelta(days=1)
NEXT_END = one_year_from(NEXT_START)
YEAR = TODAY.year


@pytest.fixture
def company():
    company = CompanyFactory(name="Moules Beauce", period=False)
    MembershipFactory(company=company, start=END - dt.timedelta(days=364), end=END, paid_on=TODAY)
    return company


def end_of(company) -> dt.date:
    """The last day of the company's membership, its latest period's."""
    return company.memberships.order_by("-end").first().end


def pay(invoice, amount=None, reference="1001", on=TODAY):
    return payment_record(
        invoice=invoice,
        amount=amount if amount is not None else invoice.total,
        received_on=on,
        method="cheque",
        reference=reference,
        by=None,
    )


def test_the_renewal_is_invoiced_at_next_years_fee_and_extends_only_once_paid(company):
    category = company.memberships.get().category
    FeeFactory(category=category, year=NEXT_START.year - 1, amount=D("850.00"))
    FeeFactory(category=category, year=NEXT_START.year, amount=D("900.00"))  # when it starts
    invoice = renewal_invoice_issue(company=company, by=None, today=TODAY)
    assert invoice.status == Invoice.Status.ISSUED and invoice.number == f"{YEAR}-0001"
    line = invoice.lines.get()
    assert (line.amount, invoice.gst, invoice.qst, invoice.total) == (
        D("900.00"),
        D("45.00"),
        D("89.78"),
        D("1034.78"),
    )
    assert NEXT_START.isoformat() in line.description
    assert NEXT_END.isoformat() in line.description
    assert end_of(company) == END  # invoiced, not paid: the membership has not moved

    pay(invoice, amount=D("500.00"))
    assert end_of(company) == END  # partly paid
    pay(invoice, amount=D("534.78"), reference="1002")
    assert end_of(company) == NEXT_END
    renewed = company.memberships.get(start=NEXT_START)
    assert (renewed.paid_on, renewed.fee, renewed.invoice_reference) == (
        TODAY,
        D("900.00"),
        f"{YEAR}-0001",
    )
    assert renewed.invoice_lines.get() == line


def test_without_a_fee_for_the_year_the_categorys_yearly_fee_is_invoiced(company):
    invoice = renewal_invoice_issue(company=company, by=None, today=TODAY)
    assert invoice.subtotal == D("850.00")


def test_a_period_is_invoiced_for_renewal_once(company):
    first = renewal_invoice_issue(company=company, by=None, today=TODAY)
    with pytest.raises(BillingError, match=first.number):
        renewal_invoice_issue(company=company, by=None, today=TODAY)
    assert Invoice.objects.count() == 1


def test_a_renewal_wholly_credited_renews_nothing_and_may_be_invoiced_again(company):
    invoice = renewal_invoice_issue(company=company, by=None, today=TODAY)
    credit_note_issue(invoice=invoice, amount=D("850.00"), reason="Démission", by=None)
    assert end_of(company) == END
    assert company.memberships.count() == 1
    again = renewal_invoice_issue(company=company, by=None, today=TODAY)
    assert again.number == f"{YEAR}-0003"  # after the invoice and its credit note


def test_a_lapsed_company_is_renewed_from_the_day_of_its_invoice():
    lapsed = CompanyFactory(period=(TODAY - dt.timedelta(days=500), TODAY - dt.timedelta(days=135)))
    assert Company.objects.with_status().get(pk=lapsed.pk).status == MembershipStatus.LAPSED
    pay(renewal_invoice_issue(company=lapsed, by=None, today=TODAY))
    assert lapsed.memberships.get(start=TODAY).end == one_year_from(TODAY)
    assert Company.objects.with_status().get(pk=lapsed.pk).status == MembershipStatus.ACTIVE


def test_a_year_entered_by_hand_meanwhile_is_marked_paid_not_doubled(company):
    invoice = renewal_invoice_issue(company=company, by=None, today=TODAY)
    by_hand = MembershipFactory(
        company=company, start=dt.date(2028, 1, 1), end=dt.date(2028, 12, 31)
    )
    pay(invoice)
    by_hand.refresh_from_db()
    assert by_hand.paid_on == TODAY
    assert company.memberships.count() == 2


def test_what_cannot_be_renewed_is_refused_with_a_reason(company):
    with pytest.raises(BillingError, match="aucune période d’adhésion à renouveler"):
        renewal_invoice_issue(company=CompanyFactory(period=False), by=None, today=TODAY)
    free = CompanyFactory(period=False)
    MembershipFactory(
        company=free, category=MembershipCategoryFactory(name_fr="Honoraire", annual_fee="0.00")
    )
    with pytest.raises(BillingError, match="n’a pas de cotisation"):
        renewal_invoice_issue(company=free, by=None, today=TODAY)
    Membership.objects.filter(company=company).update(cancelled_on=TODAY)
    with pytest.raises(BillingError, match="a été annulée"):
        renewal_invoice_issue(company=company, by=None, today=TODAY)
    assert not Invoice.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across connections")
@pytest.mark.django_db(transaction=True)
def test_two_staff_renewing_a_company_at_once_issue_one_invoice(company):
    start = threading.Barrier(2)
    refused = []

    def renew():
        try:
            start.wait()
            renewal_invoice_issue(company=company, by=None, today=TODAY)
        except BillingError as error:
            refused.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=renew) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Invoice.objects.count() == 1
    assert len(refused) == 1


COMPANIES = "/admin/members/company/"


def test_staff_issue_the_renewal_from_the_company_list_and_pay_it_from_the_company(
    staff_client, mailoutbox
):
    today = timezone.localdate()
    company = CompanyFactory(name="Moules Beauce", period=(today - dt.timedelta(300), today))
    billing = PersonFactory(company=company, email="compta@moules.example", receives_invoices=True)
    response = staff_client.post(
        COMPANIES, {"action": "renew", "_selected_action": [company.pk]}, follow=True
    )
    assert "1 facture de renouvellement émise." in response.content.decode()
    invoice = Invoice.objects.get(company=company)
    assert [message.to for message in mailoutbox] == [[billing.email]]
    assert mailoutbox[0].attachments[0][2] == "application/pdf"

    page = staff_client.get(f"{COMPANIES}{company.pk}/change/").content.decode()
    pay_url = f"/admin/members/invoice/{invoice.pk}/pay/"
    assert invoice.number in page and pay_url in page  # "Enregistrer un paiement"
    staff_client.post(
        pay_url,
        {
            "amount": str(invoice.total),
            "received_on": today.isoformat(),
            "method": "cheque",
            "reference": "4521",
        },
    )
    assert end_of(company) == one_year_from(today + dt.timedelta(days=1))
    page = staff_client.get(f"{COMPANIES}{company.pk}/change/").content.decode()
    assert pay_url not in page  # paid: nothing more to record


def test_staff_who_may_not_invoice_do_not_get_the_renewal_action(client):
    clerk = StaffFactory(is_superuser=False)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_company", "change_company"])
    )
    log_in(client, clerk)
    page = client.get(COMPANIES).content.decode()
    assert 'value="renew"' not in page
    company = CompanyFactory()
    client.post(COMPANIES, {"action": "renew", "_selected_action": [company.pk]})
    assert not Invoice.objects.exists()
