"""Committee meetings: shown in Québec time, in a calendar file for the people on the
committee, announced by the notice staff email to each seat, listed on their dashboard."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from tests.client import Client
from tests.factories import QUEBEC, MeetingFactory, as_, member, seat

pytestmark = pytest.mark.django_db


def test_meeting_times_are_shown_in_quebec_time_across_the_daylight_saving_change(cast):
    sales = cast["committee"]
    # Daylight saving time ends on 1 November 2026: 10:00 is 14:00 UTC before, 15:00 after.
    before = MeetingFactory(
        committee=sales, starts_at=dt.datetime(2026, 10, 30, 10, 0, tzinfo=QUEBEC)
    )
    after = MeetingFactory(
        committee=sales, starts_at=dt.datetime(2026, 11, 2, 10, 0, tzinfo=QUEBEC)
    )
    before.refresh_from_db()
    after.refresh_from_db()
    assert before.starts_at.astimezone(dt.UTC).hour == 14
    assert after.starts_at.astimezone(dt.UTC).hour == 15
    french = Client().get(sales.get_absolute_url()).content.decode()
    assert "30 octobre 2026 10:00" in french and "2 novembre 2026 10:00" in french
    english = Client().get(f"/en/committees/{sales.slug}/").content.decode()
    assert "Oct. 30, 2026, 10 a.m." in english and "Nov. 2, 2026, 10 a.m." in english


def test_the_calendar_file_holds_the_meeting_in_quebec_time(cast):
    meeting = MeetingFactory(
        committee=cast["committee"],
        starts_at=dt.datetime(2026, 11, 2, 10, 0, tzinfo=QUEBEC),
        ends_at=dt.datetime(2026, 11, 2, 12, 0, tzinfo=QUEBEC),
        place="Lévis",
        agenda_fr="<p>Suivi du plan</p>",
    )
    url = f"/fr/espace-membre/comites/reunions/{meeting.pk}.ics"
    response = as_(cast["on_committee"]).get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    ics = response.content.decode()
    assert "BEGIN:VCALENDAR" in ics and "BEGIN:VTIMEZONE" in ics
    assert "DTSTART;TZID=America/Toronto:20261102T100000" in ics
    assert "DTEND;TZID=America/Toronto:20261102T120000" in ics
    assert "SUMMARY:Ventes et développement de marché — réunion" in ics
    assert "LOCATION:Lévis" in ics and "Suivi du plan" in ics
    assert f"UID:meeting-{meeting.pk}@" in ics
    for outsider in ("member", "lapsed"):
        refused = as_(cast[outsider]).get(url)
        assert refused.status_code == 404 and "Page introuvable" in refused.content.decode()
    anonymous = as_(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/fr/compte/login/")


def test_staff_email_the_notice_to_each_member_in_their_language(cast):
    english = member(preferred_language="en")
    seat(cast["committee"], english)
    day = timezone.localdate() + dt.timedelta(days=7)
    meeting = MeetingFactory(
        committee=cast["committee"], starts_at=dt.datetime.combine(day, dt.time(9), QUEBEC)
    )
    staff_client = as_(cast["staff"])
    response = staff_client.post(
        "/admin/members/meeting/", {"action": "send_notice", "_selected_action": [meeting.pk]}
    )
    assert response.status_code == 302
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {cast["on_committee"].email, english.email}  # not the lapsed
    assert "Avis de convocation" in by_address[cast["on_committee"].email].subject
    assert "Meeting notice" in by_address[english.email].subject
    _name, content, mimetype = by_address[english.email].attachments[0]
    assert (
        mimetype == "text/calendar"
        and f"DTSTART;TZID=America/Toronto:{day:%Y%m%d}T090000" in content
    )
    meeting.refresh_from_db()
    assert meeting.notice_sent_at is not None


def test_the_dashboard_lists_my_next_committee_meetings(cast):
    MeetingFactory(
        committee=cast["committee"], starts_at=dt.datetime(2031, 5, 6, 9, 0, tzinfo=QUEBEC)
    )
    page = as_(cast["on_committee"]).get("/fr/espace-membre/").content.decode()
    assert "6 mai 2031 09:00" in page and "Ventes et développement de marché" in page
    elsewhere = as_(cast["member"]).get("/fr/espace-membre/").content.decode()
    assert "<h1>Espace membre</h1>" in elsewhere
    assert cast["member"].people.get().company.name in elsewhere
    assert "6 mai 2031" not in elsewhere
