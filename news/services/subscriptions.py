"""Newsletter subscriptions: sign-up with double opt-in, the member area's choice,
unsubscribing, and the signed links that carry them (no token is stored)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from alliance.emails import absolute_url
from news.models import Subscriber

UNSUBSCRIBE_SALT = "news.newsletter.unsubscribe"
CONFIRM_SALT = "news.newsletter.confirm"


def subscriber_unsubscribe_url(*, subscriber: Subscriber) -> str:
    """The address, in the subscriber's language, of the page that unsubscribes them in
    one click; it also answers the ``List-Unsubscribe-Post`` request (RFC 8058)."""
    token = signing.dumps(
        {"s": subscriber.pk, "e": subscriber.email.lower()}, salt=UNSUBSCRIBE_SALT
    )
    with translation.override(subscriber.language):
        return absolute_url(reverse("newsletter:unsubscribe", kwargs={"token": token}))


def subscriber_from_unsubscribe_token(token: str) -> Subscriber:
    """The subscriber a link names; ``signing.SignatureExpired`` past
    ``NEWSLETTER_UNSUBSCRIBE_DAYS``, ``signing.BadSignature`` for a link tampered with,
    ``Subscriber.DoesNotExist`` for an address erased since."""
    data = signing.loads(
        token, salt=UNSUBSCRIBE_SALT, max_age=settings.NEWSLETTER_UNSUBSCRIBE_DAYS * 86400
    )
    return Subscriber.objects.get(pk=data["s"], email__iexact=data["e"])
