"""The mail server is down: every page that sends an email answers as when it is up, the
change is made, and each email waits in the outbox (alliance/outbox.py) for the server to
come back, none lost; after its last attempt it is marked failed, for staff to see."""

import datetime as dt
import logging
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.utils import timezone

from alliance import outbox
from alliance.models import OutgoingEmail
from members.models import Application, Invitation, Person, User
from tests.client import Client
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

pytestmark = pytest.mark.django_db

NOT_SENT = "Notre courriel n’a pas pu être envoyé"
NEW_PASSWORD = "Un-autre-mot-de-passe-99"
SERVER_UP = "django.core.mail.backends.locmem.EmailBackend"
STAFF_EMAILS = ["adhesions@alliance.example"]


@pytest.fixture
def errors(caplog):
    """What the portal logged at ERROR, for the people who watch the logs."""
    caplog.set_level(logging.ERROR)
    return lambda: [r for r in caplog.records if r.levelno >= logging.ERROR]


def page_of(response) -> str:
    return response.content.decode()


def waiting(emails=None) -> list[tuple[str, str]]:
    """The emails waiting in the outbox, as (to, subject), sorted; each has had its one
    attempt, kept the server's error and waits for the next."""
    emails = OutgoingEmail.objects.all() if emails is None else emails
    for email in emails:
        assert email.status == OutgoingEmail.Status.QUEUED, email
        assert email.attempts == 1, email
        assert email.last_error.startswith("SMTPServerDisconnected"), email
        assert email.next_attempt_at > timezone.now(), email
    return sorted((email.recipients, email.subject) for email in emails)


def attempt_again(email: OutgoingEmail) -> str:
    """The worker's next attempt, once it is due."""
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )
    return outbox.deliver(email.pk)


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


# (who, page, what they post, where they land as when the server is up, the email they
# wait for: to whom, and a part of its subject)
WAITED_FOR = {
    "password reset": (
        member,
        "/fr/compte/password/reset/",
        {"email": "membre@exemple.qc.ca"},
        "/fr/compte/password/reset/done/",
        ("membre@exemple.qc.ca", "réinitialisation de mot de passe"),
    ),
    "password reset, unknown address": (
        member,
        "/fr/compte/password/reset/",
        {"email": "inconnue@exemple.qc.ca"},
        "/fr/compte/password/reset/done/",
        ("inconnue@exemple.qc.ca", "Compte inconnu"),
    ),
    "login code": (
        member,
        "/fr/compte/login/code/",
        {"email": "membre@exemple.qc.ca"},
        "/fr/compte/login/code/confirm/",
        ("membre@exemple.qc.ca", "Code de connexion"),
    ),
    "login code, unknown address": (
        member,
        "/fr/compte/login/code/",
        {"email": "inconnue@exemple.qc.ca"},
        "/fr/compte/login/code/confirm/",
        ("inconnue@exemple.qc.ca", "Compte inconnu"),
    ),
    "login with an address never verified": (
        member_never_verified,
        "/fr/compte/login/",
        {"login": "membre@exemple.qc.ca", "password": PASSWORD},
        "/fr/compte/confirm-email/",
        ("membre@exemple.qc.ca", "Confirmez votre adresse courriel"),
    ),
    "add an address": (
        member_logged_in,
        "/fr/compte/email/",
        {"action_add": "", "email": "nouvelle@exemple.qc.ca"},
        "/fr/compte/email/",
        ("nouvelle@exemple.qc.ca", "Confirmez votre adresse courriel"),
    ),
    "verify an address again": (
        member_with_an_unverified_address,
        "/fr/compte/email/",
        {"action_send": "", "email": "nouvelle@exemple.qc.ca"},
        "/fr/compte/email/",
        ("nouvelle@exemple.qc.ca", "Confirmez votre adresse courriel"),
    ),
}


@pytest.mark.parametrize("case", WAITED_FOR)
def test_an_email_the_person_waits_for_waits_in_the_outbox(client, mail_server_down, errors, case):
    who, page, data, lands_on, (to, subject) = WAITED_FOR[case]
    who(client)

    response = client.post(page, data, follow=True)

    # The page answers as when the server is up: on to the next step.
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == lands_on
    assert NOT_SENT not in page_of(response)
    assert errors() == []
    # The email is not lost: it waits for the server.
    ((recipients, waiting_subject),) = waiting()
    assert recipients == to
    assert subject in waiting_subject
    assert not mail.outbox


