"""Accounts: people who log in, their addresses and second factor, closed accounts."""

import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from factory.django import DjangoModelFactory

from members.models import AccountClosure, Person, User
from members.testing import log_in
from tests.client import Client

PASSWORD = "Un-mot-de-passe-solide-42"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32, as an authenticator app reads it
# Someone's address, which the ``attacker`` fixture (tests/members/conftest.py) adds to its
# own account without verifying it.
VICTIM = "victime@exemple.qc.ca"


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"personne{n}@exemple.qc.ca")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Tremblay{n}")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """People log in with an address they have verified (invitations verify it)."""
        if create and extracted is not False:
            EmailAddressFactory(user=obj, email=obj.email, verified=True, primary=True)


class StaffFactory(UserFactory):
    """Staff with an authenticator app set up (the admin requires one); pass
    ``second_factor=False`` for staff who have not set it up yet."""

    is_staff = True
    is_superuser = True

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(obj, TOTP_SECRET)


class EmailAddressFactory(DjangoModelFactory):
    """Another address on an account, as allauth keeps it: unverified and not the primary
    one unless told."""

    class Meta:
        model = EmailAddress

    user = factory.SubFactory(UserFactory)
    email = factory.Sequence(lambda n: f"adresse{n}@exemple.qc.ca")
    verified = False
    primary = False


class AccountClosureFactory(DjangoModelFactory):
    """What is kept of a closed account: the company that lost a person, nothing about them."""

    class Meta:
        model = AccountClosure

    company = factory.SubFactory("tests.factories.companies.CompanyFactory")
    role = Person.Role.ADMIN
    left_without_admin = False


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The code an authenticator app set up with ``secret`` shows right now. Like a
    person, it waits for the next code when this one is about to change: the portal takes
    only the current code (allauth's MFA_TOTP_TOLERANCE is 0), and a browser that types it
    in its last seconds would otherwise submit an expired one."""
    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def as_(user) -> Client:
    """A browser of its own, logged in as ``user`` with log_in (anonymous for None)."""
    client = Client()
    if user:
        log_in(client, user)
    return client
