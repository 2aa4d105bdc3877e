"""Every email goes through the outbox: written in the transaction of the change it
reports, handed to a worker once that transaction commits, retried with back-off while
the mail server fails, and left for staff to see when the retries run out.

``QueuedEmailBackend`` is the site's ``EMAIL_BACKEND``, so the portal's own emails and
allauth's take this road alike and no web request waits for the mail server. The worker
(``manage.py db_worker``, or ``rqworker`` on Redis) sends through
``EMAIL_DELIVERY_BACKEND``, the mail server of ``EMAIL_URL``.

Nothing is sent twice: a worker locks the row it sends and marks it sent in the same
transaction; a second task for the same row finds it sent, or locked, and does nothing.
Nothing is lost: a row whose task never ran (the queue was out of reach at commit) is
enqueued again by ``manage.py requeue_emails``, and ``/healthz`` reports the oldest
waiting email.
"""

import base64
import datetime as dt
import logging
from email import message_from_string
from email.mime.base import MIMEBase
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from alliance.models import OutgoingEmail

log = logging.getLogger(__name__)

# A task that waits this long past its time was lost on the way to the queue.
STALE_AFTER = dt.timedelta(minutes=5)


class QueuedEmailBackend(BaseEmailBackend):
    """Writes each message to the outbox; a worker sends it once the transaction commits."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            write(message)
        return len(email_messages)


def write(message: EmailMessage, *, not_before: dt.datetime | None = None) -> OutgoingEmail:
    """Put a message in the outbox, to be sent once the transaction commits, or not before
    ``not_before`` (the newsletter's throttle)."""
    now = timezone.now()
    due = not_before if not_before is not None and not_before > now else None
    email = OutgoingEmail.objects.create(
        recipients=", ".join(message.recipients()),
        subject=message.subject,
        message=message_to_data(message),
        next_attempt_at=due or now,
    )
    transaction.on_commit(partial(enqueue, email.pk, due), robust=True)
    return email


def enqueue(email_id: int, run_after: dt.datetime | None = None) -> None:
    """Hand the email to the queue. If the queue is out of reach the email stays in the
    outbox, waiting, and ``requeue_emails`` hands it over again."""
    from alliance.tasks import deliver_email

    task = deliver_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # a backend that cannot wait (tests): requeue_emails takes it when due
        task = task.using(run_after=run_after)
    try:
        task.enqueue(email_id)
    except Exception:
        log.exception("Email %s not handed to the queue; requeue_emails will.", email_id)


def retry_delays() -> list[dt.timedelta]:
    return [dt.timedelta(seconds=s) for s in settings.EMAIL_RETRY_DELAYS]


def deliver(email_id: int) -> str:
    """Send one waiting email; returns its state afterwards."""
    now = timezone.now()
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=now)
            .first()
        )
        if email is None:  # sent, failed, not due yet, or in another worker's hands
            return "skipped"
        try:
            with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
                message_from_data(email.message, connection=connection).send()
        except Exception as error:
            _note_failure(email, error, now)
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = now
            email.message = {}
            email.last_error = ""
        email.attempts += 1
        email.save()
    return email.status


def _note_failure(email: OutgoingEmail, error: Exception, now: dt.datetime) -> None:
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    delays = retry_delays()
    if email.attempts < len(delays):
        email.next_attempt_at = now + delays[email.attempts]
        transaction.on_commit(partial(enqueue, email.pk, email.next_attempt_at), robust=True)
        log.warning("Email %s not sent (%s); trying again later.", email.pk, email.last_error)
    else:
        email.status = OutgoingEmail.Status.FAILED
        log.error(
            "Email %s not sent after %s attempts: %s",
            email.pk,
            email.attempts + 1,
            email.last_error,
        )


def requeue(now: dt.datetime | None = None) -> int:
    """Hand over again the waiting emails whose task never came (past due by
    ``STALE_AFTER``); returns how many."""
    now = now or timezone.now()
    stale = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=now - STALE_AFTER
    ).values_list("pk", flat=True)
    ids = list(stale)
    for email_id in ids:
        enqueue(email_id)
    return len(ids)


def retry_failed(emails) -> int:
    """Give failed emails a new round of attempts, from now (staff, once the cause is
    fixed); returns how many."""
    ids = list(emails.filter(status=OutgoingEmail.Status.FAILED).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=ids).update(
        status=OutgoingEmail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    for email_id in ids:
        transaction.on_commit(partial(enqueue, email_id), robust=True)
    return len(ids)


def queue_state(now: dt.datetime | None = None) -> dict:
    """How many emails wait, and how long past its time the most overdue one has waited
    (in seconds): an email the newsletter's throttle holds for later, or one between two
    attempts, is not late before its time comes."""
    now = now or timezone.now()
    queued = Q(status=OutgoingEmail.Status.QUEUED)
    state = OutgoingEmail.objects.aggregate(
        waiting=Count("pk", filter=queued),
        oldest=Min("next_attempt_at", filter=queued),
        failed=Count("pk", filter=Q(status=OutgoingEmail.Status.FAILED)),
    )
    oldest = state.pop("oldest")
    late = max(0, int((now - oldest).total_seconds())) if oldest else 0
    return {**state, "oldest_seconds": late}


# --- A message as JSON, for the outbox row and the task --------------------------------


def message_to_data(message: EmailMessage) -> dict:
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(alternative) for alternative in getattr(message, "alternatives", [])],
        "attachments": [_attachment_to_data(attachment) for attachment in message.attachments],
    }


def message_from_data(data: dict, *, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
        connection=connection,
    )
    for attachment in data["attachments"]:
        if "mime" in attachment:
            message.attach(message_from_string(attachment["mime"]))
        else:
            content = base64.b64decode(attachment["content"])
            if attachment["text"]:
                content = content.decode()
            message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


def _attachment_to_data(attachment) -> dict:
    if isinstance(attachment, MIMEBase):
        return {"mime": attachment.as_string()}
    filename, content, mimetype = attachment
    text = isinstance(content, str)
    raw = content.encode() if text else content
    return {
        "filename": filename,
        "content": base64.b64encode(raw).decode(),
        "mimetype": mimetype,
        "text": text,
    }
