"""Accounts: one per address, logging in with a password or an emailed code, and the emails
sent about an account, in the person's language, to the address it was asked for."""

import re

import pytest
from django.core import mail

from members.models import User
from tests.factories import PASSWORD, VICTIM, EmailAddressFactory, UserFactory
from tests.mail import code_in

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_unique_whatever_its_case(staff_client):
    User.objects.create_user("Camille.Roy@Exemple.qc.ca", "Mot-de-passe-solide-1")

    response = staff_client.post(
        "/admin/members/user/add/",
        {
            "email": "camille.roy@exemple.QC.CA",
            "password1": "Un-autre-mot-de-passe-2",
            "password2": "Un-autre-mot-de-passe-2",
            "usable_password": "true",
        },
    )

    assert response.status_code == 200
    assert "Un compte existe déjà avec cette adresse courriel." in response.content.decode()
    assert User.objects.count() == 2  # the staff member and Camille
    assert User.objects.filter(email="camille.roy@exemple.qc.ca").exists()


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


def test_account_emails_go_out_in_the_persons_language_with_html(client):
    user = UserFactory(email="english@exemple.qc.ca", preferred_language="en")
    client.post("/fr/compte/password/reset/", {"email": user.email})
    message = mail.outbox[-1]
    assert "Password Reset" in message.subject
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert "/en/" in message.body and "/fr/" not in message.body


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


# --- An address someone added without verifying it ----------------------------------------


def test_a_login_code_to_an_address_only_claimed_by_another_account_opens_nothing(client, attacker):
    client.post("/fr/compte/login/code/", {"email": VICTIM})
    assert [message.to for message in mail.outbox] == [[VICTIM]]
    code = code_in(mail.outbox[-1])
    if code:
        client.post("/fr/compte/login/code/confirm/", {"code": code})
    assert "_auth_user_id" not in client.session
    assert not attacker.emailaddress_set.filter(email=VICTIM, verified=True).exists()


def test_a_password_reset_to_an_address_only_claimed_by_another_account_resets_nothing(
    client, attacker
):
    client.post("/fr/compte/password/reset/", {"email": VICTIM})
    assert [message.to for message in mail.outbox] == [[VICTIM]]
    assert "/password/reset/key/" not in mail.outbox[-1].body
    # Nor is the mail written in the language of the account that claims the address.
    assert "Bonjour" in mail.outbox[-1].body


def test_account_emails_to_a_second_verified_address_are_in_the_persons_language(client):
    user = UserFactory(email="principale@exemple.qc.ca", preferred_language="en")
    EmailAddressFactory(user=user, email="seconde@exemple.qc.ca", verified=True)
    client.post("/fr/compte/login/code/", {"email": "seconde@exemple.qc.ca"})
    assert mail.outbox[-1].to == ["seconde@exemple.qc.ca"]
    assert mail.outbox[-1].body.startswith("Hello")
    assert code_in(mail.outbox[-1])


def test_the_login_page_offers_joining_not_signing_up(client):
    page = client.get("/fr/compte/login/").content.decode()
    assert "invitation par courriel" in page and 'href="/fr/adhesion/"' in page
    assert "/compte/signup/" not in page
