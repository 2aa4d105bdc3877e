import io

import pytest
from django.core.management import CommandError, call_command

from alliance.models import KeyFigure, Page
from alliance.reference_content import REBRAND_ARTICLE
from members.models import User
from news.models import Article, Category

pytestmark = pytest.mark.django_db


def test_seed_reference_is_idempotent_and_keeps_what_staff_edited():
    call_command("seed_reference", stdout=io.StringIO())
    Page.objects.filter(key="about").update(title_fr="Titre revu par l’équipe")
    Article.objects.filter(slug_fr=REBRAND_ARTICLE["slug_fr"]).update(title_en="Edited")

    call_command("seed_reference", stdout=io.StringIO())

    assert Page.objects.get(key="about").title_fr == "Titre revu par l’équipe"
    rebrand = Article.objects.get(slug_fr=REBRAND_ARTICLE["slug_fr"])
    assert rebrand.title_en == "Edited"
    assert rebrand.featured and rebrand.is_live and rebrand.cover
    assert Article.objects.count() == 1
    assert Category.objects.count() == 6 and KeyFigure.objects.count() == 5
    assert set(Page.objects.values_list("key", flat=True)) == {"about", "privacy"}


def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def test_seed_demo_prints_a_working_staff_login(client, settings):
    settings.DEBUG = True
    out = io.StringIO()

    call_command("seed_demo", stdout=out)

    text = out.getvalue()
    email = text.split("email:")[1].split()[0]
    password = text.split("password:")[1].split()[0]
    assert client.login(username=email, password=password)
    assert Article.objects.count() == 41
    assert Article.objects.filter(visibility=Article.Visibility.MEMBERS).exists()
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert (
        Article.objects.filter(status="published")
        .exclude(pk__in=Article.objects.published())
        .exists()
    )  # scheduled
