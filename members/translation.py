from modeltranslation.translator import TranslationOptions, register

from members.models import (
    Certification,
    Committee,
    Company,
    Document,
    EndMarket,
    Material,
    Meeting,
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


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("name", "mandate")
    required_languages = ("fr",)


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("agenda", "summary")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("fr",)
