"""News articles and their categories."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from news.models import Article, Category


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug_fr = factory.Sequence(lambda n: f"categorie-{n}")
    slug_en = factory.Sequence(lambda n: f"category-{n}")


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title_fr = factory.Sequence(lambda n: f"Nouvelle numéro {n}")
    title_en = factory.Sequence(lambda n: f"News item number {n}")
    slug_fr = factory.Sequence(lambda n: f"nouvelle-{n}")
    slug_en = factory.Sequence(lambda n: f"news-item-{n}")
    summary_fr = "Un résumé en français."
    summary_en = "A summary in English."
    body_fr = "<p>Le texte complet en français.</p>"
    body_en = "<p>The full text in English.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    publish_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(days=1, minutes=n))

    class Params:
        members_only = factory.Trait(visibility=Article.Visibility.MEMBERS)
        draft = factory.Trait(status=Article.Status.DRAFT)
        french_only = factory.Trait(title_en="", slug_en=None, summary_en="", body_en="")
