"""Accounts: one per address, logging in with a password or an emailed code, the emails
sent about an account, in the person's language, to the address it was asked for; a
person's own profile, and what Law 25 gives them: their data, closing their account."""

import json
import re

import pytest
import reversion
from django.core import mail
from reversion.models import Version

from members.models import (
    AccountClosure,
    Application,
    Company,
    Invitation,
    Person,
    RenewalReminder,
    User,
)
from news.models import Subscriber
from tests.client import Client
from tests.factories import (
    PASSWORD,
    VICTIM,
    ApplicationFactory,
    EmailAddressFactory,
    InvitationFactory,
    RenewalReminderFactory,
    SubscriberFactory,
    UserFactory,
    as_,
)
from tests.mail import code_in

pytestmark = pytest.mark.django_db
AREA = "/fr/espace-membre/"


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


def test_the_login_page_offers_joining_not_signing_up(client):
    page = client.get("/fr/compte/login/").content.decode()
    assert "invitation par courriel" in page and 'href="/fr/adhesion/"' in page
    assert "/compte/signup/" not in page


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


# --- My profile, Law 25 ----------------------------------------------------------------------


def test_a_line_break_in_my_name_or_job_title_is_refused(world):
    client = as_(world["admin"])
    me = Person.objects.get(user=world["admin"])
    data = {
        "first_name": "Alexandra",
        "last_name": "Roy",
        "preferred_language": "fr",
        f"person-{me.pk}-job_title": "Présidente",
        f"person-{me.pk}-phone": "",
        f"person-{me.pk}-visibility": "members",
    }
    for field in ("first_name", f"person-{me.pk}-job_title"):
        response = client.post(f"{AREA}profil/", {**data, field: "Roy\rBcc: x@spam.example"})
        assert response.status_code == 400, field
        assert "sur une seule ligne" in response.content.decode()
    me = Person.objects.get(pk=me.pk)
    assert "\r" not in me.full_name + me.job_title


def test_my_profile_records_the_date_of_each_visibility_choice(world):
    client = as_(world["admin"])
    me = Person.objects.get(user=world["admin"])
    response = client.post(
        f"{AREA}profil/",
        {
            "first_name": "Alexandra",
            "last_name": "Roy",
            "preferred_language": "en",
            f"person-{me.pk}-job_title": "Présidente",
            f"person-{me.pk}-phone": "418 555-0199",
            f"person-{me.pk}-visibility": "public",
        },
    )
    assert response.status_code == 302
    me = Person.objects.get(pk=me.pk)
    assert (me.full_name, me.job_title, me.visibility) == ("Alexandra Roy", "Présidente", "public")
    assert me.visibility_changed_at is not None
    assert User.objects.get(pk=world["admin"].pk).preferred_language == "en"
    page = Client().get(world["company"].get_absolute_url()).content.decode()
    assert "Alexandra Roy" in page


def test_the_data_download_holds_what_the_portal_knows(world):
    SubscriberFactory(email=world["admin"].email.upper(), consent_text="Oui, l’infolettre.")
    export = json.loads(as_(world["admin"]).get(f"{AREA}profil/mes-donnees/").content)
    assert export["newsletter"][0]["consent_text"] == "Oui, l’infolettre."
    assert export["account"]["email"] == world["admin"].email
    assert export["companies"][0]["company"] == "Moules Bellechasse"
    assert "directory_visibility" in export["companies"][0]
    assert world["admin"].password not in json.dumps(export)


def test_closing_an_account_erases_the_person_and_keeps_the_company(world):
    Person.objects.filter(user=world["colleague"]).update(role="admin")
    client = as_(world["admin"])
    email = world["admin"].email
    me = Person.objects.get(user=world["admin"])
    with reversion.create_revision():
        me.save()
    ApplicationFactory(email=email.upper(), first_name="Alex", phone="418 555-0000")
    InvitationFactory(company=world["other"], email=email)
    RenewalReminderFactory(
        membership=world["company"].memberships.get(), kind=RenewalReminder.Kind.ENDING, email=email
    )
    with reversion.create_revision():
        subscription = SubscriberFactory(email=email)
    wrong = client.post(f"{AREA}profil/fermer/", {"password": "mauvais", "confirm": "on"})
    assert wrong.status_code == 400 and "pas votre mot de passe" in wrong.content.decode()
    response = client.post(f"{AREA}profil/fermer/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(email=email).exists()
    assert not Person.objects.filter(email=email).exists()
    assert Company.objects.filter(pk=world["company"].pk).exists()
    closure = AccountClosure.objects.get()
    assert closure.company == world["company"] and not closure.left_without_admin
    assert client.get(AREA)["Location"].startswith("/fr/compte/login/")  # logged out
    assert not Version.objects.get_for_object(me).exists()
    assert not Invitation.objects.filter(email=email).exists()
    assert not RenewalReminder.objects.filter(email=email).exists()
    assert not Subscriber.objects.exists()
    assert not Version.objects.get_for_object(subscription).exists()
    application = Application.objects.get()
    assert (application.email, application.first_name, application.phone) == ("", "", "")


def test_closing_leaves_alone_what_an_unverified_address_points_to(world):
    """Anyone can add someone else's address to their account without verifying it:
    closing the account must not erase that other person."""
    someone_else = world["other"].people.get()
    EmailAddressFactory(user=world["admin"], email=someone_else.email.upper(), verified=False)
    as_(world["admin"]).post(f"{AREA}profil/fermer/", {"password": PASSWORD, "confirm": "on"})
    assert Person.objects.filter(pk=someone_else.pk).exists()
    assert AccountClosure.objects.get().company == world["company"]


def test_the_last_administrator_closing_is_flagged_to_staff(world):
    as_(world["outsider"]).post(f"{AREA}profil/fermer/", {"password": PASSWORD, "confirm": "on"})
    closure = AccountClosure.objects.get()
    assert closure.company == world["other"] and closure.left_without_admin


def test_the_login_pages_passkey_button_has_its_form_and_scripts(client):
    """allauth puts the passkey login's form and scripts in a block of its own, which the
    site's layout must render, or the button submits nothing."""
    page = client.get("/fr/compte/login/").content.decode()
    assert 'form="mfa_login"' in page
    assert '<form id="mfa_login" action="/fr/compte/2fa/webauthn/login/"' in page
    assert "/static/mfa/js/webauthn.js" in page
