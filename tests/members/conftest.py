"""Fixtures the members' test modules share."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from members.models import Committee, User
from tests.client import Client
from tests.factories import (
    LAPSED,
    VICTIM,
    CompanyFactory,
    PersonFactory,
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


# --- The member area ---------------------------------------------------------------------------


def person(company, role="admin", **fields) -> User:
    user = UserFactory(**fields)
    PersonFactory(company=company, user=user, email=user.email, role=role)
    return user


@pytest.fixture
def world():
    """One member company with an administrator and a colleague, another member company,
    a lapsed company, staff: everyone the area must tell apart."""
    company = CompanyFactory(name="Moules Bellechasse", staff_notes="Note interne secrète")
    other = CompanyFactory(name="Autre Firme")
    lapsed = CompanyFactory(name="Firme Échue", period=LAPSED)
    return {
        "company": company,
        "other": other,
        "lapsed": lapsed,
        "admin": person(company),
        "colleague": person(company, role="colleague"),
        "outsider": person(other),
        "lapsed_admin": person(lapsed),
        "staff": StaffFactory(),
    }
