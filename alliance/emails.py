"""Every email the portal sends: in the recipient's language, as plain text and HTML.

An email is one template, ``templates/emails/<name>.txt``, whose first line is the subject.
The HTML part is the same text inside the portal's email layout, so the two never differ.
allauth's emails (members/adapters.py) get their HTML part from the same layout.

Every link in an email is built on ``settings.SITE_URL`` (``absolute_url``), never on the
Host of the request that sent it: a request can name any host the server answers to, and
an email outlives the request.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


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
    with translation.override(language):
        context = {**email_context(language), **context}
        subject, _blank, body = (
            render_to_string(f"emails/{template}.txt", context).lstrip().partition("\n")
        )
        html = html_part(subject=subject, body=body, language=language)
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject.strip()}",
        body=body.strip() + "\n",
        to=to,
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()
