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


def profile_data(**changes) -> dict:
    """What the member area's company profile form posts, as a browser sends it, with
    ``changes``."""
    return {
        "description_fr": "Moulage par injection de pièces techniques.",
        "description_en": "Injection moulding of technical parts.",
        "products_fr": "",
        "products_en": "",
        "website": "https://moules.example",
        "email": "info@moules.example",
        "phone": "418 555-0101",
        "street_address": "",
        "city": "Lévis",
        "postal_code": "g6v 6z3",
        "region": "12",
        "shown_in_directory": "on",  # ticked by default, so a browser sends it
        **changes,
    }
