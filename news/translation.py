from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Category, Newsletter, Section


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("fr",)
    empty_values = {"slug": None}


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "cover_alt")
    required_languages = {"fr": ("title", "slug", "summary", "body")}
    empty_values = {"slug": None}


@register(Newsletter)
class NewsletterTranslationOptions(TranslationOptions):
    fields = ("subject", "preheader", "introduction", "closing")
    required_languages = {"fr": ("subject", "introduction")}


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "text")
    required_languages = {"fr": ("heading",)}
