"""The mail server is down: every page that sends an email still answers, says what was
not sent, and leaves nothing half done."""

import datetime as dt
import logging
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.test import Client
from django.utils import timezone

from members.models import Application, Company, Invitation, Person
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    ApplicationFactory,
    CommitteeFactory,
    CompanyFactory,
    EmailAddressFactory,
    MeetingFactory,
    MembershipCategoryFactory,
    PersonFactory,
    SeatFactory,
    UserFactory,
    log_in,
    totp_code,
)
from tests.mail import FailingEmailBackend

pytestmark = pytest.mark.django_db

NOT_SENT = "Notre courriel n’a pas pu être envoyé"
NEW_PASSWORD = "Un-autre-mot-de-passe-99"


@pytest.fixture
def errors(caplog):
    """What the portal logged at ERROR, for the people who watch the logs."""
    caplog.set_level(logging.ERROR)
    return lambda: [r for r in caplog.records if r.levelno >= logging.ERROR]


def page_of(response) -> str:
    return response.content.decode()


# --- What the person waits for: a code, a link ------------------------------------------


def member(client):
    return UserFactory(email="membre@exemple.qc.ca")


def member_with_an_unverified_address(client):
    user = member(client)
    EmailAddressFactory(user=user, email="nouvelle@exemple.qc.ca")
    client.force_login(user)
    return user


def member_logged_in(client):
    user = member(client)
    client.force_login(user)
    return user


def member_never_verified(client):
    user = UserFactory(email="membre@exemple.qc.ca", verified_email=False)
    EmailAddressFactory(user=user, email=user.email, primary=True)
    return user


# (who, page, what they post): each would have said "sent" for an email that was not.
WAITED_FOR = {
    "password reset": (member, "/fr/compte/password/reset/", {"email": "membre@exemple.qc.ca"}),
    "password reset, unknown address": (
        member,
        "/fr/compte/password/reset/",
        {"email": "inconnue@exemple.qc.ca"},
    ),
    "login code": (member, "/fr/compte/login/code/", {"email": "membre@exemple.qc.ca"}),
    "login code, unknown address": (
        member,
        "/fr/compte/login/code/",
        {"email": "inconnue@exemple.qc.ca"},
    ),
    "login with an address never verified": (
        member_never_verified,
        "/fr/compte/login/",
        {"login": "membre@exemple.qc.ca", "password": PASSWORD},
    ),
    "add an address": (
        member_logged_in,
        "/fr/compte/email/",
        {"action_add": "", "email": "nouvelle@exemple.qc.ca"},
    ),
    "verify an address again": (
        member_with_an_unverified_address,
        "/fr/compte/email/",
        {"action_send": "", "email": "nouvelle@exemple.qc.ca"},
    ),
}


