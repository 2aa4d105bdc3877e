import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from alliance.models import KeyFigure, Page
from members.models import User
from news.models import Article, Category

PASSWORD = "Un-mot-de-passe-solide-42"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"personne{n}@exemple.qc.ca")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Tremblay{n}")
    password = factory.django.Password(PASSWORD)


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


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


def image_upload(
    name: str = "couverture.png", size=(800, 450), fmt: str = "PNG", color=(11, 79, 108)
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")
