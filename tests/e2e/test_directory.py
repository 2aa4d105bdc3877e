import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from members.models import Application, Company, Process, Region, Sector
from tests.factories import PASSWORD, CompanyFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reference_content():
    call_command("seed_reference", verbosity=0, stdout=io.StringIO())


def test_visitor_finds_an_injection_moulder_in_chaudiere_appalaches(page, reference_content):
    injection = Process.objects.get(slug="moulage-par-injection")
    plastics = Sector.objects.get(slug="plastiques")
    composites = Sector.objects.get(slug="composites")
    beauce = CompanyFactory(
        name="Moulages Fictifs de la Beauce",
        region=Region.CHAUDIERE_APPALACHES,
        city="Saint-Georges",
        description_fr="Moulage par injection de pièces techniques.",
    )
    beauce.processes.add(injection)
    beauce.sectors.add(plastics)
    other = CompanyFactory(
        name="Injection Imaginaire Montérégie",
        region=Region.MONTEREGIE,
        description_fr="Injection de boîtiers.",
    )
    other.processes.add(injection)
    composite = CompanyFactory(
        name="Composites Lévis Fictifs",
        region=Region.CHAUDIERE_APPALACHES,
        description_fr="Pièces composites; moulage par injection de résine (RTM).",
    )
    composite.sectors.add(composites)

    page.goto("/fr/")
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Répertoire des membres"
    ).click()
    page.get_by_label("Rechercher dans le répertoire").fill("injection")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    expect(page.locator(".company-card")).to_have_count(3)

    # Ticking a filter applies it at once (with JavaScript), keeping the search.
    page.locator(".facet", has_text="Région").get_by_label(
        re.compile("Chaudière-Appalaches")
    ).check()
    expect(page).to_have_url(re.compile(r"q=injection.*region=12"))
    expect(page.locator(".company-card")).to_have_count(2)
    sector_facet = page.locator(".facet", has_text="Secteur")
    sector_facet.locator("summary").click()
    # Each box says how many firms it would show.
    expect(sector_facet.get_by_role("checkbox", name="Plastiques 1 entreprise")).to_be_visible()
    expect(sector_facet.get_by_role("checkbox", name="Composites 1 entreprise")).to_be_visible()
    sector_facet.get_by_label(re.compile("Plastiques")).check()
    expect(page).to_have_url(re.compile(r"sector=plastiques"))
    expect(page.locator(".company-card")).to_have_count(1)

    page.get_by_role("link", name="Moulages Fictifs de la Beauce").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moulages Fictifs de la Beauce")
    expect(page.locator(".company")).to_contain_text("Moulage par injection")
    expect(page.locator(".company")).to_contain_text("Saint-Georges")


def test_visitor_applies_and_staff_approve(page, reference_content, log_in_to_admin):
    staff = StaffFactory()
    page.goto("/fr/")
    page.get_by_role("link", name="Adhérer").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demander l’adhésion")

    page.get_by_label("Nom de l’entreprise").fill("Thermoformage Fictif du Littoral")
    page.get_by_label("Numéro d’entreprise du Québec (NEQ)").fill("1170000001")
    page.fill("#id_street_address", "12, rue des Essais")
    page.fill("#id_city", "Rimouski")
    page.get_by_label("Code postal").fill("g5l 1a1")
    page.get_by_label("Région administrative").select_option("01")
    page.get_by_label("Activités de l’entreprise").fill("Thermoformage de coques et de bacs.")
    page.get_by_label("Thermoformage").check()
    page.get_by_label(re.compile("Membre manufacturier")).check()
    page.fill("#id_first_name", "Alex")
    page.fill("#id_last_name", "Fortin")
    page.fill("#id_email", "alex@thermo.example")
    page.get_by_label(re.compile("J’ai lu et j’accepte")).check()
    page.get_by_role("button", name="Envoyer la demande").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Merci")
    application = Application.objects.get()
    assert application.company_name == "Thermoformage Fictif du Littoral"

    log_in_to_admin(staff, PASSWORD)
    page.goto("/admin/members/application/")
    page.get_by_role("link", name="Thermoformage Fictif du Littoral").click()
    page.get_by_role("button", name="Approuver la demande").click()

    expect(page.locator(".messagelist")).to_contain_text("Thermoformage Fictif du Littoral")
    company = Company.objects.get()
    assert company.postal_code == "G5L 1A1"
    assert company.processes.get().slug == "thermoformage"
    assert [m.to for m in mail.outbox if "alex@thermo.example" in m.to]

    page.goto(f"/fr/membres/{company.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thermoformage Fictif du Littoral")
