from modeltranslation.translator import TranslationOptions, register

from alliance.models import KeyFigure, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"fr": ("title", "body")}


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("value", "label")
    required_languages = ("fr",)
