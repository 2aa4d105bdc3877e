from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

from alliance.emails import absolute_url, email_subject, html_part
from alliance.proxy import client_ip
from members.models import User

SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def language_of(email: str) -> str:
    """The language a person reads their emails in: the choice of the account that
    verified the address, else the language of the page that made the email, else French."""
    user = User.objects.with_verified_email(email).only("preferred_language").first()
    if user:
        return user.preferred_language
    current = translation.get_language() or ""
    return current if current in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only: nobody can sign up on their own. allauth's
    emails go out in the recipient's language, as text and HTML."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's rate limits key on, and that its emails report."""
        return client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        language = language_of(email)
        # allauth built the links on the request's Host and in the language of the page
        # the request came from: rebuild them on the portal's address, in the reader's.
        context = {
            key: absolute_url(translate_url(value, language))
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        # allauth's templates name the site from the request's Host too.
        context.setdefault(
            "current_site",
            SimpleNamespace(
                name=settings.ASSOCIATION["name"], domain=urlsplit(settings.SITE_URL).netloc
            ),
        )
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject: str) -> str:
        return email_subject(subject)

    def render_mail(self, template_prefix, email, context, headers=None) -> EmailMessage:
        message = super().render_mail(template_prefix, email, context, headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(
                html_part(
                    subject=message.subject,
                    body=message.body,
                    language=translation.get_language(),
                ),
                "text/html",
            )
        return message


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff must keep a second factor: they cannot remove their last one."""
        if authenticator.type not in SECOND_FACTORS or not authenticator.user.is_staff:
            return True
        others = Authenticator.objects.filter(
            user=authenticator.user, type__in=SECOND_FACTORS
        ).exclude(pk=authenticator.pk)
        return others.exists()
