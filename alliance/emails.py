"""Every email the portal sends: in the recipient's language, as plain text and HTML.

An email is one template, ``templates/emails/<name>.txt``, whose first line is the subject
(up to the blank line after it, made one line by ``email_subject``).
The HTML part is the same text inside the portal's email layout, so the two never differ.
allauth's emails (members/adapters.py) get their HTML part from the same layout and their
subject from ``email_subject``.

Every link in an email is built on ``settings.SITE_URL`` (``absolute_url``), never on the
Host of the request that sent it: a request can name any host the server answers to, and
an email outlives the request.
"""

from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.core.validators import validate_email
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alliance.text import single_line


class EmailNotSent(Exception):
    """The email could not be written: an address, or a header, is not one. (A mail
    server that fails does not raise: the email waits in the outbox, alliance/outbox.py.)"""


@contextmanager
def reporting_failure(what: str):
    """An email to ``what`` that cannot be written (an address or a header that is not
    one) comes out as one error, ``EmailNotSent``: for the portal's emails
    (``send_email``) and allauth's (members/adapters.py) alike."""
    try:
        yield
    except (ValidationError, BadHeaderError) as error:
        raise EmailNotSent(f"{what}: {error}") from error


# What a person is told when an email they asked for could not be written.
EMAIL_FAILED = _(
    "Our email could not be addressed, so nothing was done. If the address is correct, write to us."
)


def email_subject(text: str) -> str:
    """The subject line of every email the portal sends: prefixed, and on one line
    whatever names went into it, so that it can never start another header."""
    return single_line(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{text}")


def absolute_url(location: str) -> str:
    """The portal's public address of a path, or of a URL built on some other host."""
    parts = urlsplit(location)
    return settings.SITE_URL + urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def email_context(language: str) -> dict:
    return {
        "association": settings.ASSOCIATION,
        "site_url": settings.SITE_URL,
        "language": language,
    }


def html_part(*, subject: str, body: str, language: str) -> str:
    """The HTML version of a plain-text email."""
    return render_to_string(
        "emails/layout.html",
        {**email_context(language), "subject": subject, "body": body.strip()},
    )


def send_email(
    *,
    template: str,
    to: list[str],
    language: str,
    context: dict,
    attachments: list[tuple[str, bytes, str]] = (),
) -> None:
    """Send the email ``templates/emails/<template>.txt`` to ``to``, or raise
    ``EmailNotSent``."""
    with translation.override(language):
        context = {**email_context(language), **context}
        # The subject ends at the first blank line, not the first line break: a name with a
        # line break in it (an old row) stays in the subject, on one line.
        subject, _blank, body = (
            render_to_string(f"emails/{template}.txt", context).lstrip().partition("\n\n")
        )
        html = html_part(subject=single_line(subject), body=body, language=language)
        subject = email_subject(subject)
    with reporting_failure(f"{template} to {', '.join(to)}"):
        for address in to:
            validate_email(address)
        message = EmailMultiAlternatives(subject=subject, body=body.strip() + "\n", to=to)
        message.attach_alternative(html, "text/html")
        for name, content, mimetype in attachments:
            message.attach(name, content, mimetype)
        message.send()
