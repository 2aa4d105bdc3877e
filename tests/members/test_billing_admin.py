"""Staff run dues in the admin: issue drafts, read an issued invoice, record a payment in
one step (which extends the membership), and follow what is unpaid."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from members.models import Invoice, Payment
from members.services.billing import invoice_for_period, invoice_issue, payment_record
from tests.factories import CompanyFactory, MembershipFactory

pytestmark = pytest.mark.django_db
INVOICES = "/admin/members/invoice/"


@pytest.fixture
def period():
    return MembershipFactory(
        company=CompanyFactory(name="Plastiques Lévis", period=False), fee=Decimal("100.00")
    )


def test_staff_issue_a_draft_and_it_is_read_only_from_then_on(staff_client, period):
    draft = invoice_for_period(membership=period)
    response = staff_client.post(
        f"{INVOICES}?balance=draft",
        {"action": "issue", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "1 facture émise." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Invoice.Status.ISSUED and draft.total == Decimal("114.98")
    page = staff_client.get(f"{INVOICES}{draft.pk}/change/").content.decode()
    assert draft.number in page and "Enregistrer un paiement" in page
    assert 'name="_save"' not in page  # read, never edited
    refused = staff_client.post(f"{INVOICES}{draft.pk}/change/", {"reason": "changé"})
    assert refused.status_code == 403


def test_staff_record_a_cheque_in_one_step_and_the_period_is_paid(staff_client, period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    form = staff_client.get(f"{INVOICES}{invoice.pk}/pay/").content.decode()
    assert 'value="114.98"' in form  # the balance, ready to record
    today = timezone.localdate().isoformat()
    too_much = staff_client.post(
        f"{INVOICES}{invoice.pk}/pay/",
        {"amount": "200.00", "received_on": today, "method": "cheque", "reference": "501"},
    )
    assert too_much.status_code == 200
    assert "plus élevé que ce qui est dû (114,98 $)" in too_much.content.decode()
    assert not Payment.objects.exists()

    response = staff_client.post(
        f"{INVOICES}{invoice.pk}/pay/",
        {"amount": "114.98", "received_on": today, "method": "cheque", "reference": "502"},
        follow=True,
    )
    assert "Paiement de 114,98 $ enregistré" in response.content.decode()
    period.refresh_from_db()
    assert period.paid_on == timezone.localdate()
    assert staff_client.get(INVOICES).content.decode().count(invoice.number) == 0  # paid


def test_the_list_opens_on_what_is_unpaid_in_a_fixed_number_of_queries(staff_client):
    def unpaid(n):
        for _ in range(n):
            period = MembershipFactory(company=CompanyFactory(period=False), fee=Decimal("50.00"))
            invoice_issue(invoice=invoice_for_period(membership=period), by=None)

    unpaid(2)
    invoice_for_period(
        membership=MembershipFactory(company=CompanyFactory(period=False))
    )  # a draft
    staff_client.get(INVOICES)
    with CaptureQueriesContext(connection) as few:
        page = staff_client.get(INVOICES).content.decode()
    assert page.count("Émise") >= 2 and "Facture en préparation" not in page
    unpaid(5)
    with CaptureQueriesContext(connection) as more:
        page = staff_client.get(INVOICES).content.decode()
    assert page.count('class="action-select"') == 7
    assert len(more.captured_queries) == len(few.captured_queries)


def test_people_without_the_permission_cannot_record_a_payment(client, period):
    from members.testing import log_in
    from tests.factories import StaffFactory

    clerk = StaffFactory(is_superuser=False)
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    log_in(client, clerk)
    assert client.get(f"{INVOICES}{invoice.pk}/pay/").status_code == 403


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_an_issued_invoice_has_a_pdf_with_its_number_tax_numbers_and_totals(staff_client, period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    assert staff_client.get(f"{INVOICES}{invoice.pk}/change/").content.decode().count("/pdf/") == 1
    response = staff_client.get(f"{INVOICES}{invoice.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"facture-{invoice.number}.pdf" in response["Content-Disposition"]
    text = _pdf_text(response.content)
    for expected in (
        invoice.number,
        "123456789RT0001",
        "1234567890TQ0001",
        "Facture",
        "TPS",
        "TVQ",
    ):
        assert expected in text
    for amount in ("100,00", "5,00", "9,98", "114,98"):
        assert amount in text
    assert "Invoice" not in text  # a French company's invoice is in French


def test_an_english_companys_invoice_is_in_french_and_in_english(staff_client, period):
    from tests.factories import member

    member(period.company, preferred_language="en", role="admin")
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    assert invoice.language == "en"
    text = _pdf_text(staff_client.get(f"{INVOICES}{invoice.pk}/pdf/").content)
    assert "Facture" in text and "Invoice" in text
    assert text.index("Facture") < text.index("Invoice")  # French first


def test_a_draft_has_no_pdf(staff_client, period):
    draft = invoice_for_period(membership=period)
    assert staff_client.get(f"{INVOICES}{draft.pk}/pdf/").status_code == 404


def test_issuing_emails_the_invoice_and_its_pdf_to_who_receives_them(staff_client, period):
    from django.core import mail

    from tests.factories import PersonFactory, member

    member(period.company, role="admin")  # not emailed: someone receives the invoices
    accountant = PersonFactory(
        company=period.company,
        email="compta@plastiques-levis.example",
        preferred_language="en",
        receives_invoices=True,
    )
    draft = invoice_for_period(membership=period)
    staff_client.post(
        f"{INVOICES}?balance=draft", {"action": "issue", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert [message.to for message in mail.outbox] == [[accountant.email]]
    email = mail.outbox[0]
    assert email.subject.endswith(f"Invoice {draft.number}")
    assert "114.98 $ taxes included" in email.body
    ((name, content, mimetype),) = email.attachments
    assert (name, mimetype) == (f"facture-{draft.number}.pdf", "application/pdf")
    assert draft.number in _pdf_text(content)


def test_a_company_with_nobody_to_email_gets_its_invoice_issued_and_staff_are_told(
    staff_client, period
):
    from django.core import mail

    draft = invoice_for_period(membership=period)
    response = staff_client.post(
        f"{INVOICES}?balance=draft",
        {"action": "issue", "_selected_action": [draft.pk]},
        follow=True,
    )
    draft.refresh_from_db()
    assert draft.status == Invoice.Status.ISSUED and mail.outbox == []
    assert "n’a été envoyée à personne" in response.content.decode()


def test_payments_are_never_deleted_in_the_admin(staff_client, period):
    from tests.factories import PaymentFactory

    payment = PaymentFactory()
    assert (
        staff_client.post(
            f"/admin/members/payment/{payment.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Payment.objects.filter(pk=payment.pk).exists()


def test_staff_who_may_not_see_invoices_cannot_reach_the_payment_page(client, period):
    from django.contrib.auth.models import Permission

    from members.testing import log_in
    from tests.factories import StaffFactory

    clerk = StaffFactory(is_superuser=False)
    clerk.user_permissions.set(Permission.objects.filter(codename="add_payment"))
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    log_in(client, clerk)
    assert client.get(f"{INVOICES}{invoice.pk}/pay/").status_code == 403
    assert not Payment.objects.exists()


def test_staff_issue_a_credit_note_from_the_invoice(staff_client, period):
    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    too_much = staff_client.post(
        f"{INVOICES}{invoice.pk}/credit/", {"amount": "100.01", "reason": "Trop"}
    )
    assert "plus élevé que ce qui reste" in too_much.content.decode()
    response = staff_client.post(
        f"{INVOICES}{invoice.pk}/credit/", {"amount": "20.00", "reason": "Rabais"}, follow=True
    )
    note = Invoice.objects.get(kind=Invoice.Kind.CREDIT_NOTE)
    assert f"Note de crédit {note.number} émise." in response.content.decode()
    assert (note.credits, note.total) == (invoice, Decimal("23.00"))


def test_filtering_on_drafts_or_searching_looks_through_every_invoice(staff_client, period):
    draft = invoice_for_period(membership=period)
    assert (
        draft.pk
        and "Facture en préparation"
        in staff_client.get(f"{INVOICES}?status__exact=draft").content.decode()
    )
    paid = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    payment_record(
        invoice=paid, amount=paid.total, received_on=timezone.localdate(), method="other", by=None
    )
    assert paid.number in staff_client.get(f"{INVOICES}?q={paid.number}").content.decode()


def test_a_truncated_upload_is_still_refused_once_a_pdf_was_made(staff_client, period):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alliance.images import reencode
    from tests.factories import image_upload

    invoice = invoice_issue(invoice=invoice_for_period(membership=period), by=None)
    staff_client.get(f"{INVOICES}{invoice.pk}/pdf/")  # WeasyPrint loaded and used
    whole = image_upload().read()
    truncated = SimpleUploadedFile("coupe.png", whole[: len(whole) // 2], "image/png")
    with pytest.raises(ValidationError):
        reencode(truncated)
