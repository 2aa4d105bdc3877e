"""Membership periods and the renewal reminders sent about them."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Membership, RenewalReminder
from tests.factories.reference import MembershipCategoryFactory


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    company = factory.SubFactory("tests.factories.companies.CompanyFactory", period=False)
    category = factory.SubFactory(MembershipCategoryFactory)
    start = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=100))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(days=364))
    fee = "850.00"


class RenewalReminderFactory(DjangoModelFactory):
    """A reminder already sent (one per period, kind and address)."""

    class Meta:
        model = RenewalReminder

    membership = factory.SubFactory(MembershipFactory)
    kind = RenewalReminder.Kind.ENDING
    email = factory.Sequence(lambda n: f"relance{n}@exemple.qc.ca")

    class Params:
        lapsed = factory.Trait(kind=RenewalReminder.Kind.LAPSED)
