"""Every email through the outbox and a task queue (alliance/outbox.py): written with the
change it reports, sent by a worker, retried while the mail server fails, then shown to
staff; never sent twice, never lost."""

import datetime as dt
from contextlib import suppress

import pytest
import redis
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance import outbox
from alliance.models import OutgoingEmail
from tests.factories import OutgoingEmailFactory
from tests.workers import DATABASE_BACKEND, RQ_QUEUE, needs_postgresql, run_worker

pytestmark = pytest.mark.django_db


def write(subject="Avis", to="alex@exemple.qc.ca", **extra):
    message = EmailMultiAlternatives(subject=subject, body="Bonjour,\n", to=[to], **extra)
    message.attach_alternative("<p>Bonjour,</p>", "text/html")
    message.send()


def due(email: OutgoingEmail) -> None:
    """Time passes until the email's next attempt."""
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )


def test_an_email_waits_for_the_commit_and_a_rolled_back_change_sends_nothing(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        suppress(RuntimeError),
        transaction.atomic(),
    ):
        write(subject="Jamais envoyé")
        raise RuntimeError("the change fails after its email was written")
    assert not OutgoingEmail.objects.exists() and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        write(subject="Envoyé après le commit")
        assert not mail.outbox  # nothing leaves before the commit
    assert [message.subject for message in mail.outbox] == ["Envoyé après le commit"]
    sent = OutgoingEmail.objects.get()
    assert (sent.status, sent.attempts, sent.message) == ("sent", 1, {})
    assert sent.recipients == "alex@exemple.qc.ca"


def test_the_request_only_writes_the_email_and_the_worker_sends_it(client, settings):
    settings.TASKS = DATABASE_BACKEND
    response = client.post(
        "/fr/compte/password/reset/", {"email": "personne@exemple.qc.ca"}, follow=True
    )
    assert response.status_code == 200
    assert not mail.outbox  # the page did not wait for the mail server
    waiting = OutgoingEmail.objects.get()
    assert waiting.status == "queued" and "personne@exemple.qc.ca" in waiting.recipients
    task = DBTaskResult.objects.get()
    assert task.status == "READY" and task.queue_name == "email"

    assert outbox.deliver(waiting.pk) == "sent"
    assert mail.outbox[0].to == ["personne@exemple.qc.ca"]
    assert outbox.deliver(waiting.pk) == "skipped"  # a second task for it sends nothing
    assert len(mail.outbox) == 1


