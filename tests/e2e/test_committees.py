"""Committees in a real browser: a member downloads the minutes; a visitor sees none."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Committee, Document, Meeting, Seat
from tests.factories import (
    PASSWORD,
    CompanyFactory,
    DocumentFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_committee_member_downloads_the_minutes_a_visitor_sees_none(page, browser, live_server):
    call_command("seed_reference", verbosity=0, stdout=io.StringIO())
    committee = Committee.objects.get(slug="innovation-developpement-durable")
    user = UserFactory()
    person = PersonFactory(
        company=CompanyFactory(), user=user, email=user.email, visibility="public"
    )
    SeatFactory(committee=committee, person=person, role=Seat.Role.CHAIR)
    last = MeetingFactory(
        committee=committee,
        starts_at=timezone.now() - dt.timedelta(days=20),
        status=Meeting.Status.HELD,
        summary_fr="Bilan des projets de recyclage.",
    )
    minutes = DocumentFactory(
        meeting=last,
        title_fr="Procès-verbal de la réunion",
        kind=Document.Kind.MINUTES,
        access=Document.Access.COMMITTEE,
        file__filename="proces-verbal.pdf",
    )

    # A visitor: the committee, its chair and the summary, not the minutes.
    page.goto("/fr/comites/")
    page.get_by_role("link", name="Innovation et développement durable").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovation et développement durable")
    expect(page.get_by_text("Bilan des projets de recyclage.")).to_be_visible()
    expect(page.get_by_text("Procès-verbal de la réunion")).to_have_count(0)

    # The member logs in, opens My committees and downloads the minutes.
    member = browser.new_context(base_url=live_server.url, locale="fr-CA").new_page()
    member.goto("/fr/compte/login/")
    member.fill("#id_login", user.email)
    member.fill("#id_password", PASSWORD)
    member.press("#id_password", "Enter")
    member.get_by_role("link", name="Mes comités").click()
    expect(
        member.get_by_role("heading", level=2, name="Innovation et développement durable")
    ).to_be_visible()
    with member.expect_download() as download_info:
        member.get_by_role("link", name="Procès-verbal de la réunion").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as file:
        assert file.read().startswith(b"%PDF")

    # The address of the file, given to the visitor, is refused.
    response = page.request.get(minutes.get_absolute_url())
    assert response.status == 403
