from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Category


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
