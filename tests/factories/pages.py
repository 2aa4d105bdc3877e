"""The site's own pages and the key figures of the home page."""

from factory.django import DjangoModelFactory

from alliance.models import KeyFigure, Page


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page
        django_get_or_create = ("key",)

    key = Page.Key.ABOUT
    title_fr = "À propos"
    title_en = "About"
    body_fr = "<p>L'histoire de l'Alliance.</p>"
    body_en = "<p>The story of the Alliance.</p>"


class KeyFigureFactory(DjangoModelFactory):
    class Meta:
        model = KeyFigure

    value_fr = "22 000"
    value_en = "22,000"
    label_fr = "emplois"
    label_en = "jobs"
