"""Fixtures the members' test modules share."""

import pytest
from django.core import mail
from django.test import Client

from tests.factories import VICTIM, UserFactory


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
