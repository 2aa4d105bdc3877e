import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from alliance.reference_content import REBRAND_ARTICLE
from news.models import Article
from tests.factories import PASSWORD, ArticleFactory, CategoryFactory, StaffFactory, image_upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reference_content():
    call_command("seed_reference", verbosity=0, stdout=io.StringIO())


def test_visitor_reads_the_rebrand_and_switches_to_english(page, reference_content):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/fr/$"))

    page.get_by_role("link", name=REBRAND_ARTICLE["title_fr"]).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(REBRAND_ARTICLE["title_fr"])
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".prose")).to_contain_text("Denis Bertrand")

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(f"/en/news/{REBRAND_ARTICLE['slug_en']}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(REBRAND_ARTICLE["title_en"])
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_staff_write_publish_and_find_an_article(page, tmp_path, log_in_to_admin):
    staff = StaffFactory()
    category = CategoryFactory(name_fr="Innovation", name_en="Innovation")
    cover = tmp_path / "usine.png"
    cover.write_bytes(image_upload(size=(1200, 675)).read())

    log_in_to_admin(staff, PASSWORD)
    page.goto("/admin/news/article/add/")

    page.locator("#id_title_fr").press_sequentially("Nouvelle ligne de recyclage")
    expect(page.locator("#id_slug_fr")).to_have_value("nouvelle-ligne-de-recyclage")
    page.fill("#id_summary_fr", "Une entreprise membre inaugure une ligne de recyclage.")
    page.locator("#tab_id_body_fr [contenteditable=true]").click()
    page.keyboard.type("La ligne traite dix tonnes par jour.")

    page.click('a[href="#tab_id_title_en"]')
    page.locator("#id_title_en").press_sequentially("New recycling line")
    expect(page.locator("#id_slug_en")).to_have_value("new-recycling-line")
    page.click('a[href="#tab_id_summary_en"]')
    page.fill("#id_summary_en", "A member company opens a recycling line.")
    page.click('a[href="#tab_id_body_en"]')
    page.locator("#tab_id_body_en [contenteditable=true]").click()
    page.keyboard.type("The line handles ten tonnes a day.")

    page.set_input_files("#id_cover", str(cover))
    page.fill("#id_cover_alt_fr", "La nouvelle ligne de recyclage")
    page.select_option("#id_category", str(category.pk))
    page.select_option("#id_status", "published")
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("Nouvelle ligne de recyclage")
    article = Article.objects.get()
    assert article.body_en == "<p>The line handles ten tonnes a day.</p>"

    page.goto("/fr/nouvelles/")
    page.get_by_role("link", name="Nouvelle ligne de recyclage").click()
    expect(page.locator(".prose")).to_have_text("La ligne traite dix tonnes par jour.")
    cover_image = page.locator(".article__cover img")
    expect(cover_image).to_have_attribute("alt", "La nouvelle ligne de recyclage")
    assert cover_image.evaluate("img => img.complete && img.naturalWidth") == 1280
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile("/en/news/new-recycling-line/$"))
    expect(page.locator(".prose")).to_have_text("The line handles ten tonnes a day.")


def test_members_only_body_stays_hidden_in_the_browser(page):
    ArticleFactory(
        title_fr="Veille du marché",
        slug_fr="veille",
        members_only=True,
        body_fr="<p>Prix confidentiels des résines</p>",
    )

    page.goto("/fr/nouvelles/veille/")

    expect(page.get_by_role("heading", name="Cet article est réservé aux membres")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Prix confidentiels")
