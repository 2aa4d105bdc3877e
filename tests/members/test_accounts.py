"""Accounts: invitations, login, the staff second factor, emails in the person's language."""

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.test import Client

from members.models import Invitation, Representative, User
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    CompanyFactory,
    RepresentativeFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
INVITATIONS_ADMIN = "/admin/members/invitation/"


@pytest.fixture
def staff_browser(staff):
    """Staff in their own browser, beside the ``client`` of the person invited."""
    browser = Client()
    browser.force_login(staff)
    return browser


@pytest.fixture
def send(staff_browser, django_capture_on_commit_callbacks):
    """Staff invite someone through the admin; returns the link emailed to them."""

    def invite(company, email, role="colleague", language="fr"):
        with django_capture_on_commit_callbacks(execute=True):
            response = staff_browser.post(
                INVITATIONS_ADMIN + "add/",
                {"company": company.pk, "email": email, "role": role, "language": language},
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        return re.search(r"https?://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)

    return invite


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def account_form(**changes) -> dict:
    return {
        "first_name": "Alex",
        "last_name": "Gagnon",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "language": "en",
        "consent": "on",
        **changes,
    }


def test_staff_invite_and_the_person_creates_an_account(client, send):
    company = CompanyFactory(name="Moules Bellechasse")
    link = send(company, "Alex@Moules.example", role="admin")

    message = mail.outbox[-1]
    assert message.to == ["alex@moules.example"]
    assert "Moules Bellechasse" in message.subject
    assert message.alternatives and "Moules Bellechasse" in message.alternatives[0][0]
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "alex@moules.example" in page.content.decode()

    response = client.post(path_of(link), account_form())
    assert response.status_code == 302 and response["Location"] == "/fr/espace-membre/"
    user = User.objects.get(email="alex@moules.example")
    assert user.preferred_language == "en" and user.privacy_consented_at is not None
    assert EmailAddress.objects.get(user=user).verified
    person = Representative.objects.get(user=user)
    assert (person.company, person.role) == (company, Representative.Role.ADMIN)
    dashboard = client.get("/fr/espace-membre/").content.decode()
    assert "Moules Bellechasse" in dashboard and "Gestionnaire du profil" in dashboard


def test_the_link_works_once(client, send):
    link = send(CompanyFactory(), "une@exemple.qc.ca")
    client.post(path_of(link), account_form())
    client.logout()
    again = client.get(path_of(link))
    assert again.status_code == 410
    assert "déjà été utilisée" in again.content.decode()
    assert User.objects.filter(email="une@exemple.qc.ca").count() == 1


def test_an_expired_or_revoked_invitation_says_so_and_creates_nothing(client, send):
    link = send(CompanyFactory(), "tard@exemple.qc.ca")
    invitation = Invitation.objects.get()
    Invitation.objects.update(expires_at=invitation.created_at)
    response = client.post(path_of(link), account_form())
    assert response.status_code == 410
    assert "expiré" in response.content.decode()

    link = send(CompanyFactory(), "retire@exemple.qc.ca")
    Invitation.objects.filter(email="retire@exemple.qc.ca").update(revoked_at=invitation.created_at)
    response = client.post(path_of(link), account_form())
    assert response.status_code == 410
    assert "retirée" in response.content.decode()
    assert not User.objects.filter(email__in=["tard@exemple.qc.ca", "retire@exemple.qc.ca"])


def test_a_new_invitation_replaces_the_waiting_one(client, send):
    company = CompanyFactory()
    first = send(company, "deux@exemple.qc.ca")
    second = send(company, "deux@exemple.qc.ca")
    assert client.get(path_of(first)).status_code == 410
    assert client.get(path_of(second)).status_code == 200


def test_an_unknown_link_is_a_404(client):
    assert client.get("/fr/invitation/pas-un-vrai-jeton/").status_code == 404


def test_bad_passwords_and_missing_consent_are_explained(client, send):
    link = send(CompanyFactory(), "faible@exemple.qc.ca")
    response = client.post(
        path_of(link), account_form(password1="1234", password2="1234", consent="")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "trop court" in page
    assert "politique de confidentialité" in page
    response = client.post(path_of(link), account_form(password2="autre-chose-encore"))
    assert "Les deux mots de passe diffèrent." in response.content.decode()
    assert not User.objects.filter(email="faible@exemple.qc.ca").exists()


def test_an_existing_account_logs_in_to_accept_instead_of_making_a_second(client, send):
    user = UserFactory(email="deja@exemple.qc.ca")
    RepresentativeFactory(user=user, email=user.email)
    other = CompanyFactory(name="Deuxième Entreprise")
    link = send(other, "deja@exemple.qc.ca")

    response = client.post(path_of(link), account_form())
    assert response.status_code == 200
    assert "Un compte existe déjà" in response.content.decode()
    assert User.objects.filter(email="deja@exemple.qc.ca").count() == 1

    client.force_login(user)
    response = client.post(path_of(link), {"consent": "on"})
    assert response.status_code == 302
    assert set(user.representations.values_list("company__name", flat=True)) >= {
        "Deuxième Entreprise"
    }
    assert user.representations.count() == 2


def test_someone_else_logged_in_cannot_accept(client, send):
    link = send(CompanyFactory(), "cible@exemple.qc.ca")
    client.force_login(UserFactory())
    response = client.post(path_of(link), {"consent": "on"})
    assert response.status_code == 403
    assert Invitation.objects.get().accepted_at is None


def test_inviting_someone_who_already_has_access_is_refused(staff_client):
    person = RepresentativeFactory(user=UserFactory(email="ici@exemple.qc.ca"))
    response = staff_client.post(
        INVITATIONS_ADMIN + "add/",
        {
            "company": person.company.pk,
            "email": "ICI@exemple.qc.ca",
            "role": "colleague",
            "language": "fr",
        },
    )
    assert response.status_code == 200
    assert "a déjà un compte" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_staff_revoke_from_the_admin(staff_client, send, client):
    link = send(CompanyFactory(), "revoquee@exemple.qc.ca")
    invitation = Invitation.objects.get()
    staff_client.post(INVITATIONS_ADMIN, {"action": "revoke", "_selected_action": [invitation.pk]})
    client.logout()
    assert client.get(path_of(link)).status_code == 410


# --- Login, rate limit, second factor --------------------------------------------------


def test_eleven_wrong_passwords_meet_the_rate_limit_page_in_french(client):
    user = UserFactory()
    for _attempt in range(10):
        response = client.post(
            "/fr/compte/login/", {"login": user.email, "password": "mauvais-mot-de-passe"}
        )
        assert response.status_code == 200
    response = client.post("/fr/compte/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client):
    client.force_login(StaffFactory(second_factor=False))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/totp/activate" in response["Location"]
    client.force_login(StaffFactory())
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_goes_through_the_portal_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/login/")


def test_staff_cannot_remove_their_last_second_factor(client):
    staff = StaffFactory()
    assert not get_mfa_adapter().can_delete_authenticator(staff.authenticator_set.get())
    member = UserFactory()
    assert get_mfa_adapter().can_delete_authenticator(TOTP.activate(member, "A" * 32).instance)


def test_account_emails_go_out_in_the_persons_language_with_html(client):
    user = UserFactory(email="english@exemple.qc.ca", preferred_language="en")
    client.post("/fr/compte/password/reset/", {"email": user.email})
    message = mail.outbox[-1]
    assert "Password Reset" in message.subject
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert "/en/" in message.body and "/fr/" not in message.body


def test_email_links_are_on_the_sites_address_whatever_host_the_request_named(
    client, staff_browser, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portail.example.org"
    user = UserFactory(email="english@exemple.qc.ca", preferred_language="en")
    client.post("/fr/compte/password/reset/", {"email": user.email}, HTTP_HOST="localhost")
    with django_capture_on_commit_callbacks(execute=True):
        staff_browser.post(
            INVITATIONS_ADMIN + "add/",
            {
                "company": CompanyFactory().pk,
                "email": "alex@moules.example",
                "role": "colleague",
                "language": "fr",
            },
            HTTP_HOST="localhost",
        )

    reset, invitation = mail.outbox[-2:]
    for message in (reset, invitation):
        links = re.findall(r"https?://\S+", message.body + message.alternatives[0][0])
        assert links and all(link.startswith("https://portail.example.org/") for link in links)
        assert "localhost" not in message.body
    assert "https://portail.example.org/en/account/password/reset/key/" in reset.body


# --- Members-only content -----------------------------------------------------------------


def test_people_of_member_companies_read_members_only_news_lapsed_ones_do_not(client):
    article = ArticleFactory(body_fr="<p>Prix confidentiels</p>", members_only=True)
    active = RepresentativeFactory(user=UserFactory()).user
    lapsed_company = CompanyFactory(period=(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))
    lapsed = RepresentativeFactory(company=lapsed_company, user=UserFactory()).user
    client.force_login(active)
    assert "Prix confidentiels" in client.get(article.get_absolute_url()).content.decode()
    client.force_login(lapsed)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200 and "Prix confidentiels" not in page.content.decode()


def test_members_only_people_show_to_active_members_only(client):
    company = CompanyFactory()
    RepresentativeFactory(company=company, first_name="Réservée", visibility="members")
    visitor = client.get(company.get_absolute_url()).content.decode()
    assert "Réservée" not in visitor
    client.force_login(RepresentativeFactory(user=UserFactory()).user)
    assert "Réservée" in client.get(company.get_absolute_url()).content.decode()


def test_account_pages_say_courriel_in_french(client):
    page = client.get("/fr/compte/login/").content.decode()
    assert "Courriel" in page and "e-mail" not in page.lower()
    assert "Email" in client.get("/en/account/login/").content.decode()


def test_a_login_code_typed_wrong_three_times_is_refused_clearly(client):
    user = UserFactory()
    client.post("/fr/compte/login/code/", {"email": user.email})
    code_email = mail.outbox[-1]
    assert code_email.body.startswith("Bonjour,")
    assert "L’équipe de l’Alliance Polymères Québec" in code_email.body
    for _attempt in range(2):
        wrong = client.post("/fr/compte/login/code/confirm/", {"code": "FAUX-CODE"})
        assert "Code incorrect" in wrong.content.decode()
    third = client.post("/fr/compte/login/code/confirm/", {"code": "FAUX-CODE"}, follow=True)
    assert "Trop de tentatives" in third.content.decode()
    assert "_auth_user_id" not in client.session
    # The code that was sent no longer works either.
    code = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", code_email.body).group(0)
    client.post("/fr/compte/login/code/confirm/", {"code": code})
    assert "_auth_user_id" not in client.session


def test_an_invitation_to_an_address_another_account_verified_asks_to_log_in(client, send):
    user = UserFactory(email="principal@exemple.qc.ca")
    user.emailaddress_set.create(email="secondaire@exemple.qc.ca", verified=True)
    link = send(CompanyFactory(), "secondaire@exemple.qc.ca")
    response = client.post(path_of(link), account_form())
    assert response.status_code == 200 and "Un compte existe déjà" in response.content.decode()
    assert User.objects.count() == 2  # staff and this one: no second account
    client.force_login(user)
    assert client.post(path_of(link), {"consent": "on"}).status_code == 302
    assert user.representations.count() == 1


def test_accepting_again_after_changing_address_keeps_one_row_per_company(client, send):
    company = CompanyFactory()
    user = UserFactory(email="ancienne@exemple.qc.ca")
    RepresentativeFactory(company=company, user=user, email="ancienne@exemple.qc.ca")
    user.emailaddress_set.create(email="nouvelle@exemple.qc.ca", verified=True)
    link = send(company, "nouvelle@exemple.qc.ca", role="admin")
    client.force_login(user)
    assert client.post(path_of(link), {"consent": "on"}).status_code == 302
    assert company.representatives.get(user=user).role == "admin"
    assert client.get(f"/fr/espace-membre/entreprises/{company.slug}/").status_code == 200


def test_every_admin_page_asks_staff_for_a_second_factor(client):
    client.force_login(StaffFactory(second_factor=False))
    for path in ("/admin/members/company/", "/admin/members/invitation/add/", "/admin/news/"):
        response = client.get(path)
        assert response.status_code == 302 and "/totp/activate" in response["Location"], path


def test_a_mistyped_company_address_in_the_admin_is_not_an_error(staff_client):
    response = staff_client.get("/admin/members/company/abc/change/")
    assert response.status_code == 302  # back to the admin with "does not exist"


def test_the_login_page_offers_joining_not_signing_up(client):
    page = client.get("/fr/compte/login/").content.decode()
    assert "invitation par courriel" in page and 'href="/fr/adhesion/"' in page
    assert "/compte/signup/" not in page


def test_the_invitation_list_starts_on_those_waiting(staff_browser, send, client):
    link = send(CompanyFactory(), "acceptee@exemple.qc.ca")
    send(CompanyFactory(), "attente@exemple.qc.ca")
    client.post(path_of(link), account_form())
    staff_browser.get(INVITATIONS_ADMIN)  # shows, and so clears, the "added" messages
    waiting = staff_browser.get(INVITATIONS_ADMIN).content.decode()
    assert "attente@exemple.qc.ca" in waiting and "acceptee@exemple.qc.ca" not in waiting
    accepted = staff_browser.get(INVITATIONS_ADMIN + "?state=accepted").content.decode()
    assert "acceptee@exemple.qc.ca" in accepted and "attente@exemple.qc.ca" not in accepted
