"""The staff second factor: staff set one up before the admin opens to them, and what only
staff may read needs a session that passed it (members.middleware, members.access)."""

import io

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.core.management import call_command

from members.models import Committee, Document
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    CompanyFactory,
    DocumentFactory,
    StaffFactory,
    UserFactory,
    log_in,
    totp_code,
)

pytestmark = pytest.mark.django_db
ADMIN_INDEX = "<h1>Site d’administration</h1>"


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client):
    client.force_login(StaffFactory(second_factor=False))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/totp/activate" in response["Location"]
    told = client.get("/admin/", follow=True).content.decode()
    assert "exigent un deuxième facteur" in told
    log_in(client, StaffFactory())
    assert ADMIN_INDEX in client.get("/admin/").content.decode()


def test_the_admin_login_goes_through_the_portal_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/login/")
    login = client.get(response["Location"])
    assert login.status_code == 200 and 'name="password"' in login.content.decode()


def test_staff_cannot_remove_their_last_second_factor(client):
    staff = StaffFactory()
    assert not get_mfa_adapter().can_delete_authenticator(staff.authenticator_set.get())
    member = UserFactory()
    assert get_mfa_adapter().can_delete_authenticator(TOTP.activate(member, "A" * 32).instance)


def test_every_admin_page_asks_staff_for_a_second_factor(client):
    client.force_login(StaffFactory(second_factor=False))
    for path in ("/admin/members/company/", "/admin/members/invitation/add/", "/admin/news/"):
        response = client.get(path)
        assert response.status_code == 302 and "/totp/activate" in response["Location"], path


def test_the_admin_itself_refuses_a_staff_session_that_skipped_the_second_factor(client, settings):
    # The admin's own door asks the same rule as the site, not only the middleware in
    # front of it: with that middleware left out, a staff password still opens nothing.
    settings.MIDDLEWARE = [
        name
        for name in settings.MIDDLEWARE
        if name != "members.middleware.StaffSecondFactorMiddleware"
    ]
    client.force_login(StaffFactory())
    response = client.get("/admin/members/company/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Staff privileges need a session that passed the second factor ------------------------

STAFF_SECRET = "Le texte réservé au personnel"


@pytest.fixture
def reserved():
    """What only staff (or a committee, or members) may read, and where each is."""
    call_command("seed_reference", stdout=io.StringIO())
    document = DocumentFactory(
        committee=Committee.objects.first(),
        title_fr="Procès-verbal",
        access=Document.Access.COMMITTEE,
        file__filename="pv.pdf",
    )
    return {
        "draft": ArticleFactory(draft=True).get_absolute_url(),
        "members_only": ArticleFactory(
            members_only=True, body_fr=f"<p>{STAFF_SECRET}</p>"
        ).get_absolute_url(),
        "unlisted_company": CompanyFactory(period=False).get_absolute_url(),
        "committee_document": document.get_absolute_url(),
    }


def reads_as_staff(client, reserved) -> dict:
    draft = client.get(reserved["draft"]).status_code == 200
    members_only = STAFF_SECRET in client.get(reserved["members_only"]).content.decode()
    unlisted = client.get(reserved["unlisted_company"]).status_code == 200
    document = client.get(reserved["committee_document"]).status_code == 200
    return {
        "draft": draft,
        "members_only": members_only,
        "unlisted_company": unlisted,
        "committee_document": document,
    }


def six_minutes_pass(client) -> None:
    """Everything the session recorded of its login happened six minutes earlier."""
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {**record, "at": record["at"] - 6 * 60}
        for record in session[AUTHENTICATION_METHODS_SESSION_KEY]
    ]
    session.save()


def log_in_with_password(client, user) -> None:
    client.post("/fr/compte/login/", {"login": user.email, "password": PASSWORD})


# Committed for real: allauth sends its notice once the new factor is saved, while the
# request is still running.
@pytest.mark.django_db(transaction=True)
def test_staff_with_only_a_password_read_nothing_reserved_until_a_second_factor(client, reserved):
    staff = StaffFactory(second_factor=False)
    log_in_with_password(client, staff)
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert not any(reads_as_staff(client, reserved).values())
    assert "/totp/activate" in client.get("/admin/")["Location"]
    assert "Administration" in client.get("/fr/").content.decode()  # the way to set it up

    # Setting up the first factor asks for the password again, then tells the person.
    response = client.get("/fr/compte/2fa/totp/activate/")
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]
    client.post(response["Location"], {"password": PASSWORD})
    secret = client.get("/fr/compte/2fa/totp/activate/").context["form"].secret
    mail.outbox.clear()
    client.post("/fr/compte/2fa/totp/activate/", {"code": totp_code(secret)})
    assert staff.authenticator_set.filter(type="totp").exists()
    assert [message.to for message in mail.outbox] == [[staff.email]]
    codes = client.get("/fr/compte/2fa/recovery-codes/")  # shown once
    assert codes.status_code == 200
    assert "Il y a 10 codes de récupération disponibles sur 10." in codes.content.decode()

    assert all(reads_as_staff(client, reserved).values())
    assert ADMIN_INDEX in client.get("/admin/").content.decode()


def test_staff_read_what_is_reserved_once_past_their_authenticator_app(client, reserved):
    staff = StaffFactory()
    log_in_with_password(client, staff)
    assert "_auth_user_id" not in client.session  # the code comes first
    response = client.post("/fr/compte/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert all(reads_as_staff(client, reserved).values())
    assert ADMIN_INDEX in client.get("/admin/").content.decode()


def test_a_staff_session_that_never_passed_the_second_factor_is_asked_for_it(client, reserved):
    # Logged in before their authenticator app was set up, for instance.
    staff = StaffFactory()
    client.force_login(staff)
    assert not any(reads_as_staff(client, reserved).values())
    response = client.get("/admin/members/company/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/2fa/reauthenticate/")
    assert "next=%2Fadmin%2Fmembers%2Fcompany%2F" in response["Location"]
    client.post(response["Location"], {"code": totp_code()})
    companies = client.get("/admin/members/company/")
    assert companies.status_code == 200
    assert "Sélectionnez l’objet entreprise à changer" in companies.content.decode()
    assert all(reads_as_staff(client, reserved).values())


def test_adding_a_factor_to_an_account_that_has_one_asks_for_that_one(client):
    staff = StaffFactory()
    log_in(client, staff)
    # The password, however recent, is not enough to add a security key.
    client.post("/fr/compte/reauthenticate/", {"password": PASSWORD})
    for page in ("/fr/compte/2fa/webauthn/add/", "/fr/compte/2fa/recovery-codes/generate/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/fr/compte/2fa/reauthenticate/"), page
    client.post("/fr/compte/2fa/reauthenticate/", {"code": totp_code()})
    add_a_key = client.get("/fr/compte/2fa/webauthn/add/")
    assert add_a_key.status_code == 200
    assert "Ajouter une clé de sécurité" in add_a_key.content.decode()


def test_setting_up_a_first_factor_after_a_stale_login_asks_for_the_password(client):
    staff = StaffFactory(second_factor=False)
    log_in_with_password(client, staff)
    client.post("/fr/compte/reauthenticate/", {"password": PASSWORD})
    activate = client.get("/fr/compte/2fa/totp/activate/")
    assert activate.status_code == 200
    assert "Activer l'application d'authentification" in activate.content.decode()
    six_minutes_pass(client)
    response = client.get("/fr/compte/2fa/totp/activate/")
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]