@pytest.mark.parametrize("case", WAITED_FOR)
def test_an_email_the_person_waits_for_says_it_was_not_sent(client, mail_server_down, errors, case):
    who, page, data = WAITED_FOR[case]
    who(client)
    logged_in = "_auth_user_id" in client.session
    addresses = set(EmailAddress.objects.values_list("pk", "email", "verified"))

    response = client.post(page, data, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == page  # back where they asked, to try again
    assert NOT_SENT in page_of(response)
    assert "envoyé à" not in page_of(response)  # allauth's "code sent to …"
    assert [r.name for r in errors()] == ["members.adapters"]
    # Nothing half done: no address left to verify, no code waiting, nobody logged in.
    assert set(EmailAddress.objects.values_list("pk", "email", "verified")) == addresses
    if not logged_in:
        assert "_auth_user_id" not in client.session
        confirm = client.get("/fr/compte/login/code/confirm/")
        assert confirm.status_code == 302 and confirm["Location"] == "/fr/compte/login/code/"


def test_an_address_can_be_added_once_the_mail_server_is_back(client, settings):
    member_logged_in(client)
    settings.EMAIL_BACKEND = "tests.mail.FailingEmailBackend"
    client.post(
        "/fr/compte/email/", {"action_add": "", "email": "nouvelle@exemple.qc.ca"}, follow=True
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(
        "/fr/compte/email/", {"action_add": "", "email": "nouvelle@exemple.qc.ca"}, follow=True
    )
    assert NOT_SENT not in page_of(response)
    assert "nouvelle@exemple.qc.ca" in page_of(response)  # listed among the addresses
    assert EmailAddress.objects.filter(email="nouvelle@exemple.qc.ca", verified=False).exists()
    assert mail.outbox[-1].to == ["nouvelle@exemple.qc.ca"]


# --- Notifications: the change is made, the email about it is only logged -----------------


def change_password(client, user):
    client.force_login(user)
    client.post("/fr/compte/reauthenticate/", {"password": PASSWORD})
    return client.post(
        "/fr/compte/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )


def password_changed(user) -> bool:
    user.refresh_from_db()
    return user.check_password(NEW_PASSWORD)


def reset_password(client, user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post("/fr/compte/password/reset/", {"email": user.email})
    link = re.search(r"https?://\S+(/fr/compte/password/reset/key/\S+/)", mail.outbox[-1].body)
    settings.EMAIL_BACKEND = "tests.mail.FailingEmailBackend"
    form = client.get(link.group(1), follow=True)
    return client.post(
        form.redirect_chain[-1][0],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )


def remove_an_address(client, user):
    EmailAddressFactory(user=user, email="seconde@exemple.qc.ca", verified=True)
    client.force_login(user)
    return client.post(
        "/fr/compte/email/", {"action_remove": "", "email": "seconde@exemple.qc.ca"}, follow=True
    )


def address_removed(user) -> bool:
    return not user.emailaddress_set.filter(email="seconde@exemple.qc.ca").exists()


def make_another_address_primary(client, user):
    EmailAddressFactory(user=user, email="seconde@exemple.qc.ca", verified=True)
    client.force_login(user)
    return client.post(
        "/fr/compte/email/", {"action_primary": "", "email": "seconde@exemple.qc.ca"}, follow=True
    )


def other_address_primary(user) -> bool:
    return user.emailaddress_set.get(primary=True).email == "seconde@exemple.qc.ca"


def set_up_an_authenticator_app(client, user):
    client.force_login(user)
    client.post("/fr/compte/reauthenticate/", {"password": PASSWORD})
    page = page_of(client.get("/fr/compte/2fa/totp/activate/"))
    secret = re.search(r"\b[A-Z2-7]{32}\b", page).group(0)
    return client.post("/fr/compte/2fa/totp/activate/", {"code": totp_code(secret)}, follow=True)


def has_an_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user=user, type="totp").exists()


def remove_the_authenticator_app(client, user):
    TOTP.activate(user, TOTP_SECRET)
    log_in(client, user)
    client.post("/fr/compte/2fa/reauthenticate/", {"code": totp_code()})
    return client.post("/fr/compte/2fa/totp/deactivate/", follow=True)


def has_no_authenticator_app(user) -> bool:
    return not has_an_authenticator_app(user)


def generate_recovery_codes(client, user):
    TOTP.activate(user, TOTP_SECRET)
    log_in(client, user)
    client.post("/fr/compte/2fa/reauthenticate/", {"code": totp_code()})
    return client.post("/fr/compte/2fa/recovery-codes/generate/", follow=True)


def has_recovery_codes(user) -> bool:
    return Authenticator.objects.filter(user=user, type="recovery_codes").exists()


# (what the person does, how to tell it was done)
NOTIFIED = {
    "password changed": (change_password, password_changed),
    "password reset": (reset_password, password_changed),
    "address removed": (remove_an_address, address_removed),
    "primary address changed": (make_another_address_primary, other_address_primary),
    "authenticator app set up": (set_up_an_authenticator_app, has_an_authenticator_app),
    "authenticator app removed": (remove_the_authenticator_app, has_no_authenticator_app),
    "recovery codes generated": (generate_recovery_codes, has_recovery_codes),
}


# Committed for real: allauth sends some notifications once the change is committed,
# while the request is still running.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("case", NOTIFIED)
def test_a_change_stands_when_the_email_reporting_it_fails(
    client, mail_server_down, errors, settings, case
):
    act, done = NOTIFIED[case]
    user = UserFactory(email="membre@exemple.qc.ca")
    response = act(client, user, settings) if act is reset_password else act(client, user)
    assert response.status_code == 200
    assert done(user)
    assert NOT_SENT not in page_of(response)
    assert [r.name for r in errors()] == ["members.adapters"]


# --- The portal's own emails: every page that sends one ----------------------------------


def join(staff):
    category = MembershipCategoryFactory()
    data = {
        "company_name": "Extrusions Imaginaires inc.",
        "street_address": "100, rue des Essais",
        "city": "Lévis",
        "postal_code": "G6V 6Z3",
        "province": "QC",
        "region": "12",
        "description": "Extrusion de profilés en PVC.",
        "category": str(category.pk),
        "first_name": "Sam",
        "last_name": "Bélanger",
        "email": "sam@extrusions.example",
        "consent": "on",
    }
    # The application is what counts: it is in, and waits for staff in the admin.
    thanks = "Merci, votre demande a bien été envoyée"
    return Client(), "/fr/adhesion/", data, thanks, lambda: Application.objects.count() == 1


def staff_invite(staff):
    data = {"company": CompanyFactory().pk, "email": "alex@exemple.qc.ca"} | {
        "role": "admin",
        "language": "fr",
    }
    url = "/admin/members/invitation/add/"
    return log_in(Client(), staff), url, data, "pas pu être envoyée", no_invitation


def no_invitation() -> bool:
    return not Invitation.objects.exists()


def admin_of_a_company() -> tuple[Client, Person]:
    person = PersonFactory(user=UserFactory())
    person.user.emailaddress_set.update(email=person.email)
    person.user.email = person.email
    person.user.save()
    return log_in(Client(), person.user), person


def member_invite(staff):
    client, person = admin_of_a_company()
    url = f"/fr/espace-membre/entreprises/{person.company.slug}/collegues/"
    data = {"action": "invite", "email": "nouvelle@exemple.qc.ca", "role": "colleague"} | {
        "language": "fr"
    }
    return client, url, data, "pas pu être envoyé", no_invitation


def renewal_request(staff):
    client, person = admin_of_a_company()
    url = f"/fr/espace-membre/entreprises/{person.company.slug}/renouvellement/"
    return client, url, {}, "pas pu être envoyé", lambda: True


def still_pending(application) -> bool:
    application.refresh_from_db()
    return application.decision == Application.Decision.PENDING and not Company.objects.exists()


def approve(staff):
    application = ApplicationFactory()
    url = f"/admin/members/application/{application.pk}/change/"
    data = {"rejection_reason": "", "_approve": "1"}
    return (
        log_in(Client(), staff),
        url,
        data,
        "pas été approuvée",
        lambda: still_pending(application),
    )


def reject(staff):
    application = ApplicationFactory()
    url = f"/admin/members/application/{application.pk}/change/"
    data = {"rejection_reason": "Hors secteur.", "_reject": "1"}
    return (
        log_in(Client(), staff),
        url,
        data,
        "toujours en attente",
        lambda: still_pending(application),
    )


def meeting_notice(staff):
    committee = CommitteeFactory(name_fr="Comité d’essai", slug="essai")
    person = PersonFactory(user=UserFactory())
    SeatFactory(committee=committee, person=person)
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=3))
    data = {"action": "send_notice", "_selected_action": [meeting.pk]}

    def not_marked_sent() -> bool:
        meeting.refresh_from_db()
        return meeting.notice_sent_at is None

    return (
        log_in(Client(), staff),
        "/admin/members/meeting/",
        data,
        "réessayez plus tard",
        (not_marked_sent),
    )


# (who posts what where, what they are told, how to tell nothing was half done)
PORTAL_EMAILS = {
    "membership application": join,
    "staff invite someone": staff_invite,
    "a company invites a colleague": member_invite,
    "a company asks to renew": renewal_request,
    "staff approve an application": approve,
    "staff reject an application": reject,
    "staff email a meeting notice": meeting_notice,
}


@pytest.mark.parametrize("case", PORTAL_EMAILS)
def test_every_page_that_emails_answers_and_says_what_was_not_sent(
    mail_server_down, staff, errors, django_capture_on_commit_callbacks, case
):
    client, url, data, told, consistent = PORTAL_EMAILS[case](staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert told in page_of(response)
    assert consistent()
    assert not mail.outbox


def test_a_meeting_notice_stops_asking_a_mail_server_out_of_reach(
    mail_server_down, staff, monkeypatch
):
    """Each email would wait for the server in turn, and a committee's worth of them would
    outlast the page's time limit."""
    attempts = []
    down = FailingEmailBackend.send_messages
    monkeypatch.setattr(
        FailingEmailBackend,
        "send_messages",
        lambda backend, messages: attempts.append(messages) or down(backend, messages),
    )
    committee = CommitteeFactory(name_fr="Comité d’essai", slug="essai")
    for _ in range(3):
        SeatFactory(committee=committee, person=PersonFactory(user=UserFactory()))
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=3))
    response = log_in(Client(), staff).post(
        "/admin/members/meeting/",
        {"action": "send_notice", "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert len(attempts) == 1
    page = page_of(response)
    assert "réessayez plus tard" in page
    assert all(seat.holder.email in page for seat in committee.seats.all())
