"""The reference lists staff manage: classifications and membership categories."""

import factory
from django.utils.text import slugify
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


class ClassificationFactory(DjangoModelFactory):
    """A classification, found again by its slug (seed_reference may have made it); each
    list's factory names its items with its own word ("Procédé 3", slug "procede-3")."""

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)

    class Params:
        word_fr = "Secteur"
        word_en = "Sector"

    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.word_fr)}-{n}")
    name_fr = factory.LazyAttributeSequence(lambda o, n: f"{o.word_fr} {n}")
    name_en = factory.LazyAttributeSequence(lambda o, n: f"{o.word_en} {n}")


class SectorFactory(ClassificationFactory):
    class Meta:
        model = Sector


class ValueChainRoleFactory(ClassificationFactory):
    class Meta:
        model = ValueChainRole

    class Params:
        word_fr = "Rôle"
        word_en = "Role"


class ProcessFactory(ClassificationFactory):
    class Meta:
        model = Process

    class Params:
        word_fr = "Procédé"
        word_en = "Process"


class MaterialFactory(ClassificationFactory):
    class Meta:
        model = Material

    class Params:
        word_fr = "Matière"
        word_en = "Material"


class EndMarketFactory(ClassificationFactory):
    class Meta:
        model = EndMarket

    class Params:
        word_fr = "Marché"
        word_en = "Market"


class CertificationFactory(ClassificationFactory):
    class Meta:
        model = Certification

    class Params:
        word_fr = word_en = "Certification"


class MembershipCategoryFactory(DjangoModelFactory):
    class Meta:
        model = MembershipCategory
        django_get_or_create = ("name_fr",)

    name_fr = "Membre manufacturier"
    name_en = "Manufacturer member"
    annual_fee = "850.00"
