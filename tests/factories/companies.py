"""Member companies."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Company
from tests.factories.memberships import MembershipFactory

# A membership period long over: ``CompanyFactory(period=LAPSED)`` is a lapsed company.
LAPSED = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


class CompanyFactory(DjangoModelFactory):
    """A company with a membership period running today (active) unless told otherwise:
    ``period=False`` for none, or ``period=(start, end)``."""

    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Plastiques Exemple {n} inc.")
    city = "Lévis"
    region = "12"
    postal_code = "G6V 6Z3"
    description_fr = "Transformation de matières plastiques."
    description_en = "Plastics processing."

    @factory.post_generation
    def period(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        today = timezone.localdate()
        start, end = extracted or (today - dt.timedelta(days=100), today + dt.timedelta(days=265))
        MembershipFactory(company=obj, start=start, end=end)
