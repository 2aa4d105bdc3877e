"""No data lost by a click: companies are archived rather than deleted, deletions that would
take records with them are refused, and committees keep a history."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from members.models import Committee, Company, Invitation, Membership, Seat
from tests.admin_forms import submitted
from tests.client import Client
from tests.factories import (
    ArticleFactory,
    CompanyFactory,
    DocumentFactory,
    InvitationFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    SeatFactory,
    UserFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/members/company/"
SECRET = "Prix de la résine au prochain trimestre"


def member_of(company) -> Client:
    user = UserFactory()
    PersonFactory(company=company, user=user, email=user.email)
    client = Client()
    client.force_login(user)
    return client


def listed(response) -> list[str]:
    return [company.name for company in response.context["cl"].result_list]


def test_archiving_takes_a_company_out_of_sight_and_restoring_brings_it_back(staff_client):
    client = Client()  # a visitor (``staff_client`` is the ``client`` fixture, logged in)
    company = CompanyFactory(name="Moules Archivés inc.")
    member = member_of(company)
    article = ArticleFactory(body_fr=f"<p>{SECRET}</p>", members_only=True)
    invitation = InvitationFactory(company=company, email="nouveau@exemple.qc.ca")
    assert SECRET in member.get(article.get_absolute_url()).content.decode()
    # Where it shows before it is archived.
    shown = {
        "/fr/membres/": "Moules Archivés",
        "/fr/membres/?q=archives": "Moules Archivés",
        "/sitemap.xml": company.slug,
    }
    for url, text in shown.items():
        assert text in client.get(url).content.decode(), url
    assert "Moules Archivés" in member.get("/fr/espace-membre/").content.decode()

    response = staff_client.post(
        CHANGELIST, {"action": "archive", "_selected_action": [company.pk]}, follow=True
    )

    assert "1 entreprise archivée" in response.content.decode()
    gone = client.get(company.get_absolute_url())
    assert gone.status_code == 404 and "Page introuvable" in gone.content.decode()
    for url, text in shown.items():
        page = client.get(url)
        assert page.status_code == 200, url
        assert text not in page.content.decode(), url
    assert "<h1>Répertoire des membres</h1>" in client.get("/fr/membres/").content.decode()
    members_only = member.get(article.get_absolute_url()).content.decode()
    assert SECRET not in members_only and "Cet article est réservé aux membres" in members_only
    dashboard = member.get("/fr/espace-membre/").content.decode()
    assert "<h1>Espace membre</h1>" in dashboard and "Moules Archivés" not in dashboard
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    # Staff see it only when they ask for the archive; its records are all there.
    assert "Moules Archivés inc." not in listed(staff_client.get(CHANGELIST, {"status": "all"}))
    assert listed(staff_client.get(CHANGELIST, {"archived": "yes", "status": "all"})) == [
        "Moules Archivés inc."
    ]
    assert Membership.objects.filter(company=company).count() == 1
    assert company.people.count() == 1

    response = staff_client.post(
        f"{CHANGELIST}?archived=yes&status=all",
        {"action": "restore", "_selected_action": [company.pk]},
        follow=True,
    )

    assert "1 entreprise restaurée" in response.content.decode()
    back = client.get(company.get_absolute_url())
    assert back.status_code == 200 and "<h1>Moules Archivés inc.</h1>" in back.content.decode()
    assert "Moules Archivés" in client.get("/fr/membres/").content.decode()
    assert SECRET in member.get(article.get_absolute_url()).content.decode()


def test_an_archived_company_page_tells_staff_it_is_archived(staff_client):
    company = CompanyFactory(archived_at=timezone.now())

    page = staff_client.get(company.get_absolute_url()).content.decode()
    change = staff_client.get(f"{CHANGELIST}{company.pk}/change/").content.decode()

    assert "Cette entreprise est archivée" in page
    assert "Cette entreprise est archivée depuis" in change


def test_deleting_a_company_with_periods_is_refused_with_what_to_do_instead(staff_client):
    company = CompanyFactory(name="Plastiques Gardées")
    PersonFactory(company=company)
    url = f"{CHANGELIST}{company.pk}/delete/"

    page = staff_client.get(url, follow=True)
    posted = staff_client.post(url, {"post": "yes"}, follow=True)

    for response in (page, posted):
        assert response.status_code == 200
        html = response.content.decode()
        assert "Impossible de supprimer «\u00a0Plastiques Gardées\u00a0»\u00a0:" in html
        assert "1 période d’adhésion" in html
        assert "Archivez-la plutôt" in html
    assert Company.objects.filter(pk=company.pk).exists()
    assert company.memberships.count() == 1 and company.people.count() == 1


def test_a_paid_period_cannot_be_deleted_from_the_company_form_an_unpaid_one_can(staff_client):
    company = CompanyFactory(name="Plastiques Payées", period=False)
    today = timezone.localdate()
    paid = MembershipFactory(company=company, paid_on=today - dt.timedelta(days=90))
    unpaid = MembershipFactory(
        company=company,
        start=paid.end + dt.timedelta(days=1),
        end=paid.end.replace(year=paid.end.year + 1),
    )
    url = f"{CHANGELIST}{company.pk}/change/"
    shown = staff_client.get(url)
    rows = {
        form.instance.pk: form.prefix
        for inline in shown.context["inline_admin_formsets"]
        for form in inline.formset.forms
        if isinstance(form.instance, Membership)
    }

    refused = staff_client.post(url, submitted(shown, **{f"{rows[paid.pk]}-DELETE": "on"}))

    assert refused.status_code == 200
    assert "Une période d’adhésion payée ne peut pas être supprimée" in refused.content.decode()
    assert Membership.objects.filter(pk=paid.pk).exists()

    allowed = staff_client.post(url, submitted(shown, **{f"{rows[unpaid.pk]}-DELETE": "on"}))

    assert allowed.status_code == 302
    assert list(company.memberships.all()) == [paid]


def test_the_bulk_delete_action_refuses_too_and_never_errors(staff_client):
    kept = CompanyFactory(name="Avec historique")
    empty = CompanyFactory(name="Créée par erreur", period=False)

    response = staff_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [kept.pk, empty.pk], "post": "yes"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Archivez-la plutôt" in response.content.decode()
    assert Company.objects.filter(pk__in=[kept.pk, empty.pk]).count() == 2
    # A company with no record to lose can still be deleted.
    staff_client.post(
        f"{CHANGELIST}?archived=all&status=all",
        {"action": "delete_selected", "_selected_action": [empty.pk], "post": "yes"},
    )
    assert not Company.objects.filter(pk=empty.pk).exists()
    # It was never edited in the admin, yet it can be recovered.
    assert "Créée par erreur" in staff_client.get(f"{CHANGELIST}recover/").content.decode()


@pytest.fixture
def committee():
    call_command("seed_reference", stdout=io.StringIO())
    committee = Committee.objects.get(axis="sales")
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email)
    SeatFactory(committee=committee, person=person, role=Seat.Role.MEMBER)
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now())
    DocumentFactory(meeting=meeting, title_fr="Procès-verbal", file__filename="pv.pdf")
    return committee


def test_deleting_a_committee_with_seats_meetings_and_documents_is_refused(staff_client, committee):
    url = f"/admin/members/committee/{committee.pk}/delete/"
    meeting = committee.meetings.get()

    for response in (
        staff_client.post(url, {"post": "yes"}, follow=True),
        staff_client.post(
            "/admin/members/committee/",
            {"action": "delete_selected", "_selected_action": [committee.pk], "post": "yes"},
            follow=True,
        ),
        staff_client.post(
            f"/admin/members/meeting/{meeting.pk}/delete/", {"post": "yes"}, follow=True
        ),
    ):
        assert response.status_code == 200
        assert "Impossible de supprimer" in response.content.decode()

    assert committee.seats.count() == committee.meetings.count() == 1
    document = committee.documents.get()
    assert document.file.storage.exists(document.file.name)


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        ("committee", "mandate_fr", "Un nouveau mandat."),
        ("meeting", "place", "Salle du conseil, Lévis"),
        ("seat", "end", "2099-12-31"),
        ("document", "title_fr", "Procès-verbal adopté"),
    ],
)
def test_editing_committees_meetings_seats_and_documents_is_kept_in_their_history(
    staff_client, committee, model, field, value
):
    obj = {
        "committee": committee,
        "meeting": committee.meetings.first(),
        "seat": committee.seats.first(),
        "document": committee.documents.first(),
    }[model]
    url = f"/admin/members/{model}/{obj.pk}/change/"

    response = staff_client.post(url, submitted(staff_client.get(url), **{field: value}))

    assert response.status_code == 302, response.context and response.context["errors"]
    history = staff_client.get(f"/admin/members/{model}/{obj.pk}/history/").content.decode()
    assert f"/admin/members/{model}/{obj.pk}/history/" in history
    assert Version.objects.get_for_object(obj).count() == 1
    revision_url = Version.objects.get_for_object(obj).get().pk
    assert f"/history/{revision_url}/" in history


def test_a_company_recovered_from_the_history_gets_its_logo_back(
    staff_client, django_capture_on_commit_callbacks
):
    company = CompanyFactory(name="Logo Gardé", period=False, logo=image_upload("logo.png"))
    logo = company.logo.name

    staff_client.post(f"{CHANGELIST}{company.pk}/delete/", {"post": "yes"})
    version = Version.objects.get_deleted(Company).get()
    form = staff_client.get(f"{CHANGELIST}recover/{version.pk}/")
    response = staff_client.post(f"{CHANGELIST}recover/{version.pk}/", submitted(form))

    assert response.status_code == 302
    recovered = Company.objects.get()
    assert recovered.logo.name == logo and recovered.logo.storage.exists(logo)


@pytest.mark.parametrize(
    ("url", "advice"),
    [
        ("/admin/members/membershipcategory/{category}/delete/", "Décochez plutôt"),
        ("/admin/news/category/{news_category}/delete/", "Déplacez d’abord ses articles"),
    ],
)
def test_deleting_a_category_still_in_use_says_what_to_do_instead(staff_client, url, advice):
    membership = Membership.objects.get(company=CompanyFactory())
    article = ArticleFactory()

    response = staff_client.post(
        url.format(category=membership.category_id, news_category=article.category_id),
        {"post": "yes"},
        follow=True,
    )

    assert response.status_code == 200
    assert advice in response.content.decode()
    membership.refresh_from_db()
    article.refresh_from_db()


def test_an_archived_company_gets_no_renewal_reminder(
    staff_client, settings, django_capture_on_commit_callbacks
):
    settings.MEMBERSHIP_REMINDER_DAYS = 30
    today = timezone.localdate()
    ending = (today - dt.timedelta(days=340), today + dt.timedelta(days=24))
    company = CompanyFactory(period=ending)
    PersonFactory(company=company, email="admin@exemple.qc.ca")
    # The same period, not archived: it is reminded.
    PersonFactory(company=CompanyFactory(period=ending), email="autre@exemple.qc.ca")
    staff_client.post(CHANGELIST, {"action": "archive", "_selected_action": [company.pk]})

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_renewal_reminders", stdout=io.StringIO())

    assert [message.to for message in mail.outbox] == [["autre@exemple.qc.ca"]]


def test_nobody_can_be_invited_to_an_archived_company(staff_client):
    """Archiving revoked its invitations; a new one would open a member area it no
    longer has."""
    company = CompanyFactory(archived_at=timezone.now())

    response = staff_client.post(
        "/admin/members/invitation/add/",
        {"company": company.pk, "email": "alex@exemple.qc.ca", "role": "admin", "language": "fr"},
    )

    assert response.status_code == 200
    assert "Cette entreprise est archivée" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox
