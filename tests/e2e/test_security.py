"""The Content-Security-Policy in a real browser: the admin's language tabs and the rich-text
editor, and the authenticator app's QR code, work under it and break none of its rules."""

import pytest
from playwright.sync_api import expect

from news.models import Article
from tests.e2e.test_accounts import log_in
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    CompanyFactory,
    PersonFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def violations(page) -> list[str]:
    """Every CSP violation the browser reports, from the event and from the console."""
    found: list[str] = []
    page.expose_function("reportViolation", lambda text: found.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));"
    )
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_admin_tabs_and_editor_work_under_the_policy(page, violations, log_in_to_admin):
    article = ArticleFactory(body_en="<p>Old text.</p>")
    log_in_to_admin(StaffFactory(), PASSWORD)

    response = page.goto(f"/admin/news/article/{article.pk}/change/")

    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]
    expect(page.locator("#id_title_en")).to_be_hidden()
    page.click('a[href="#tab_id_title_en"]')
    expect(page.locator("#id_title_en")).to_be_visible()
    page.fill("#id_title_en", "Title typed under the policy")
    page.click('a[href="#tab_id_body_en"]')
    editor = page.locator("#tab_id_body_en [contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Typed in the editor.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    expect(page.locator(".messagelist")).to_be_visible()
    article = Article.objects.get(pk=article.pk)
    assert article.title_en == "Title typed under the policy"
    assert article.body_en == "<p>Typed in the editor.</p>"
    assert violations == [], "\n".join(violations)


def test_authenticator_setup_shows_its_qr_code_under_the_policy(page, violations):
    staff = StaffFactory(second_factor=False)
    log_in(page, staff.email, PASSWORD)
    page.goto("/admin/")
    page.fill("#id_password", PASSWORD)  # allauth asks for the password again
    page.press("#id_password", "Enter")

    qr_code = page.locator("img[src^='data:image/svg+xml']")
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("img => img.complete && img.naturalWidth") > 0
    assert violations == [], "\n".join(violations)


def test_public_pages_break_no_rule_of_the_policy(page, violations):
    ArticleFactory()
    for path in ("/fr/", "/fr/membres/", "/fr/nouvelles/", "/fr/compte/login/"):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
    assert violations == [], "\n".join(violations)


def test_company_import_and_export_pages_work_under_the_policy(
    page, violations, log_in_to_admin, tmp_path
):
    CompanyFactory(name="Élastomères Nord", neq="1145678901")
    log_in_to_admin(StaffFactory(), PASSWORD)

    page.goto("/admin/members/company/export/")
    select_all = page.get_by_label("Tout sélectionner")  # the label names the box
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    expect(fields.first).to_be_checked()
    select_all.uncheck()
    expect(fields.first).not_to_be_checked()
    select_all.check()
    expect(fields.last).to_be_checked()
    expect(page.get_by_role("button", name="Exporter")).to_be_visible()

    upload = tmp_path / "entreprises.csv"
    upload.write_text("NEQ,Nom\n1145678901,Élastomères Nord renommée\n", encoding="utf-8")
    page.goto("/admin/members/company/import/")
    page.set_input_files("#id_import_file", str(upload))
    page.select_option("#id_format", "0")
    page.get_by_role("button", name="Soumettre").click()
    inserted = page.locator(".import-preview ins").first
    expect(inserted).to_have_text(" renommée")
    assert inserted.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(230, 255, 230)"
    assert violations == [], "\n".join(violations)


def test_admin_pages_break_no_rule_of_the_policy(page, violations, log_in_to_admin):
    company = CompanyFactory(name="Élastomères Nord", neq="1145678901")
    article = ArticleFactory()
    staff = StaffFactory()
    log_in_to_admin(staff, PASSWORD)
    for path in (
        "/admin/",
        "/admin/members/company/",
        f"/admin/members/company/{company.pk}/change/",
        "/admin/members/company/add/",
        f"/admin/members/company/{company.pk}/history/",
        "/admin/members/committee/add/",
        "/admin/members/meeting/add/",
        f"/admin/members/user/{staff.pk}/change/",
        "/admin/news/article/",
        "/admin/news/article/recover/",
        f"/admin/news/article/{article.pk}/history/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
    # The autocomplete of the classifications (select2) opens under the policy too.
    page.goto(f"/admin/members/company/{company.pk}/change/")
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-dropdown")).to_be_visible()
    assert violations == [], "\n".join(violations)


def test_member_area_and_account_pages_break_no_rule_of_the_policy(page, violations):
    user = UserFactory()
    company = CompanyFactory()
    PersonFactory(company=company, user=user, email=user.email, role="admin")
    log_in(page, user.email, PASSWORD)
    page.wait_for_url("**/espace-membre/")
    for path in (
        "/fr/espace-membre/",
        "/fr/espace-membre/profil/",
        f"/fr/espace-membre/entreprises/{company.slug}/",
        f"/fr/espace-membre/entreprises/{company.slug}/collegues/",
        "/fr/compte/email/",
        "/fr/compte/2fa/",
        "/fr/compte/password/change/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
    assert violations == [], "\n".join(violations)
