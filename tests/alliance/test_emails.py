"""How every email is built: a subject never carries a line break. How it fails: an
address that is not one is refused at once; a mail server that fails leaves the email
waiting in the outbox (alliance/outbox.py)."""

import socket
import time

import pytest
from django.core import mail

from alliance.emails import EmailNotSent, email_subject, send_email
from alliance.models import OutgoingEmail
from tests.factories import CompanyFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text", ["Moules\r\nBcc: x@spam.example", "Moules\rBcc: x@spam.example", "Moules\u2028Bcc:"]
)
def test_a_subject_is_always_one_line(text):
    subject = email_subject(f"Renouvellement : {text}")
    assert subject.startswith("[Alliance Polymères Québec] Renouvellement : Moules ")
    assert not set(subject) & {"\r", "\n", "\u2028"}


def test_a_name_with_line_breaks_stays_in_the_subject_and_out_of_the_body(
    django_capture_on_commit_callbacks,
):
    company = CompanyFactory(name="Moules\r\nBellechasse")
    person = PersonFactory(company=company)
    with django_capture_on_commit_callbacks(execute=True):
        send_email(
            template="renewal_requested_staff",
            to=["adhesions@alliance.example"],
            language="fr",
            context={"company": company, "person": person, "admin_url": "https://x.example/"},
        )
    (message,) = mail.outbox
    assert (
        message.subject == "[Alliance Polymères Québec] Renouvellement demandé : Moules Bellechasse"
    )
    message.message()  # the headers are valid


def test_a_mail_server_that_takes_the_connection_and_never_answers_is_given_up_on(
    settings, django_capture_on_commit_callbacks
):
    silent = socket.create_server(("127.0.0.1", 0))  # listens, never says hello
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = silent.getsockname()
    settings.EMAIL_TIMEOUT = 1
    started = time.monotonic()
    with silent, django_capture_on_commit_callbacks(execute=True):
        send_email(template="invitation", to=["alex@exemple.qc.ca"], language="fr", context={})
    assert time.monotonic() - started < 3
    # Not lost: it waits for the next attempt, with what went wrong.
    (waiting,) = OutgoingEmail.objects.all()
    assert waiting.status == OutgoingEmail.Status.QUEUED
    assert (waiting.recipients, waiting.attempts) == ("alex@exemple.qc.ca", 1)
    assert "timed out" in waiting.last_error
    assert not mail.outbox


def test_an_address_refused_is_reported_and_nothing_is_written_for_it(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(EmailNotSent):
            send_email(template="invitation", to=["pas une adresse"], language="fr", context={})
        send_email(template="invitation", to=["alex@exemple.qc.ca"], language="fr", context={})
    assert list(OutgoingEmail.objects.values_list("recipients", "status")) == [
        ("alex@exemple.qc.ca", OutgoingEmail.Status.SENT)
    ]
    assert [message.to for message in mail.outbox] == [["alex@exemple.qc.ca"]]