def test_text_html_headers_and_attachments_arrive_as_written(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        write(
            subject="Réunion",
            headers={"List-Unsubscribe": "<https://exemple.qc.ca/desabonnement/>"},
            attachments=[
                ("reunion.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
                ("plan.pdf", b"%PDF-1.4 \xff", "application/pdf"),
            ],
        )
    [message] = mail.outbox
    assert message.body == "Bonjour,\n"
    assert message.alternatives[0] == ("<p>Bonjour,</p>", "text/html")
    assert message.extra_headers["List-Unsubscribe"] == "<https://exemple.qc.ca/desabonnement/>"
    assert message.attachments == [
        ("reunion.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
        ("plan.pdf", b"%PDF-1.4 \xff", "application/pdf"),
    ]


def test_a_failing_mail_server_is_retried_with_back_off_then_shown_failed(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_DELIVERY_BACKEND = "tests.mail.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        write(subject="Avis de convocation")
    email = OutgoingEmail.objects.get()
    waits = []
    for _attempt in range(4):
        email.refresh_from_db()
        assert email.status == "queued" and "SMTPServerDisconnected" in email.last_error
        waits.append(round((email.next_attempt_at - timezone.now()).total_seconds() / 60))
        assert outbox.deliver(email.pk) == "skipped"  # not due yet
        due(email)
        with django_capture_on_commit_callbacks(execute=True):
            outbox.deliver(email.pk)
    email.refresh_from_db()
    assert waits == [1, 5, 15, 40]  # minutes: five attempts over about an hour
    assert (email.status, email.attempts) == ("failed", 5)
    assert email.message["subject"] == "Avis de convocation"  # kept, to send again
    assert not mail.outbox


def test_an_email_goes_out_once_the_server_is_back(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_DELIVERY_BACKEND = "tests.mail.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        write(subject="Bienvenue")
    email = OutgoingEmail.objects.get()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    due(email)
    assert outbox.deliver(email.pk) == "sent"
    assert [message.subject for message in mail.outbox] == ["Bienvenue"]


def test_staff_see_a_failed_email_with_its_error_and_send_it_again(staff_client, settings):
    failed = OutgoingEmailFactory(
        status="failed", attempts=5, last_error="SMTPServerDisconnected: Connection closed"
    )
    OutgoingEmailFactory(status="sent", message={}, recipients="ok@exemple.qc.ca")
    page = staff_client.get("/admin/alliance/outgoingemail/?status__exact=failed")
    content = page.content.decode()
    assert page.status_code == 200
    assert failed.recipients in content and "ok@exemple.qc.ca" not in content
    assert "Échec" in content
    detail = staff_client.get(f"/admin/alliance/outgoingemail/{failed.pk}/change/")
    assert "SMTPServerDisconnected: Connection closed" in detail.content.decode()

    response = staff_client.post(
        "/admin/alliance/outgoingemail/",
        {"action": "send_again", "_selected_action": [failed.pk]},
        follow=True,
    )
    assert "1 courriel en échec confié de nouveau à la file d’envoi." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == "sent"
    assert mail.outbox[0].to == [failed.recipients]


def test_a_task_lost_on_the_way_to_the_queue_is_handed_over_again(settings):
    settings.TASKS = DATABASE_BACKEND
    lost = OutgoingEmailFactory(next_attempt_at=timezone.now() - dt.timedelta(minutes=10))
    OutgoingEmailFactory()  # just written: its task is on its way
    assert outbox.requeue() == 1
    assert DBTaskResult.objects.get().args_kwargs["args"] == [lost.pk]


def test_healthz_reports_the_queue_and_fails_when_the_oldest_email_is_late(client, settings):
    settings.EMAIL_QUEUE_MAX_AGE = 600
    OutgoingEmailFactory(status="failed")
    email = OutgoingEmailFactory()
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["email_queue"] == {"waiting": 1, "oldest_seconds": 0, "failed": 1}

    # Held back by the newsletter's throttle, an email is not late before its time.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=30),
        next_attempt_at=timezone.now() + dt.timedelta(minutes=5),
    )
    assert client.get("/healthz").status_code == 200

    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(minutes=11)
    )
    late = client.get("/healthz")
    assert late.status_code == 503
    assert late.json()["emails"] == "late" and late.json()["email_queue"]["oldest_seconds"] >= 660


# --- Real workers, in their own process --------------------------------------------------


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_database_worker_process_sends_the_waiting_emails(settings):
    settings.TASKS = DATABASE_BACKEND
    write(subject="Envoi par le travailleur DB")
    assert not mail.outbox

    worker = run_worker("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")

    assert worker.returncode == 0, worker.stderr
    assert "Subject: Envoi par le travailleur DB" in worker.stdout
    assert OutgoingEmail.objects.get().status == "sent"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_rq_worker_process_sends_the_waiting_emails(settings):
    queue = RQ_QUEUE
    settings.RQ_QUEUES = {name: {"URL": queue} for name in ("default", "email")}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "email"]}
    }
    redis.Redis.from_url(queue).flushdb()
    try:
        write(subject="Envoi par le travailleur RQ")
        assert not mail.outbox and OutgoingEmail.objects.get().status == "queued"

        worker = run_worker(
            "rqworker",
            "--burst",
            "--with-scheduler",
            "--job-class",
            "django_tasks_rq.Job",
            "email",
            TASKS_BACKEND="rq",
            REDIS_URL=queue,
        )

        assert worker.returncode == 0, worker.stderr
        assert "Subject: Envoi par le travailleur RQ" in worker.stdout
        assert OutgoingEmail.objects.get().status == "sent"
    finally:
        redis.Redis.from_url(queue).flushdb()
