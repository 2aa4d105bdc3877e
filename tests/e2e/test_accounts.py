"""Member accounts in a real browser: invitation to edited profile, the staff second
factor, the rate limit on wrong passwords."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import Person
from tests.factories import (
    PASSWORD,
    CompanyFactory,
    PersonFactory,
    StaffFactory,
    UserFactory,
    image_upload,
    totp_code,
)

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, email: str, password: str) -> None:
    page.goto("/fr/compte/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")


def test_invited_person_edits_the_profile_and_the_directory_shows_it(
    browser, live_server, page, log_in_to_admin, tmp_path
):
    company = CompanyFactory(name="Moules Fictifs de Bellechasse", description_en="")
    colleague = UserFactory(email="collegue@moules.example")
    PersonFactory(company=company, user=colleague, email=colleague.email, role="colleague")
    staff = StaffFactory()

    # Staff invite the future administrator from the admin.
    log_in_to_admin(staff, PASSWORD)
    page.goto("/admin/members/invitation/add/")
    page.locator(".select2-selection").first.click()
    page.locator(".select2-search__field").fill("Moules")
    page.locator(".select2-results__option", has_text="Moules Fictifs").click()
    page.fill("#id_email", "alex@moules.example")
    page.select_option("#id_role", "admin")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    link = re.search(r"https?://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)

    # The person, in their own browser, opens the link and chooses a password.
    person = browser.new_context(base_url=live_server.url, locale="fr-CA").new_page()
    person.goto("/" + link.split("/", 3)[3])
    person.fill("#id_first_name", "Alex")
    person.fill("#id_last_name", "Gagnon")
    person.fill("#id_password1", PASSWORD)
    person.fill("#id_password2", PASSWORD)
    person.check("#id_consent")
    person.get_by_role("button", name=re.compile("Accepter l.invitation")).click()
    expect(person.get_by_role("heading", level=1)).to_have_text("Espace membre")

    # Log out, log back in with the new password.
    person.get_by_role("button", name="Se déconnecter").click()
    log_in(person, "alex@moules.example", PASSWORD)
    expect(person.get_by_role("heading", level=1)).to_have_text("Espace membre")

    # Edit the English description and the logo.
    person.get_by_role("link", name="Modifier le profil").click()
    person.fill("#id_description_en", "Precision moulds for the medical sector.")
    logo = tmp_path / "logo.png"
    logo.write_bytes(image_upload(size=(300, 300)).read())
    person.set_input_files("#id_logo", str(logo))
    person.get_by_role("button", name="Enregistrer le profil").click()
    expect(person.locator(".messages")).to_contain_text("enregistré")

    # The public directory shows it, in English.
    visitor = browser.new_context(base_url=live_server.url, locale="en-CA").new_page()
    visitor.goto(f"/en/members/{company.slug}/")
    expect(visitor.get_by_text("Precision moulds for the medical sector.")).to_be_visible()
    expect(visitor.locator("img[src*='logo']").first).to_be_visible()
    assert Person.objects.get(user__email="alex@moules.example").role == "admin"

    # A colleague can read the profile but not change it.
    log_in(visitor, colleague.email, PASSWORD)
    visitor.goto(f"/fr/espace-membre/entreprises/{company.slug}/")
    expect(visitor.get_by_text("Seuls les gestionnaires du profil")).to_be_visible()
    expect(visitor.get_by_role("button", name="Enregistrer le profil")).to_have_count(0)
    expect(visitor.locator("#id_description_en")).to_be_disabled()


def test_staff_set_up_an_authenticator_app_before_reaching_the_admin(page):
    staff = StaffFactory(second_factor=False)
    log_in(page, staff.email, PASSWORD)
    page.goto("/admin/")
    expect(page.locator(".messages")).to_contain_text("deuxième facteur")
    # Adding a second factor asks for the password again (allauth's reauthentication).
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("#id_code", totp_code(secret))
    page.press("#id_code", "Enter")
    page.goto("/admin/")
    expect(page.locator("#site-name")).to_be_visible()
    assert staff.authenticator_set.filter(type="totp").exists()


def test_eleven_wrong_passwords_meet_the_rate_limit_page_in_french(page):
    user = UserFactory()
    for _attempt in range(10):
        log_in(page, user.email, "pas-le-bon-mot-de-passe")
        expect(page.locator("form .errorlist, form [role=alert], .alert").first).to_be_visible()
    log_in(page, user.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Trop de tentatives")
