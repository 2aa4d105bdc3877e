"""Invitations to a company's member area: staff send them from the admin, the person
invited creates an account or logs in to accept, and a link works once, for its address."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from alliance.models import OutgoingEmail
from members.models import Invitation, Person, User
from tests.client import Client
from tests.factories import (
    PASSWORD,
    VICTIM,
    CompanyFactory,
    EmailAddressFactory,
    PersonFactory,
    UserFactory,
    log_in,
)
from tests.mail import code_in

pytestmark = pytest.mark.django_db
INVITATIONS_ADMIN = "/admin/members/invitation/"


@pytest.fixture
def staff_browser(staff):
    """Staff in their own browser, beside the ``client`` of the person invited."""
    return log_in(Client(), staff)


@pytest.fixture
def send(staff_browser):
    """Staff invite someone through the admin; returns the link emailed to them."""

    def invite(company, email, role="colleague", language="fr"):
        response = staff_browser.post(
            INVITATIONS_ADMIN + "add/",
            {"company": company.pk, "email": email, "role": role, "language": language},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        return re.search(r"https?://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)

    return invite


UNUSABLE = "Cette invitation ne peut pas être utilisée"


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
    person = Person.objects.get(user=user)
    assert (person.company, person.role) == (company, Person.Role.ADMIN)
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
    replaced = client.get(path_of(first))
    assert replaced.status_code == 410
    assert UNUSABLE in replaced.content.decode()
    current = client.get(path_of(second))
    assert current.status_code == 200
    assert "deux@exemple.qc.ca" in current.content.decode()
    assert 'name="password1"' in current.content.decode()


def test_an_unknown_link_is_a_404(client):
    response = client.get("/fr/invitation/pas-un-vrai-jeton/")
    assert response.status_code == 404
    assert UNUSABLE in response.content.decode()
    assert "copié en entier" in response.content.decode()


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
    PersonFactory(user=user, email=user.email)
    other = CompanyFactory(name="Deuxième Entreprise")
    link = send(other, "deja@exemple.qc.ca")

    response = client.post(path_of(link), account_form())
    assert response.status_code == 200
    assert "Un compte existe déjà" in response.content.decode()
    assert User.objects.filter(email="deja@exemple.qc.ca").count() == 1

    client.force_login(user)
    response = client.post(path_of(link), {"consent": "on"})
    assert response.status_code == 302
    assert set(user.people.values_list("company__name", flat=True)) >= {"Deuxième Entreprise"}
    assert user.people.count() == 2


def test_someone_else_logged_in_cannot_accept(client, send):
    link = send(CompanyFactory(), "cible@exemple.qc.ca")
    client.force_login(UserFactory())
    response = client.post(path_of(link), {"consent": "on"})
    assert response.status_code == 403
    assert "envoyée à cible@exemple.qc.ca, mais vous êtes connecté" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_an_invitation_with_the_mail_server_down_is_saved_and_its_email_waits(
    staff_client, mail_server_down
):
    company = CompanyFactory()
    response = staff_client.post(
        INVITATIONS_ADMIN + "add/",
        {"company": company.pk, "email": "alex@exemple.qc.ca", "role": "admin", "language": "fr"},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "a été ajouté avec succès" in page and "pas pu être envoyée" not in page
    assert Invitation.objects.get().email == "alex@exemple.qc.ca"
    (waiting,) = OutgoingEmail.objects.all()
    assert (waiting.recipients, waiting.status) == ("alex@exemple.qc.ca", "queued")
    assert waiting.last_error.startswith("SMTPServerDisconnected")
    assert not mail.outbox


def test_inviting_someone_who_already_has_access_is_refused(staff_client):
    person = PersonFactory(user=UserFactory(email="ici@exemple.qc.ca"))
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
    revoked = client.get(path_of(link))
    assert revoked.status_code == 410
    assert "Cette invitation a été retirée" in revoked.content.decode()


def test_email_links_are_on_the_sites_address_whatever_host_the_request_named(
    client, staff_browser, settings
):
    settings.SITE_URL = "https://portail.example.org"
    user = UserFactory(email="english@exemple.qc.ca", preferred_language="en")
    client.post("/fr/compte/password/reset/", {"email": user.email}, HTTP_HOST="localhost")
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


def test_an_invitation_to_an_address_another_account_verified_asks_to_log_in(client, send):
    user = UserFactory(email="principal@exemple.qc.ca")
    EmailAddressFactory(user=user, email="secondaire@exemple.qc.ca", verified=True)
    link = send(CompanyFactory(), "secondaire@exemple.qc.ca")
    response = client.post(path_of(link), account_form())
    assert response.status_code == 200 and "Un compte existe déjà" in response.content.decode()
    assert User.objects.count() == 2  # staff and this one: no second account
    client.force_login(user)
    assert client.post(path_of(link), {"consent": "on"}).status_code == 302
    assert user.people.count() == 1


# --- An address someone added without verifying it ----------------------------------------


def test_an_invitation_to_an_address_only_claimed_by_another_account_is_the_invitees(
    client, send, attacker
):
    company = CompanyFactory(name="Entreprise Visée")
    link = send(company, VICTIM)

    # The invited person is offered an account of their own, not "log in".
    page = client.get(path_of(link)).content.decode()
    assert 'name="password1"' in page and "Un compte existe déjà" not in page

    # Logging in by code with the invited address never opens the other account.
    mail.outbox.clear()
    client.post("/fr/compte/login/code/", {"email": VICTIM})
    assert [message.to for message in mail.outbox] == [[VICTIM]]
    code = code_in(mail.outbox[-1])
    if code:
        client.post("/fr/compte/login/code/confirm/", {"code": code})
    assert client.session.get("_auth_user_id") != str(attacker.pk)
    assert not attacker.emailaddress_set.filter(email=VICTIM, verified=True).exists()

    # The person who owns the address accepts; the company is theirs, not the other's.
    client.logout()
    assert client.post(path_of(link), account_form()).status_code == 302
    victim = User.objects.get(email=VICTIM)
    assert victim != attacker
    assert list(victim.people.values_list("company__name", flat=True)) == ["Entreprise Visée"]
    assert not attacker.people.exists()


def test_an_account_that_only_claims_the_invited_address_cannot_accept(client, send, attacker):
    link = send(CompanyFactory(), VICTIM)
    client.force_login(attacker)
    for response in (client.get(path_of(link)), client.post(path_of(link), {"consent": "on"})):
        assert response.status_code == 403
        assert f"envoyée à {VICTIM}, mais vous êtes connecté" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None
    assert not attacker.people.exists()


def test_accepting_again_after_changing_address_keeps_one_row_per_company(client, send):
    company = CompanyFactory()
    user = UserFactory(email="ancienne@exemple.qc.ca")
    PersonFactory(company=company, user=user, email="ancienne@exemple.qc.ca")
    EmailAddressFactory(user=user, email="nouvelle@exemple.qc.ca", verified=True)
    link = send(company, "nouvelle@exemple.qc.ca", role="admin")
    client.force_login(user)
    assert client.post(path_of(link), {"consent": "on"}).status_code == 302
    assert company.people.get(user=user).role == "admin"
    profile = client.get(f"/fr/espace-membre/entreprises/{company.slug}/")
    assert profile.status_code == 200
    assert f"<h1>Profil de {company.name}</h1>" in profile.content.decode()


def test_the_invitation_list_starts_on_those_waiting(staff_browser, send, client):
    link = send(CompanyFactory(), "acceptee@exemple.qc.ca")
    send(CompanyFactory(), "attente@exemple.qc.ca")
    client.post(path_of(link), account_form())
    staff_browser.get(INVITATIONS_ADMIN)  # shows, and so clears, the "added" messages
    waiting = staff_browser.get(INVITATIONS_ADMIN).content.decode()
    assert "attente@exemple.qc.ca" in waiting and "acceptee@exemple.qc.ca" not in waiting
    accepted = staff_browser.get(INVITATIONS_ADMIN + "?state=accepted").content.decode()
    assert "acceptee@exemple.qc.ca" in accepted and "attente@exemple.qc.ca" not in accepted
