"""Applying to join, and staff deciding in the admin."""

import pytest
from django.core import mail
from django.utils import timezone

from alliance.models import OutgoingEmail
from members.models import Application, Company, Membership, Person
from tests.factories import CompanyFactory, MembershipCategoryFactory, ProcessFactory, log_in

pytestmark = pytest.mark.django_db
JOIN = "/fr/adhesion/"


@pytest.fixture
def category():
    return MembershipCategoryFactory()


@pytest.fixture
def form_data(category):
    process = ProcessFactory(slug="extrusion", name_fr="Extrusion")
    return {
        "company_name": "Extrusions Imaginaires inc.",
        "legal_name": "9999-0000 Québec inc.",
        "neq": "1171234567",
        "website": "extrusions.example",
        "street_address": "100, rue des Essais",
        "city": "Lévis",
        "postal_code": "g6v6z3",
        "province": "QC",
        "region": "12",
        "description": "Extrusion de profilés en PVC.",
        "processes": [str(process.pk)],
        "category": str(category.pk),
        "first_name": "Sam",
        "last_name": "Bélanger",
        "email": "sam@extrusions.example",
        "consent": "on",
        "fax": "",
    }


def test_form_page_in_both_languages(client, category):
    assert "Membre manufacturier" in client.get(JOIN).content.decode()
    english = client.get("/en/join/")
    assert english.status_code == 200
    assert "Manufacturer member" in english.content.decode()


def test_application_is_saved_and_staff_told(client, form_data, settings):
    settings.MEMBERSHIP_STAFF_EMAILS = ["adhesions@alliance.example"]
    response = client.post(JOIN, form_data)
    assert response.status_code == 302
    assert response["Location"] == "/fr/adhesion/merci/"
    application = Application.objects.get()
    assert application.decision == Application.Decision.PENDING
    assert application.neq == "1171234567"
    assert application.postal_code == "G6V 6Z3"
    assert application.website == "https://extrusions.example"
    assert application.language == "fr"
    assert application.consented_at is not None
    assert list(application.processes.values_list("slug", flat=True)) == ["extrusion"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["adhesions@alliance.example"]
    assert "Extrusions Imaginaires inc." in mail.outbox[0].subject
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def test_english_applicant_recorded_in_english(client, form_data):
    client.post("/en/join/", form_data)
    assert Application.objects.get().language == "en"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("neq", "123", "10 chiffres"),
        ("neq", "9912345678", "10 chiffres"),
        ("postal_code", "12345", "code postal canadien"),
        ("email", "pas-un-courriel", "courriel"),
        ("consent", "", "politique de confidentialité"),
    ],
)
def test_bad_input_gets_a_translated_message_and_nothing_saved(
    client, form_data, field, value, message
):
    form_data[field] = value
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("field", ["company_name", "city", "first_name", "job_title"])
@pytest.mark.parametrize("value", ["Extrusions\r\nBcc: x@spam.example", "Extru\rsions", "A\u2028B"])
def test_a_line_break_in_a_single_line_field_is_refused(client, form_data, field, value):
    form_data[field] = value
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert "sur une seule ligne" in response.content.decode()
    assert not Application.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(("field", "limit"), [("description", 2000), ("fax", 200)])
def test_a_text_over_its_limit_is_refused(client, form_data, field, limit):
    form_data[field] = "a" * (limit + 1)
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert f"au plus {limit} caractères" in response.content.decode()
    assert not Application.objects.exists()


