"""Applications to join, as the public form records them."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Application
from tests.factories.reference import MembershipCategoryFactory


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    company_name = factory.Sequence(lambda n: f"Candidate {n} inc.")
    street_address = "100, rue des Essais"
    city = "Lévis"
    postal_code = "G6V 6Z3"
    description = "Extrusion de profilés."
    category = factory.SubFactory(MembershipCategoryFactory)
    first_name = "Sam"
    last_name = "Bélanger"
    email = factory.Sequence(lambda n: f"candidat{n}@exemple.qc.ca")
    consented_at = factory.LazyFunction(timezone.now)
