"""The committees: their public pages, "My committees" in the member area, and the seats
and forms staff keep them with in the admin."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from members.models import Committee, Document, Meeting, Seat
from tests.factories import (
    LAPSED,
    QUEBEC,
    ArticleFactory,
    CompanyFactory,
    MeetingFactory,
    StaffFactory,
    as_,
    document,
    member,
    seat,
)

pytestmark = pytest.mark.django_db


def test_seed_reference_creates_the_three_committees_in_both_languages(committees):
    assert set(committees) == {"sales", "innovation", "visibility"}
    names = {c.name_fr: c.name_en for c in committees.values()}
    assert names["Ventes et développement de marché"] == "Sales and market development"
    assert "Innovation et développement durable" in names
    assert "Rayonnement du créneau" in names
    assert all(c.mandate_fr and c.mandate_en for c in committees.values())


def test_the_committees_page_shows_axis_mandate_and_a_chair_who_allows_it(client, committees):
    sales = committees["sales"]
    chair = member(CompanyFactory(name="Moules Fictifs"), first_name="Claire", visibility="public")
    seat(sales, chair, Seat.Role.CHAIR)
    shy = member(first_name="Discrète", visibility="hidden")
    seat(committees["innovation"], shy, Seat.Role.CHAIR)
    page = client.get("/fr/comites/").content.decode()
    assert "Ventes et développement de marché" in page and "Rayonnement du créneau" in page
    assert "Claire" in page and "Moules Fictifs" in page
    assert "Discrète" not in page
    english = client.get("/en/committees/").content.decode()
    assert "Sales and market development" in english


def test_a_committee_page_hides_what_visitors_may_not_see(client, committees):
    sales = committees["sales"]
    seat(sales, member(first_name="Publique", visibility="public"))
    seat(sales, member(first_name="Réservée", visibility="members"))
    past = MeetingFactory(
        committee=sales,
        starts_at=timezone.now() - dt.timedelta(days=30),
        status=Meeting.Status.HELD,
        summary_fr="Résumé public de la rencontre.",
        agenda_fr="<p>Ordre du jour confidentiel</p>",
    )
    document(sales, Document.Access.PUBLIC, "Présentation publique", past)
    document(sales, Document.Access.COMMITTEE, "Procès-verbal secret", past)
    article = ArticleFactory(title_fr="Nouvelle du comité")
    article.committees.add(sales)
    page = client.get(sales.get_absolute_url()).content.decode()
    assert "Publique" in page and "Réservée" not in page
    assert "Résumé public de la rencontre." in page
    assert "Présentation publique" in page
    assert "Procès-verbal secret" not in page and "confidentiel" not in page
    assert "Nouvelle du comité" in page


# --- My committees, in the member area -----------------------------------------------------


def test_my_committees_shows_members_their_meetings_documents_and_colleagues(cast):
    sales = cast["committee"]
    upcoming = MeetingFactory(
        committee=sales,
        starts_at=timezone.now() + dt.timedelta(days=10),
        agenda_fr="<p>Ordre du jour du comité</p>",
        video_url="https://visio.example/comite",
    )
    past = MeetingFactory(
        committee=sales, starts_at=timezone.now() - dt.timedelta(days=10), status="held"
    )
    document(sales, Document.Access.COMMITTEE, "Procès-verbal du comité", past)
    fellow = member(first_name="Collègue", visibility="hidden")
    seat(sales, fellow)
    page = as_(cast["on_committee"]).get("/fr/espace-membre/comites/").content.decode()
    assert "Ordre du jour du comité" in page and "Procès-verbal du comité" in page
    assert "https://visio.example/comite" in page
    assert fellow.email in page  # fellow members' contact details
    assert f"/fr/espace-membre/comites/reunions/{upcoming.pk}.ics" in page
    for outsider in ("member", "lapsed"):
        page = as_(cast[outsider]).get("/fr/espace-membre/comites/").content.decode()
        assert "Procès-verbal du comité" not in page and fellow.email not in page
        assert "ne siégez à aucun comité" in page


# --- Seats ----------------------------------------------------------------------------------


def test_only_people_of_member_companies_can_be_given_a_seat(cast):
    lapsed_person = member(CompanyFactory(period=LAPSED)).people.get()
    with pytest.raises(ValidationError) as error:
        Seat(committee=cast["committee"], person=lapsed_person).full_clean()
    assert "person" in error.value.message_dict


def test_a_seat_whose_company_lapses_is_flagged_to_staff_not_dropped(cast):
    lapsed_company = cast["lapsed"].people.get().company.name
    listed_company = cast["on_committee"].people.get().company.name
    staff = as_(cast["staff"])
    flagged = staff.get("/admin/members/seat/?company=lapsed").content.decode()
    assert lapsed_company in flagged and listed_company not in flagged
    committee_page = staff.get(f"/admin/members/committee/{cast['committee'].pk}/change/")
    assert 'alt="False"' in committee_page.content.decode()  # the flag on the seat row
    held = Seat.objects.get(person__user=cast["lapsed"])
    # Ending it works; extending it, or handing it on, is giving a seat again.
    held.end = timezone.localdate()
    held.full_clean()
    held.save()
    held = Seat.objects.get(pk=held.pk)
    held.end = None
    with pytest.raises(ValidationError):
        held.full_clean()


def test_public_pages_leave_out_the_seats_of_lapsed_companies(cast, client):
    Seat.objects.filter(person__user=cast["lapsed"]).update(role=Seat.Role.CHAIR)
    lapsed = cast["lapsed"].people.get()
    lapsed.visibility = "public"
    lapsed.save()
    listed = cast["on_committee"].people.get()
    listed.visibility = "public"
    listed.save()
    shown = {
        "/fr/comites/": cast["committee"].name_fr,
        cast["committee"].get_absolute_url(): listed.full_name,  # the seat still in force
    }
    for url, expected in shown.items():
        page = client.get(url)
        assert page.status_code == 200 and expected in page.content.decode(), url
        assert lapsed.company.name not in page.content.decode(), url
        assert lapsed.full_name not in page.content.decode(), url


def test_two_chairs_in_one_admin_submission_are_refused(committees):
    staff = as_(StaffFactory())
    first, second = member().people.get(), member().people.get()
    rows = {
        "seats-TOTAL_FORMS": "2",
        "seats-INITIAL_FORMS": "0",
        "meetings-TOTAL_FORMS": "0",
        "meetings-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    for index, person in enumerate((first, second)):
        rows.update(
            {
                f"seats-{index}-person": person.pk,
                f"seats-{index}-role": "chair",
                f"seats-{index}-start": "2027-01-01",
            }
        )
    response = staff.post(
        "/admin/members/committee/add/",
        {
            "name_fr": "Comité spécial",
            "slug": "comite-special",
            "axis": "sales",
            "mandate_fr": "Un mandat.",
            "position": "9",
            **rows,
        },
    )
    assert response.status_code == 200
    assert "déjà une présidence" in response.content.decode()
    assert not Committee.objects.filter(slug="comite-special").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("mandate_fr", "a" * 10_001, "au plus 10000 caractères"),
        ("name_fr", "Comité\r\nspécial", "sur une seule ligne"),
    ],
)
def test_a_committee_text_too_long_or_on_two_lines_is_refused_in_the_admin(
    committees, field, value, message
):
    empty_inlines = {
        f"{inline}-{count}_FORMS": "0"
        for inline in ("seats", "meetings", "documents")
        for count in ("TOTAL", "INITIAL")
    }
    data = {
        "name_fr": "Comité spécial",
        "slug": "comite-special",
        "axis": "sales",
        "mandate_fr": "Un mandat.",
        "position": "9",
        **empty_inlines,
    }
    response = as_(StaffFactory()).post("/admin/members/committee/add/", {**data, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Committee.objects.filter(slug="comite-special").exists()


def test_the_same_person_cannot_hold_overlapping_terms_on_a_committee(cast):
    person = cast["on_committee"].people.get()
    with pytest.raises(ValidationError) as error:
        Seat(committee=cast["committee"], person=person, start=dt.date(2027, 1, 1)).full_clean()
    assert "start" in error.value.message_dict
    other = Committee.objects.exclude(pk=cast["committee"].pk).first()
    Seat(committee=other, person=person).full_clean()  # another committee is fine


def test_a_committee_has_one_chair_at_a_time(cast):
    sales = cast["committee"]
    first = member()
    seat(sales, first, Seat.Role.CHAIR, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30))
    second = member().people.get()
    with pytest.raises(ValidationError) as error:
        Seat(
            committee=sales, person=second, role=Seat.Role.CHAIR, start=dt.date(2026, 6, 1)
        ).full_clean()
    assert "role" in error.value.message_dict
    Seat(
        committee=sales, person=second, role=Seat.Role.CHAIR, start=dt.date(2026, 7, 1)
    ).full_clean()


def test_the_secretary_is_staff_and_other_seats_are_member_people(cast):
    with pytest.raises(ValidationError):
        Seat(committee=cast["committee"], staff_member=cast["staff"], role="member").full_clean()
    Seat(committee=cast["committee"], staff_member=cast["staff"], role="secretary").full_clean()


def test_admin_lists_start_on_current_seats_and_upcoming_meetings(cast):
    sales = cast["committee"]
    old = member(first_name="Ancienne")
    seat(sales, old, start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31))
    MeetingFactory(committee=sales, starts_at=dt.datetime(2021, 3, 1, 9, tzinfo=QUEBEC))
    MeetingFactory(committee=sales, starts_at=dt.datetime(2030, 3, 1, 9, tzinfo=QUEBEC))
    staff = as_(cast["staff"])
    seats = staff.get("/admin/members/seat/").content.decode()
    assert cast["on_committee"].people.get().full_name in seats  # a current seat
    assert "Ancienne" not in seats
    assert "Ancienne" in staff.get("/admin/members/seat/?term=all").content.decode()
    meetings = staff.get("/admin/members/meeting/").content.decode()
    assert "2030-03-01" in meetings and "2021-03-01" not in meetings


def test_staff_admin_pages_for_committees_open(cast):
    meeting = MeetingFactory(
        committee=cast["committee"], starts_at=timezone.now() + dt.timedelta(days=3)
    )
    document(cast["committee"], Document.Access.COMMITTEE, "Procès-verbal", meeting)
    staff = as_(cast["staff"])
    for url, shown in (
        ("/admin/members/meeting/add/", 'name="starts_at_0"'),
        (f"/admin/members/meeting/{meeting.pk}/change/", "Procès-verbal"),
        ("/admin/members/committee/add/", 'name="mandate_fr"'),
        ("/admin/members/person/", cast["on_committee"].people.get().email),
    ):
        response = staff.get(url)
        assert response.status_code == 200, url
        assert shown in response.content.decode(), url
    page = staff.get(f"/admin/members/meeting/{meeting.pk}/change/").content.decode()
    # The document links to the checked download view, never to a file address.
    assert f'href="/fr/comites/documents/{meeting.documents.get().pk}/"' in page
    assert 'name="agenda_fr"' in page and 'name="agenda_en"' in page