def test_a_mail_server_down_does_not_lose_or_refuse_the_application(
    client, form_data, staff, mail_server_down, settings
):
    settings.MEMBERSHIP_STAFF_EMAILS = ["adhesions@alliance.example"]
    response = client.post(JOIN, form_data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/fr/adhesion/merci/"
    assert Application.objects.count() == 1
    # Staff's email waits in the outbox for the mail server.
    (waiting,) = OutgoingEmail.objects.all()
    assert waiting.status == OutgoingEmail.Status.QUEUED
    assert waiting.recipients == "adhesions@alliance.example"
    assert "Extrusions Imaginaires inc." in waiting.subject
    assert waiting.last_error.startswith("SMTPServerDisconnected")
    assert not mail.outbox
    # Trying again is refused as a duplicate: the first one is in, once.
    assert client.post(JOIN, form_data).status_code == 400
    assert Application.objects.count() == 1
    log_in(client, staff)
    pending = client.get("/admin/members/application/")
    assert "Extrusions Imaginaires inc." in pending.content.decode()


def test_existing_member_detected_by_neq_or_name(client, form_data):
    CompanyFactory(name="Autre nom", neq="1171234567")
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert "Cette entreprise figure déjà dans nos dossiers de membres" in response.content.decode()

    form_data["neq"] = ""
    CompanyFactory(name="EXTRUSIONS imaginaires INC")
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert "Cette entreprise figure déjà dans nos dossiers de membres" in response.content.decode()
    assert not Application.objects.exists()


def test_second_application_for_the_same_company_is_refused(client, form_data):
    assert client.post(JOIN, form_data).status_code == 302
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert "pour cette entreprise est déjà à l’étude" in response.content.decode()
    assert Application.objects.count() == 1


def test_honeypot_filled_is_refused_with_a_message(client, form_data):
    form_data["fax"] = "418 555-0100"
    response = client.post(JOIN, form_data)
    assert response.status_code == 400
    assert "automatiquement" in response.content.decode()
    assert not Application.objects.exists()
    assert not mail.outbox


def test_rate_limited_after_five_submissions_an_hour(client, form_data):
    for n in range(5):
        form_data["company_name"] = f"Firme {n}"
        form_data["neq"] = f"117123456{n}"
        client.post(JOIN, form_data)
    form_data["company_name"] = "Firme 6"
    form_data["neq"] = "1171234569"
    response = client.post(JOIN, form_data)
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert Application.objects.count() == 5


# --- Staff decide --------------------------------------------------------------------


@pytest.fixture
def application(client, form_data):
    client.post("/en/join/", form_data)
    mail.outbox.clear()
    return Application.objects.get()


def change_url(application):
    return f"/admin/members/application/{application.pk}/change/"


def test_approval_creates_company_period_and_contact(staff_client, application):
    response = staff_client.post(change_url(application), {"rejection_reason": "", "_approve": "1"})
    company = Company.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/members/company/{company.pk}/change/"
    assert company.name == "Extrusions Imaginaires inc."
    assert company.neq == "1171234567"
    assert company.description_en == "Extrusion de profilés en PVC."  # as written, in English slot
    assert list(company.processes.values_list("slug", flat=True)) == ["extrusion"]
    period = Membership.objects.get()
    assert period.company == company and period.fee == application.category.annual_fee
    person = Person.objects.get()
    assert (person.email, person.role, person.preferred_language) == (
        "sam@extrusions.example",
        Person.Role.ADMIN,
        "en",
    )
    assert Company.objects.in_directory().filter(pk=company.pk).exists()
    application.refresh_from_db()
    assert application.decision == Application.Decision.APPROVED
    assert application.company == company
    # The applicant applied in English: the welcome is in English.
    invitation, welcome = mail.outbox
    assert welcome.to == invitation.to == ["sam@extrusions.example"]
    assert "Welcome" in welcome.subject
    assert f"/en/members/{company.slug}/" in welcome.body
    # The contact person is invited to the member area, as its administrator, in English.
    assert "member area" in invitation.subject and "/en/invitation/" in invitation.body
    assert company.invitations.get().role == Person.Role.ADMIN


def test_rejection_needs_a_reason_and_sends_it(staff_client, application):
    response = staff_client.post(
        change_url(application), {"rejection_reason": "", "_reject": "1"}, follow=True
    )
    assert "Indiquez à la personne requérante le motif du refus." in response.content.decode()
    application.refresh_from_db()
    assert application.decision == Application.Decision.PENDING
    assert not mail.outbox

    staff_client.post(
        change_url(application),
        {"rejection_reason": "Entreprise hors secteur.", "_reject": "1"},
    )
    application.refresh_from_db()
    assert application.decision == Application.Decision.REJECTED
    assert not Company.objects.exists()
    assert "Entreprise hors secteur." in mail.outbox[0].body


def test_approving_twice_creates_nothing_more(staff_client, application):
    staff_client.post(change_url(application), {"_approve": "1"})
    staff_client.post(change_url(application), {"_approve": "1"})
    assert Company.objects.count() == 1
    assert Membership.objects.count() == 1


def test_approval_of_a_duplicate_is_refused_whole(staff_client, application):
    CompanyFactory(name="Créée entre-temps", neq="1171234567")
    response = staff_client.post(change_url(application), {"_approve": "1"}, follow=True)
    assert "existe déjà" in response.content.decode()
    assert Company.objects.count() == 1
    assert Membership.objects.count() == 1  # the factory's own period only
    assert not Person.objects.exists()
    application.refresh_from_db()
    assert application.decision == Application.Decision.PENDING


def test_approval_of_an_archived_company_says_where_to_find_it(staff_client, application):
    """The company list hides archived companies: staff are told to look in the archive."""
    CompanyFactory(name="Extrusions Imaginaires inc.", archived_at=timezone.now())
    response = staff_client.post(change_url(application), {"_approve": "1"}, follow=True)
    assert "est archivée" in response.content.decode()
    assert Company.objects.count() == 1
    application.refresh_from_db()
    assert application.decision == Application.Decision.PENDING


def test_a_legacy_name_with_a_carriage_return_is_approved_with_clean_subjects(
    staff_client, application
):
    Application.objects.filter(pk=application.pk).update(
        company_name="Extrusions\rImaginaires inc."
    )
    response = staff_client.post(change_url(application), {"_approve": "1"})
    assert response.status_code == 302
    company = Company.objects.get()
    invitation, _welcome = mail.outbox
    assert invitation.subject == (
        "[Alliance Polymères Québec] Your access to the member area for Extrusions Imaginaires inc."
    )
    assert "/en/invitation/" in invitation.body
    assert all("\r" not in m.subject and "\n" not in m.subject for m in mail.outbox)
    assert company.invitations.get().role == Person.Role.ADMIN


def test_approval_with_the_mail_server_down_is_made_and_its_emails_wait(
    staff_client, application, mail_server_down
):
    response = staff_client.post(change_url(application), {"_approve": "1"}, follow=True)
    assert response.status_code == 200
    assert "pas été approuvée" not in response.content.decode()
    company = Company.objects.get()
    assert Person.objects.get().company == company
    application.refresh_from_db()
    assert application.decision == Application.Decision.APPROVED
    assert company.invitations.count() == 1
    # The invitation and the welcome wait for the mail server, none lost.
    waiting = OutgoingEmail.objects.exclude(subject__contains="Nouvelle demande")
    assert sorted(waiting.values_list("recipients", "status")) == [
        ("sam@extrusions.example", OutgoingEmail.Status.QUEUED),
        ("sam@extrusions.example", OutgoingEmail.Status.QUEUED),
    ]
    assert any("member area" in email.subject for email in waiting)
    assert all(email.last_error.startswith("SMTPServerDisconnected") for email in waiting)
    assert not mail.outbox


def test_a_rejection_with_the_mail_server_down_is_made_and_its_email_waits(
    staff_client, application, mail_server_down
):
    response = staff_client.post(
        change_url(application), {"rejection_reason": "Hors secteur.", "_reject": "1"}, follow=True
    )
    assert response.status_code == 200
    assert "toujours en attente" not in response.content.decode()
    application.refresh_from_db()
    assert application.decision == Application.Decision.REJECTED
    (waiting,) = OutgoingEmail.objects.filter(recipients="sam@extrusions.example")
    assert waiting.status == OutgoingEmail.Status.QUEUED
    assert waiting.last_error.startswith("SMTPServerDisconnected")
    assert not mail.outbox
