"""The people of a company, and the invitations that give them a login."""

import datetime as dt
import secrets

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Invitation, Person
from tests.factories.companies import CompanyFactory


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    company = factory.SubFactory(CompanyFactory)
    user = None
    # A person with an account is named by it (Person.save would empty these anyway).
    first_name = factory.Maybe("user", "", "Dominique")
    last_name = factory.Maybe("user", "", factory.Sequence(lambda n: f"Gagnon{n}"))
    preferred_language = factory.Maybe("user", "", "fr")
    email = factory.Sequence(lambda n: f"dominique{n}@exemple.qc.ca")
    role = Person.Role.ADMIN


class InvitationFactory(DjangoModelFactory):
    """A waiting invitation. As members.services does, the database keeps only a hash of
    the link's secret; the secret itself is left on the object as ``token`` (its link is
    ``/fr/invitation/<token>/``)."""

    class Meta:
        model = Invitation

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@exemple.qc.ca")
    role = Person.Role.COLLEAGUE
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    expires_at = factory.LazyFunction(lambda: timezone.now() + Invitation.VALID_FOR)

    class Params:
        expired = factory.Trait(
            expires_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(minutes=1))
        )
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))

    @classmethod
    def _build(cls, model_class, *args, token, **kwargs):
        invitation = super()._build(
            model_class, *args, token_hash=Invitation.hash_token(token), **kwargs
        )
        invitation.token = token
        return invitation

    @classmethod
    def _create(cls, model_class, *args, token, **kwargs):
        invitation = super()._create(
            model_class, *args, token_hash=Invitation.hash_token(token), **kwargs
        )
        invitation.token = token
        return invitation
