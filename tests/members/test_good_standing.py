"""A member in good standing is not the same as a company in the directory: a company may
stay out of the public directory and keep every member right of its people."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from members.models import Company, Document, Person, Seat
from members.services.committees import meeting_send_notice
from tests.client import Client
from tests.factories import (
    ArticleFactory,
    CommitteeFactory,
    CompanyFactory,
    DocumentFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    StaffFactory,
    UserFactory,
    log_in,
)

pytestmark = pytest.mark.django_db
DIRECTORY = "/fr/membres/"
AREA = "/fr/espace-membre/"
SECRET = "Le texte réservé aux membres en règle"


@pytest.fixture
def hidden():
    """A member company that chose to stay out of the directory, with one person, who
    sits on a committee; and a company shown in the directory."""
    company = CompanyFactory(name="Plastiques Discrets", shown_in_directory=False)
    user = UserFactory()
    person = PersonFactory(company=company, user=user, email=user.email)
    seat = SeatFactory(person=person)
    return {
        "company": company,
        "user": user,
        "seat": seat,
        "shown": CompanyFactory(name="Plastiques Visibles"),
    }


def as_(user) -> Client:
    return log_in(Client(), user)


def test_a_hidden_company_is_out_of_the_directory_the_sitemap_and_its_page(client, hidden):
    company, shown = hidden["company"], hidden["shown"]
    response = client.get(DIRECTORY)
    assert [c.name for c in response.context["page_obj"].object_list] == ["Plastiques Visibles"]
    assert "1 entreprise membre." in response.content.decode()  # the counts agree
    assert "Plastiques Discrets" not in client.get(DIRECTORY, {"q": "discrets"}).content.decode()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/fr/membres/{shown.slug}/" in sitemap
    assert company.slug not in sitemap

    assert client.get(company.get_absolute_url()).status_code == 404
    # Its own people see it as the public does; staff see it, with their notice.
    assert as_(hidden["user"]).get(company.get_absolute_url()).status_code == 404
    staff_view = as_(StaffFactory()).get(company.get_absolute_url())
    assert staff_view.status_code == 200
    assert "pas dans le répertoire public" in staff_view.content.decode()

    assert list(Company.objects.in_good_standing()) == [company, shown]
    assert list(Company.objects.in_directory()) == [shown]


def test_the_people_of_a_hidden_company_keep_their_member_access(hidden):
    client = as_(hidden["user"])
    committee = hidden["seat"].committee

    article = ArticleFactory(body_fr=f"<p>{SECRET}</p>", members_only=True)
    assert SECRET in client.get(article.get_absolute_url()).content.decode()
    assert SECRET not in Client().get(article.get_absolute_url()).content.decode()

    PersonFactory(
        company=hidden["shown"],
        email="reservee@visibles.example",
        visibility=Person.Visibility.MEMBERS,
    )
    assert "reservee@visibles.example" in (
        client.get(hidden["shown"].get_absolute_url()).content.decode()
    )

    meeting = MeetingFactory(committee=committee, agenda_fr="<p>Bilan des ventes</p>")
    minutes = DocumentFactory(committee=committee, title_fr="Procès-verbal du comité")
    members_doc = DocumentFactory(committee=committee, access=Document.Access.MEMBERS)
    page = client.get(f"{AREA}comites/").content.decode()
    assert "Bilan des ventes" in page and "Procès-verbal du comité" in page
    for doc in (minutes, members_doc):
        response = client.get(doc.get_absolute_url())
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    ics = client.get(f"{AREA}comites/reunions/{meeting.pk}.ics")
    assert ics.status_code == 200 and "Bilan des ventes" in ics.content.decode()

    # It may still be given a seat, and its administrator still manages its profile.
    Seat(committee=CommitteeFactory(), person=hidden["seat"].person).full_clean()
    profile = client.get(f"{AREA}entreprises/{hidden['company'].slug}/").content.decode()
    assert "Enregistrer le profil" in profile


def test_the_people_of_a_hidden_company_still_get_meeting_notices(
    hidden, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(committee=hidden["seat"].committee)
    with django_capture_on_commit_callbacks(execute=True):
        sent, failed = meeting_send_notice(meeting=meeting)
    assert (sent, failed) == (1, [])
    assert [message.to for message in mail.outbox] == [[hidden["user"].email]]


def test_the_administrators_choose_in_the_member_area_whether_the_company_is_shown(hidden):
    company = hidden["company"]
    client = as_(hidden["user"])
    url = f"{AREA}entreprises/{company.slug}/"
    form = client.get(url).content.decode()
    assert 'name="shown_in_directory"' in form
    assert "reste membre" in form  # the help text says what hiding does not take away

    data = {
        "description_fr": company.description_fr,
        "city": company.city,
        "postal_code": company.postal_code,
        "region": company.region,
        "shown_in_directory": "on",
    }
    assert client.post(url, data).status_code == 302
    company.refresh_from_db()
    assert company.shown_in_directory
    assert Client().get(company.get_absolute_url()).status_code == 200

    del data["shown_in_directory"]  # an unticked box is not sent
    assert client.post(url, data).status_code == 302
    company.refresh_from_db()
    assert not company.shown_in_directory
    assert Client().get(company.get_absolute_url()).status_code == 404


def test_staff_choose_it_in_the_admin(hidden):
    page = as_(StaffFactory()).get(f"/admin/members/company/{hidden['company'].pk}/change/")
    assert page.status_code == 200
    assert 'name="shown_in_directory"' in page.content.decode()


def test_a_meeting_notice_goes_to_the_people_in_good_standing_on_the_meeting_day(
    settings, django_capture_on_commit_callbacks
):
    settings.MEMBERSHIP_GRACE_DAYS = 30
    today = timezone.localdate()
    committee = CommitteeFactory()
    # Active today, lapsed from day 41: its period ends in 10 days, then 30 days of grace.
    lapsing = UserFactory()
    SeatFactory(
        committee=committee,
        person=PersonFactory(
            company=CompanyFactory(
                period=(today - dt.timedelta(days=300), today + dt.timedelta(days=10))
            ),
            user=lapsing,
            email=lapsing.email,
        ),
    )
    # Its period ends in 20 days: still in grace 45 days from now.
    in_grace = UserFactory()
    SeatFactory(
        committee=committee,
        person=PersonFactory(
            company=CompanyFactory(
                period=(today - dt.timedelta(days=300), today + dt.timedelta(days=20))
            ),
            user=in_grace,
            email=in_grace.email,
        ),
    )
    renewed = UserFactory()
    SeatFactory(
        committee=committee,
        person=PersonFactory(company=CompanyFactory(), user=renewed, email=renewed.email),
    )
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=45))

    with django_capture_on_commit_callbacks(execute=True):
        sent, failed = meeting_send_notice(meeting=meeting)

    assert (sent, failed) == (2, [])
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [in_grace.email, renewed.email]
    )
    # Today all three sit on the committee and read its documents.
    assert Seat.objects.in_force().filter(committee=committee).count() == 3
