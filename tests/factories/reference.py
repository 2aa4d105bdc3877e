"""The reference lists staff manage: classifications and membership categories."""

import factory
from factory.django import DjangoModelFactory

from members.models import (
    Certification,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Sector,
    ValueChainRole,
)


class SectorFactory(DjangoModelFactory):
    """A classification, found again by its slug (seed_reference may have made it)."""

    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"secteur-{n}")
    name_fr = factory.Sequence(lambda n: f"Secteur {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")


class ValueChainRoleFactory(SectorFactory):
    class Meta:
        model = ValueChainRole
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"role-{n}")
    name_fr = factory.Sequence(lambda n: f"Rôle {n}")
    name_en = factory.Sequence(lambda n: f"Role {n}")


class ProcessFactory(SectorFactory):
    class Meta:
        model = Process
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"procede-{n}")
    name_fr = factory.Sequence(lambda n: f"Procédé {n}")
    name_en = factory.Sequence(lambda n: f"Process {n}")


class MaterialFactory(SectorFactory):
    class Meta:
        model = Material
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"matiere-{n}")
    name_fr = factory.Sequence(lambda n: f"Matière {n}")
    name_en = factory.Sequence(lambda n: f"Material {n}")


class EndMarketFactory(SectorFactory):
    class Meta:
        model = EndMarket
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"marche-{n}")
    name_fr = factory.Sequence(lambda n: f"Marché {n}")
    name_en = factory.Sequence(lambda n: f"Market {n}")


class CertificationFactory(SectorFactory):
    class Meta:
        model = Certification
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"certification-{n}")
    name_fr = factory.Sequence(lambda n: f"Certification {n}")
    name_en = factory.Sequence(lambda n: f"Certification {n}")


class MembershipCategoryFactory(DjangoModelFactory):
    class Meta:
        model = MembershipCategory
        django_get_or_create = ("name_fr",)

    name_fr = "Membre manufacturier"
    name_en = "Manufacturer member"
    annual_fee = "850.00"
