"""Staff read what is owed by age and the revenue per year and category, and export the
invoices and payments for the accountant (CSV and XLSX, each tax in its own column)."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from members.models import Invoice
from members.services.billing import (
    credit_note_issue,
    invoice_for_period,
    invoice_issue,
    payment_record,
    taxes,
)
from members.services.billing_reports import invoice_rows, receivables, revenue
from members.testing import log_in
from tests.factories import (
    CompanyFactory,
    InvoiceLineFactory,
    MembershipCategoryFactory,
    MembershipFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db
D = Decimal
INVOICES = "/admin/members/invoice/"
BUCKETS = ("current", "1–30", "31–60", "61–90", "90+")


def issued(company=None, amount="100.00", *, taxable=False, on=None, membership=None):
    """An issued invoice of one line; untaxed unless told, so its total is its amount."""
    line = InvoiceLineFactory(
        invoice__company=company or CompanyFactory(period=False),
        amount=D(amount),
        taxable=taxable,
        membership=membership,
    )
    return invoice_issue(invoice=line.invoice, by=None, today=on)


def pay(invoice, amount, on=None):
    return payment_record(
        invoice=invoice,
        amount=D(amount),
        received_on=on or timezone.localdate(),
        method="other",
        by=None,
    )


# --- Receivables by age ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_late", "bucket"),
    [
        (-10, "current"),
        (0, "current"),  # due today: not late yet
        (1, "1–30"),
        (30, "1–30"),
        (31, "31–60"),
        (60, "31–60"),
        (61, "61–90"),
        (90, "61–90"),
        (91, "90+"),
        (400, "90+"),
    ],
)
def test_an_unpaid_invoice_is_in_the_bucket_of_its_days_past_due(days_late, bucket):
    invoice = issued(amount="100.00")
    report = receivables(invoice.due_on + dt.timedelta(days=days_late))
    (row,) = report.rows
    expected = tuple(D("100.00") if name == bucket else D("0") for name in BUCKETS)
    assert (row.company, row.amounts, row.total) == (invoice.company.name, expected, D("100.00"))


def test_receivables_count_what_is_still_owed_per_company_with_a_totals_row():
    today = timezone.localdate()
    lévis = CompanyFactory(name="A Plastiques Lévis", period=False)
    beauce = CompanyFactory(name="B Moules Beauce", period=False)
    partly_paid = issued(lévis, "100.00", on=today - dt.timedelta(days=60))  # 30 days late
    pay(partly_paid, "40.00")
    credited = issued(lévis, "200.00")  # not due yet
    credit_note_issue(invoice=credited, amount=D("50.00"), reason="Rabais", by=None)
    pay(issued(lévis, "300.00"), "300.00")  # paid: owes nothing
    InvoiceLineFactory(invoice__company=lévis, amount=D("999.00"))  # a draft owes nothing
    issued(beauce, "70.00", on=today - dt.timedelta(days=200))

    report = receivables(today)

    assert [(row.company, row.amounts, row.total) for row in report.rows] == [
        (lévis.name, (D("150.00"), D("60.00"), 0, 0, 0), D("210.00")),
        (beauce.name, (0, 0, 0, 0, D("70.00")), D("70.00")),
    ]
    assert report.totals.amounts == (D("150.00"), D("60.00"), 0, 0, D("70.00"))
    assert report.totals.total == D("280.00")


def test_the_receivables_page_shows_the_buckets_and_links_to_each_companys_invoices(
    staff_client,
):
    invoice = issued(CompanyFactory(name="Plastiques Lévis", period=False), "1234.50")
    page = staff_client.get(f"{INVOICES}receivables/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Receivables by age" in text and "Over 90 days" in text
    assert "Plastiques Lévis" in text and "1,234.50" in text
    assert f"?company__id__exact={invoice.company_id}&amp;balance=unpaid" in text


# --- Revenue -----------------------------------------------------------------------------


def test_revenue_per_year_and_category_takes_credit_notes_off_their_invoices_category():
    today = timezone.localdate()
    last_year = dt.date(today.year - 1, 6, 1)
    regular = MembershipCategoryFactory(name_fr="Régulier", position=1, taxable=True)
    associate = MembershipCategoryFactory(name_fr="Associé", position=2, taxable=True)

    def period_invoice(category, fee, on=None):
        period = MembershipFactory(category=category, fee=D(fee))
        return invoice_issue(invoice=invoice_for_period(membership=period), by=None, today=on)

    first = period_invoice(regular, "100.00")
    period_invoice(associate, "200.00")
    issued(amount="50.00", taxable=True)  # no membership: "Other"
    credit_note_issue(invoice=first, amount=D("20.00"), reason="Rabais", by=None)
    old = period_invoice(regular, "300.00", on=last_year)
    pay(first, "50.00")
    pay(old, "10.00", on=last_year)
    pay(old, "20.00")  # counted in the year received

    report = revenue()

    assert report.categories == ("Régulier", "Associé", "Autre")
    this, before = report.years
    assert (this.year, before.year) == (today.year, today.year - 1)
    assert this.by_category == (D("80.00"), D("200.00"), D("50.00"))
    gst = sum(taxes(D(amount))[0] for amount in ("100", "200", "50")) - taxes(D("20"))[0]
    qst = sum(taxes(D(amount))[1] for amount in ("100", "200", "50")) - taxes(D("20"))[1]
    assert (this.subtotal, this.gst, this.qst) == (D("330.00"), gst, qst)
    assert this.total == this.subtotal + gst + qst
    assert this.received == D("70.00")
    assert before.by_category == (D("300.00"), 0, 0)
    assert (before.subtotal, before.received) == (D("300.00"), D("10.00"))
    one_year = revenue(year=today.year - 1)
    assert one_year.categories == ("Régulier",)  # only what the year has
    assert [(y.year, y.by_category, y.total) for y in one_year.years] == [
        (before.year, (D("300.00"),), before.total)
    ]


def test_a_credit_note_on_an_invoice_of_two_categories_is_shared_between_them():
    regular = MembershipCategoryFactory(name_fr="Régulier", position=1)
    associate = MembershipCategoryFactory(name_fr="Associé", position=2)
    line = InvoiceLineFactory(amount=D("100.00"), membership=MembershipFactory(category=regular))
    InvoiceLineFactory(
        invoice=line.invoice, amount=D("200.00"), membership=MembershipFactory(category=associate)
    )
    invoice = invoice_issue(invoice=line.invoice, by=None)
    credit_note_issue(invoice=invoice, amount=D("100.00"), reason="Rabais", by=None)

    (year,) = revenue().years

    assert year.by_category == (D("66.67"), D("133.33"))  # the cent goes to the last
    assert sum(year.by_category) == year.subtotal == D("200.00")


def test_the_revenue_page_lists_each_year_with_its_exports(staff_client):
    issued(amount="100.00")
    page = staff_client.get(f"{INVOICES}revenue/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    year = timezone.localdate().year
    assert "Payments received" in page
    for url in ("invoices.csv", "invoices.xlsx", "payments.csv", "payments.xlsx"):
        assert f"{INVOICES}export/{url}?year={year}" in page
    changelist = staff_client.get(INVOICES, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"{INVOICES}receivables/" in changelist and f"{INVOICES}revenue/" in changelist


# --- Exports -----------------------------------------------------------------------------


@pytest.fixture
def books():
    """This year: an invoice of 100 $ plus taxes, partly paid and corrected by a credit
    note of 20 $; last year: one paid."""
    today = timezone.localdate()
    company = CompanyFactory(name="Plastiques Lévis", legal_name="Plastiques Lévis inc.")
    invoice = issued(company, "100.00", taxable=True)
    pay(invoice, "50.00")
    note = credit_note_issue(invoice=invoice, amount=D("20.00"), reason="Rabais", by=None)
    old = issued(company, "40.00", on=dt.date(today.year - 1, 3, 1))
    pay(old, "40.00", on=dt.date(today.year - 1, 3, 15))
    return {"invoice": invoice, "note": note, "old": old, "year": today.year}


def _csv(response) -> list[dict]:
    content = response.content
    assert content.startswith("\ufeff".encode())  # Excel reads the accents as UTF-8
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_invoices_of_a_year_as_csv_with_each_tax_and_credit_notes_negative(staff_client, books):
    response = staff_client.get(
        f"{INVOICES}export/invoices.csv?year={books['year']}", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="invoices-{books["year"]}.csv"' in response["Content-Disposition"]
    invoice, note = _csv(response)
    assert list(invoice) == [
        "Number",
        "Kind",
        "Corrects invoice",
        "Issued on",
        "Due on",
        "Buyer",
        "Subtotal",
        "GST",
        "QST",
        "Total",
        "Amount paid",
        "Balance",
        "Status",
    ]
    assert invoice["Number"] == books["invoice"].number and invoice["Kind"] == "Invoice"
    assert invoice["Buyer"] == "Plastiques Lévis inc."
    assert invoice["Issued on"] == books["invoice"].issued_on.isoformat()
    assert [invoice[c] for c in ("Subtotal", "GST", "QST", "Total", "Amount paid", "Balance")] == [
        "100.00",
        "5.00",
        "9.98",
        "114.98",
        "50.00",
        "41.98",  # 114.98 less 50.00 paid, less the credit note's 23.00
    ]
    assert invoice["Status"] == "Partly paid"
    assert (note["Kind"], note["Corrects invoice"]) == ("Credit note", books["invoice"].number)
    assert [note[c] for c in ("Subtotal", "GST", "QST", "Total", "Amount paid", "Balance")] == [
        "-20.00",
        "-1.00",
        "-2.00",
        "-23.00",
        "0.00",
        "0.00",
    ]


def test_french_staff_get_french_headers_and_file_names(staff_client, books):
    response = staff_client.get(f"{INVOICES}export/invoices.csv?year={books['year']}")
    assert f'filename="factures-{books["year"]}.csv"' in response["Content-Disposition"]
    assert "Numéro" in _csv(response)[0]


def test_the_payments_of_a_year_as_xlsx_have_numbers_and_dates_in_their_cells(staff_client, books):
    last_year = books["year"] - 1
    response = staff_client.get(
        f"{INVOICES}export/payments.xlsx?year={last_year}", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert f'filename="payments-{last_year}.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert header == (
        "Received on",
        "Invoice",
        "Buyer",
        "Amount",
        "Method",
        "Reference",
        "Recorded by",
    )
    ((received, *rest),) = rows
    assert received.date() == dt.date(last_year, 3, 15)  # a date cell
    assert rest == [books["old"].number, "Plastiques Lévis inc.", 40, "Other", None, None]
    assert sheet["D2"].data_type == "n"


def test_the_invoices_as_xlsx_have_numeric_amounts_that_add_up(staff_client, books):
    response = staff_client.get(f"{INVOICES}export/invoices.xlsx", HTTP_ACCEPT_LANGUAGE="en")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert len(rows) == 3  # every year
    subtotal = header.index("Subtotal")
    assert all(isinstance(row[subtotal], int | float) for row in rows)
    assert sum(row[subtotal] for row in rows) == pytest.approx(120.00)  # 40 + 100 - 20


def test_the_selected_invoices_are_exported_by_an_action(staff_client, books):
    response = staff_client.post(
        f"{INVOICES}?balance=unpaid",
        {"action": "export_csv", "_selected_action": [books["invoice"].pk, books["old"].pk]},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert [row["Number"] for row in _csv(response)] == [books["invoice"].number]  # old is paid


def test_drafts_are_not_exported():
    InvoiceLineFactory()
    with translation.override("en"):
        assert invoice_rows(Invoice.objects.all()).height == 0


# --- Queries -----------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        f"{INVOICES}receivables/",
        f"{INVOICES}revenue/",
        f"{INVOICES}export/invoices.csv",
        f"{INVOICES}export/payments.xlsx",
    ],
)
def test_reports_and_exports_take_as_many_queries_for_3_invoices_as_for_10(staff_client, url):
    def some(n):
        for _ in range(n):
            category = MembershipCategoryFactory(name_fr=f"Catégorie {Invoice.objects.count()}")
            invoice = invoice_issue(
                invoice=invoice_for_period(membership=MembershipFactory(category=category)),
                by=None,
            )
            pay(invoice, "100.00")
            credit_note_issue(invoice=invoice, amount=D("10.00"), reason="Rabais", by=None)

    some(3)
    staff_client.get(url)  # the session and the like, read once
    few = _queries(staff_client, url)
    some(7)
    assert _queries(staff_client, url) == few


# --- Who may see them ------------------------------------------------------------------------

PAGES = (
    f"{INVOICES}receivables/",
    f"{INVOICES}revenue/",
    f"{INVOICES}export/invoices.csv?year=2027",
    f"{INVOICES}export/invoices.xlsx",
    f"{INVOICES}export/payments.csv",
    f"{INVOICES}export/payments.xlsx?year=2027",
)


@pytest.mark.parametrize("url", PAGES)
def test_staff_who_may_not_see_invoices_are_refused(client, url):
    clerk = StaffFactory(is_superuser=False)
    clerk.user_permissions.set(Permission.objects.filter(codename="view_payment"))
    log_in(client, clerk)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_payments_are_exported_only_to_staff_who_may_see_payments(client):
    clerk = StaffFactory(is_superuser=False)
    clerk.user_permissions.set(Permission.objects.filter(codename="view_invoice"))
    log_in(client, clerk)
    assert client.get(f"{INVOICES}export/invoices.csv").status_code == 200
    assert client.get(f"{INVOICES}export/payments.csv").status_code == 403
    assert "payments.csv" not in client.get(f"{INVOICES}revenue/").content.decode()


def test_an_unknown_format_or_year_is_not_found(staff_client):
    assert staff_client.get(f"{INVOICES}export/invoices.pdf").status_code == 404
    assert staff_client.get(f"{INVOICES}export/invoices.csv?year=next").status_code == 404
