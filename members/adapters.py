import logging
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import ratelimit
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation

from alliance.emails import (
    EMAIL_FAILED,
    EmailNotSent,
    absolute_url,
    email_subject,
    html_part,
    reporting_failure,
)
from alliance.proxy import client_ip
from members.models import User

log = logging.getLogger(__name__)

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
    emails go out in the recipient's language, as text and HTML.

    When the mail server fails, an email the person is waiting for (a login code, a
    password-reset link, an address to verify) sends them back to the page they asked
    from, told it was not sent: allauth would otherwise say it was. An unknown address
    gets an email too ("no account uses this address"), so it meets the same failure and
    the answer still tells nothing of which addresses have an account. A notification
    (password changed, second factor added…) reports a change already made: its failure
    is only logged, and the change stands."""

    notifying = False

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's rate limits key on, and that its emails report."""
        return client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        try:
            self._send_mail(template_prefix, email, context)
        except EmailNotSent:
            request = self.request
            if self.notifying or request is None:
                raise
            log.exception("%s not sent; the person is asked to try again.", template_prefix)
            if template_prefix.startswith("account/email/email_confirmation"):
                # Nothing was sent, so nothing counts against allauth's limit of one
                # verification email per address every few minutes: trying again works.
                ratelimit.clear(request, action="confirm_email", key=email.lower())
            messages.error(request, EMAIL_FAILED)
            # allauth sends these on a POST; back to its form (a GET) to try again. The
            # flow goes no further, so nothing it would have kept (a login code waiting in
            # the session) is kept, and an address being added is rolled back
            # (members/views/accounts.py).
            if request.method == "POST":
                raise ImmediateHttpResponse(HttpResponseRedirect(request.get_full_path())) from None

    def send_notification_mail(
        self,
        template_prefix: str,
        user: User,
        context: dict | None = None,
        email: str | None = None,
    ) -> None:
        self.notifying = True
        try:
            super().send_notification_mail(template_prefix, user, context, email)
        except EmailNotSent:
            log.exception("%s to user %s not sent; the change stands.", template_prefix, user.pk)
        finally:
            self.notifying = False

    def _send_mail(self, template_prefix: str, email: str, context: dict) -> None:
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
        with translation.override(language), reporting_failure(f"{template_prefix} to {email}"):
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
