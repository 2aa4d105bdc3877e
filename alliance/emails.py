"""Every email the portal sends: in the recipient's language, as plain text and HTML.

An email is one template, ``templates/emails/<name>.txt``, whose first line is the subject.
The HTML part is the same text inside the portal's email layout, so the two never differ.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_email(*, template: str, to: list[str], language: str, context: dict) -> None:
    with translation.override(language):
        context = {
            "association": settings.ASSOCIATION,
            "site_url": settings.SITE_URL,
            "language": language,
            **context,
        }
        subject, _blank, body = (
            render_to_string(f"emails/{template}.txt", context).lstrip().partition("\n")
        )
        html = render_to_string(
            "emails/layout.html", {**context, "subject": subject, "body": body.strip()}
        )
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject.strip()}",
        body=body.strip() + "\n",
        to=to,
    )
    message.attach_alternative(html, "text/html")
    message.send()