def test_an_address_added_with_the_mail_server_down_is_confirmed_once_it_is_back(
    client, mail_server_down, settings
):
    member_logged_in(client)
    response = client.post(
        "/fr/compte/email/", {"action_add": "", "email": "nouvelle@exemple.qc.ca"}, follow=True
    )
    assert NOT_SENT not in page_of(response)
    assert "nouvelle@exemple.qc.ca" in page_of(response)  # listed among the addresses
    assert EmailAddress.objects.filter(email="nouvelle@exemple.qc.ca", verified=False).exists()
    assert not mail.outbox

    settings.EMAIL_DELIVERY_BACKEND = SERVER_UP
    assert attempt_again(OutgoingEmail.objects.get()) == OutgoingEmail.Status.SENT
    (message,) = mail.outbox
    assert message.to == ["nouvelle@exemple.qc.ca"]
    assert "/fr/compte/confirm-email/" in message.body


# --- Notifications: the change is made, the email about it waits -----------------------


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
    settings.EMAIL_DELIVERY_BACKEND = SERVER_UP
    client.post("/fr/compte/password/reset/", {"email": user.email})
    link = re.search(r"https?://\S+(/fr/compte/password/reset/key/\S+/)", mail.outbox[-1].body)
    mail.outbox.clear()
    OutgoingEmail.objects.all().delete()  # sent; what follows is about the change
    settings.EMAIL_DELIVERY_BACKEND = "tests.mail.FailingEmailBackend"
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
def test_a_change_stands_and_the_email_reporting_it_waits(
    client, mail_server_down, errors, settings, case
):
    act, done = NOTIFIED[case]
    user = UserFactory(email="membre@exemple.qc.ca")
    response = act(client, user, settings) if act is reset_password else act(client, user)
    assert response.status_code == 200
    assert done(user)
    assert NOT_SENT not in page_of(response)
    assert errors() == []
    emails = waiting()
    assert emails and {to for to, _subject in emails} <= {
        "membre@exemple.qc.ca",
        "seconde@exemple.qc.ca",
    }
    assert not mail.outbox


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
    return (
        Client(),
        "/fr/adhesion/",
        data,
        "Merci, votre demande a bien été envoyée",
        lambda: Application.objects.count() == 1,
        [(STAFF_EMAILS[0], "Nouvelle demande d’adhésion : Extrusions Imaginaires inc.")],
    )


def staff_invite(staff):
    data = {"company": CompanyFactory().pk, "email": "alex@exemple.qc.ca"} | {
        "role": "admin",
        "language": "fr",
    }
    return (
        log_in(Client(), staff),
        "/admin/members/invitation/add/",
        data,
        "a été ajouté avec succès",
        lambda: Invitation.objects.filter(email="alex@exemple.qc.ca").exists(),
        [("alex@exemple.qc.ca", "Votre accès à l'espace membre")],
    )


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
    return (
        client,
        url,
        data,
        "Une invitation a été envoyée à nouvelle@exemple.qc.ca",
        lambda: Invitation.objects.filter(email="nouvelle@exemple.qc.ca").exists(),
        [("nouvelle@exemple.qc.ca", "Votre accès à l'espace membre")],
    )


def renewal_request(staff):
    client, person = admin_of_a_company()
    url = f"/fr/espace-membre/entreprises/{person.company.slug}/renouvellement/"
    return (
        client,
        url,
        {},
        "Votre demande de renouvellement pour",
        lambda: True,
        [(STAFF_EMAILS[0], "Renouvellement demandé")],
    )


def decided(application, decision) -> bool:
    application.refresh_from_db()
    return application.decision == decision


def approve(staff):
    application = ApplicationFactory()
    url = f"/admin/members/application/{application.pk}/change/"
    data = {"rejection_reason": "", "_approve": "1"}
    return (
        log_in(Client(), staff),
        url,
        data,
        "Demande approuvée",
        lambda: decided(application, Application.Decision.APPROVED),
        # The invitation to the member area, then the welcome.
        [(application.email, "accès à l'espace membre"), (application.email, "Bienvenue")],
    )


def reject(staff):
    application = ApplicationFactory()
    url = f"/admin/members/application/{application.pk}/change/"
    data = {"rejection_reason": "Hors secteur.", "_reject": "1"}
    return (
        log_in(Client(), staff),
        url,
        data,
        "Demande refusée",
        lambda: decided(application, Application.Decision.REJECTED),
        [(application.email, "demande d’adhésion")],
    )


def meeting_notice(staff):
    committee = CommitteeFactory(name_fr="Comité d’essai", slug="essai")
    person = PersonFactory(user=UserFactory())
    SeatFactory(committee=committee, person=person)
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=3))
    data = {"action": "send_notice", "_selected_action": [meeting.pk]}

    def marked_sent() -> bool:
        meeting.refresh_from_db()
        return meeting.notice_sent_at is not None

    return (
        log_in(Client(), staff),
        "/admin/members/meeting/",
        data,
        "1 avis envoyé.",
        marked_sent,
        [(person.email, "Comité d’essai")],
    )


