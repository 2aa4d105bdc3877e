"""Fixtures the members' test modules share."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from members.models import Committee
from tests.factories import (
    LAPSED,
    VICTIM,
    CompanyFactory,
    SeatFactory,
    StaffFactory,
    UserFactory,
    member,
    seat,
)

# --- Accounts --------------------------------------------------------------------------------


@pytest.fixture
def attacker(client):
    """A person who added someone else's address to their own account and never verified
    it (they cannot: the confirmation goes to its owner)."""
    attacker = UserFactory(email="attaquant@exemple.qc.ca", preferred_language="en")
    browser = Client()
    browser.force_login(attacker)
    response = browser.post("/fr/compte/email/", {"action_add": "", "email": VICTIM})
    assert response.status_code == 302
    assert attacker.emailaddress_set.filter(email=VICTIM, verified=False).exists()
    mail.outbox.clear()
    return attacker


# --- Committees ------------------------------------------------------------------------------


@pytest.fixture
def committees():
    """The association's three committees, as seed_reference makes them, by axis."""
    call_command("seed_reference", stdout=io.StringIO())
    return {c.axis: c for c in Committee.objects.all()}


@pytest.fixture
def cast(committees):
    """A sales committee and everyone its pages tell apart: a member on it, one not on
    it, a lapsed company's person with a seat from before, staff; and no one."""
    sales = committees["sales"]
    on_committee = member()
    seat(sales, on_committee)
    lapsed_company = CompanyFactory(period=LAPSED)
    lapsed = member(lapsed_company)
    SeatFactory(committee=sales, person=lapsed.people.get(), start=dt.date(2020, 1, 1))
    return {
        "committee": sales,
        "anonymous": None,
        "member": member(),
        "on_committee": on_committee,
        "lapsed": lapsed,
        "staff": StaffFactory(),
    }
