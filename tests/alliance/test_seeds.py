import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from alliance.models import KeyFigure, Page
from alliance.reference_content import REBRAND_ARTICLE
from members import reference_content
from members.models import (
    Certification,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Sector,
    User,
    ValueChainRole,
)
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


def test_seed_reference_creates_the_member_companies_reference_lists():
    call_command("seed_reference", stdout=io.StringIO())

    assert list(Sector.objects.values_list("slug", "name_fr", "name_en")) == [
        ("plastiques", "Plastiques", "Plastics"),
        ("composites", "Composites", "Composites"),
        ("caoutchouc", "Caoutchouc", "Rubber"),
    ]
    injection = Process.objects.get(slug="moulage-par-injection")
    assert injection.name_fr == "Moulage par injection"
    assert injection.name_en == "Injection moulding"
    for model in (ValueChainRole, Process, Material, EndMarket, Certification):
        assert model.objects.count() == len(reference_content.CLASSIFICATIONS[model.__name__])
    assert list(MembershipCategory.objects.values_list("name_fr", "annual_fee", "is_open")) == [
        ("Membre manufacturier", Decimal("850.00"), True),
        ("Membre fournisseur ou associé", Decimal("650.00"), True),
        ("Partenaire institutionnel", Decimal("500.00"), True),
    ]
    assert MembershipCategory.objects.get(position=0).name_en == "Manufacturer member"


def test_seed_reference_twice_creates_no_new_reference_list_item():
    call_command("seed_reference", stdout=io.StringIO())
    models = (Sector, ValueChainRole, Process, Material, EndMarket, Certification)
    counts = [model.objects.count() for model in (*models, MembershipCategory)]
    out = io.StringIO()

    call_command("seed_reference", stdout=out)

    assert [model.objects.count() for model in (*models, MembershipCategory)] == counts
    assert "created" not in out.getvalue()


def test_seed_reference_keeps_reference_list_items_staff_edited():
    call_command("seed_reference", stdout=io.StringIO())
    Process.objects.filter(slug="moulage-par-injection").update(
        name_fr="Injection plastique", name_en="Plastic injection", position=9
    )
    MembershipCategory.objects.filter(name_fr="Membre manufacturier").update(
        annual_fee=Decimal("900.00"), is_open=False
    )

    call_command("seed_reference", stdout=io.StringIO())

    process = Process.objects.get(slug="moulage-par-injection")
    assert (process.name_fr, process.name_en, process.position) == (
        "Injection plastique",
        "Plastic injection",
        9,
    )
    category = MembershipCategory.objects.get(name_fr="Membre manufacturier")
    assert category.annual_fee == Decimal("900.00") and not category.is_open
    assert MembershipCategory.objects.count() == 3


def test_reference_list_slugs_are_short_ascii_and_unique():
    for items in reference_content.CLASSIFICATIONS.values():
        slugs = [item["slug"] for item in items]
        assert len(set(slugs)) == len(slugs)
        for slug in slugs:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 80


def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def test_seed_demo_prints_a_working_staff_login(client, settings):
    settings.DEBUG = True
    out = io.StringIO()

    call_command("seed_demo", "--companies", "5", stdout=out)

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