# (who posts what where, what they are told, how to tell it was done, the emails it sends:
# to whom, and a part of the subject)
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
def test_every_page_that_emails_answers_as_usual_and_its_emails_wait(
    mail_server_down, staff, errors, settings, case
):
    settings.MEMBERSHIP_STAFF_EMAILS = STAFF_EMAILS
    client, url, data, told, done, emails = PORTAL_EMAILS[case](staff)
    OutgoingEmail.objects.all().delete()  # written before: an account's own emails

    response = client.post(url, data, follow=True)

    assert response.status_code == 200
    page = page_of(response)
    assert told in page
    assert "pas pu être" not in page and "ne sont pas valides" not in page
    assert errors() == []
    assert done()
    # Each email it sends waits for the server, none lost.
    written = waiting()
    assert len(written) == len(emails)
    for (to, subject), (expected_to, part) in zip(written, sorted(emails), strict=True):
        assert to == expected_to
        assert part in subject
    assert not mail.outbox


# --- An email's retries -----------------------------------------------------------------


@pytest.fixture
def invitation_waiting(mail_server_down, staff):
    """Staff invited someone while the mail server was down: the email waits."""
    client, url, data, *_rest = staff_invite(staff)
    client.post(url, data)
    return OutgoingEmail.objects.get(recipients="alex@exemple.qc.ca")


def test_an_email_is_tried_again_until_the_last_attempt_then_marked_failed(
    invitation_waiting, settings
):
    email = invitation_waiting
    assert email.attempts == 1
    assert email.next_attempt_at > timezone.now()
    assert outbox.deliver(email.pk) == "skipped"  # not before its time
    attempts = len(settings.EMAIL_RETRY_DELAYS) + 1
    for attempt in range(2, attempts):
        assert attempt_again(email) == OutgoingEmail.Status.QUEUED
        email.refresh_from_db()
        assert email.attempts == attempt
        assert email.next_attempt_at > timezone.now()
        assert email.last_error.startswith("SMTPServerDisconnected")
    assert attempt_again(email) == OutgoingEmail.Status.FAILED
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.FAILED, attempts)
    assert email.last_error.startswith("SMTPServerDisconnected")
    assert email.message  # kept, for staff to send it again once the server is fixed
    assert attempt_again(email) == "skipped"  # no more attempts
    assert not mail.outbox


def test_an_email_goes_out_once_when_the_server_is_back_before_the_last_attempt(
    invitation_waiting, settings
):
    email = invitation_waiting
    assert attempt_again(email) == OutgoingEmail.Status.QUEUED  # still down
    settings.EMAIL_DELIVERY_BACKEND = SERVER_UP
    assert attempt_again(email) == OutgoingEmail.Status.SENT
    email.refresh_from_db()
    assert (email.status, email.attempts, email.message) == (OutgoingEmail.Status.SENT, 3, {})
    assert email.sent_at is not None
    assert attempt_again(email) == "skipped"  # sent once, never twice
    (message,) = mail.outbox
    assert message.to == ["alex@exemple.qc.ca"]
    assert "/invitation/" in message.body


# --- A committee's worth of emails --------------------------------------------------------


def committee_of(count: int):
    committee = CommitteeFactory(name_fr="Comité d’essai", slug="essai")
    for _ in range(count):
        SeatFactory(committee=committee, person=PersonFactory(user=UserFactory()))
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=3))
    addresses = sorted(seat.holder.email for seat in committee.seats.all())
    return meeting, addresses


def send_notice(staff, meeting):
    return log_in(Client(), staff).post(
        "/admin/members/meeting/",
        {"action": "send_notice", "_selected_action": [meeting.pk]},
        follow=True,
    )


def test_a_meeting_notice_to_a_committee_answers_at_once_and_leaves_each_email_waiting(
    mail_server_down, staff, errors
):
    """No web request waits for the mail server: the notices are written to the outbox,
    each tried once by the worker, and the page says they are sent."""
    meeting, addresses = committee_of(3)
    response = send_notice(staff, meeting)
    page = page_of(response)
    assert "3 avis envoyés." in page
    assert "ne sont pas valides" not in page
    assert errors() == []
    assert [to for to, _subject in waiting()] == addresses
    meeting.refresh_from_db()
    assert meeting.notice_sent_at is not None
    assert not mail.outbox


def test_a_refused_address_is_reported_and_the_other_notices_are_written(mail_server_down, staff):
    meeting, addresses = committee_of(3)
    refused, *others = addresses
    User.objects.filter(email=refused).update(email="pas une adresse")
    Person.objects.filter(email=refused).update(email="pas une adresse")
    response = send_notice(staff, meeting)
    page = page_of(response)
    assert "2 avis envoyés." in page
    assert "ces adresses ne sont pas valides\u00a0: pas une adresse" in page
    assert [to for to, _subject in waiting()] == others
