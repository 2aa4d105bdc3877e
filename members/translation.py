from modeltranslation.translator import TranslationOptions, register

from members.models import (
    Certification,
    Company,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Sector,
    ValueChainRole,
)


@register([Sector, ValueChainRole, Process, Material, EndMarket, Certification])
class ClassificationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fr",)


@register(MembershipCategory)
class MembershipCategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"fr": ("name",)}


@register(Company)
class CompanyTranslationOptions(TranslationOptions):
    fields = ("description", "products")
