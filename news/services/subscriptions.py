"""Newsletter subscriptions: sign-up with double opt-in, the member area's choice,
unsubscribing, and the signed links that carry them (no token is stored).

Consent is CASL's: express, recorded (the text shown, where, when it was asked) and
confirmed from the address itself before any issue goes to it. An unsubscribe is never
undone except by a new consent, confirmed again.
"""

import datetime as dt
import functools

import reversion
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from alliance.emails import absolute_url, send_email
from members.models import User
from news.models import Delivery, Subscriber

UNSUBSCRIBE_SALT = "news.newsletter.unsubscribe"
CONFIRM_SALT = "news.newsletter.confirm"


class SubscriptionError(Exception):
    """A subscription choice that cannot be made; the message says why."""


class ConfirmationOutdated(signing.BadSignature):
    """A confirmation link that was genuine, but for a consent since replaced or
    withdrawn: it must not subscribe anyone."""


def consent_text() -> str:
    """The words of consent, in the active language: the sign-up form and the member area
    show them, and the subscriber's row keeps exactly what was shown."""
    association = settings.ASSOCIATION
    return _(
        "Yes, I want to receive by email the newsletter of %(name)s: news of the association, "
        "its events and its sector, Québec’s plastics, composites and rubber industry. "
        "I can unsubscribe at any time, with the link in every issue or by writing to "
        "%(email)s. %(name)s, %(address)s."
    ) % {
        "name": association["name"],
        "email": association["email"],
        "address": association["postal_address"],
    }


def _address_digest(email: str) -> str:
    """What a link carries of the address: enough to tell that the row still has it, not
    the address itself (links end up in logs and browser histories)."""
    return salted_hmac("news.newsletter.address", email.lower()).hexdigest()[:20]


def _subscriber_named(data: dict) -> Subscriber:
    subscriber = Subscriber.objects.get(pk=data["s"])
    if not constant_time_compare(_address_digest(subscriber.email), data["e"]):
        raise Subscriber.DoesNotExist  # the row now holds another address
    return subscriber


def _timestamp(moment: dt.datetime) -> int:
    return round(moment.timestamp() * 1_000_000)


def subscriber_confirm_url(*, subscriber: Subscriber) -> str:
    """The link of the confirmation email: it names the consent it confirms (the moment
    it was asked), so a link from before a later unsubscribe or sign-up confirms nothing."""
    token = signing.dumps(
        {
            "s": subscriber.pk,
            "e": _address_digest(subscriber.email),
            "t": _timestamp(subscriber.consent_requested_at),
        },
        salt=CONFIRM_SALT,
    )
    with translation.override(subscriber.language):
        return absolute_url(reverse("newsletter:confirm", kwargs={"token": token}))


def subscriber_from_confirm_token(token: str) -> tuple[Subscriber, int]:
    """The subscriber a confirmation link names and the consent it confirms; raises as
    ``subscriber_from_unsubscribe_token`` does, past ``NEWSLETTER_CONFIRM_DAYS``."""
    data = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_DAYS * 86400)
    return _subscriber_named(data), data["t"]


def subscriber_unsubscribe_url(*, subscriber: Subscriber) -> str:
    """The address, in the subscriber's language, of the page that unsubscribes them in
    one click; it also answers the ``List-Unsubscribe-Post`` request (RFC 8058)."""
    token = signing.dumps(
        {"s": subscriber.pk, "e": _address_digest(subscriber.email)}, salt=UNSUBSCRIBE_SALT
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
    return _subscriber_named(data)


def _once_more_on_conflict(service):
    """Two first sign-ups of one new address at the same moment both find no row; the
    second insert breaks the address's unique constraint. Tried again, it finds the
    first's row and goes on from there."""

    @functools.wraps(service)
    def wrapper(**kwargs):
        try:
            return service(**kwargs)
        except IntegrityError:
            return service(**kwargs)

    return wrapper


@_once_more_on_conflict
def subscriber_sign_up(*, email: str, language: str, source: str, consent_text: str) -> Subscriber:
    """Ask ``email`` to confirm its consent (double opt-in). Whatever the address's state,
    it gets one email and the caller says the same thing: the page never tells who is
    subscribed. A subscribed address stays as it is and is told so; any other is (back)
    to pending with this consent, subscribed only once the new link is clicked.

    The email is written to the outbox in the transaction: an address that is not one
    saves nothing and raises ``EmailNotSent``."""
    email = email.strip()
    now = timezone.now()
    with transaction.atomic(), reversion.create_revision():
        subscriber = Subscriber.objects.with_address(email).select_for_update().first()
        if subscriber is not None and subscriber.status == Subscriber.Status.SUBSCRIBED:
            send_email(
                template="newsletter_already_subscribed",
                to=[subscriber.email],
                language=language,
                context={"unsubscribe_url": subscriber_unsubscribe_url(subscriber=subscriber)},
            )
            return subscriber
        if subscriber is None:
            subscriber = Subscriber(email=email)
        subscriber.status = Subscriber.Status.PENDING
        subscriber.language = language
        subscriber.source = source
        subscriber.consent_text = consent_text
        subscriber.consent_requested_at = now
        subscriber.consented_at = None
        subscriber.save()
        reversion.set_comment(_("Signed up; waiting for confirmation."))
        send_email(
            template="newsletter_confirm",
            to=[subscriber.email],
            language=language,
            context={
                "link": subscriber_confirm_url(subscriber=subscriber),
                "days": settings.NEWSLETTER_CONFIRM_DAYS,
            },
        )
    return subscriber


def subscriber_confirm(*, token: str) -> Subscriber:
    """Confirm the consent a link carries: the address is subscribed. Confirming twice
    changes nothing. ``signing.SignatureExpired`` past ``NEWSLETTER_CONFIRM_DAYS``,
    ``ConfirmationOutdated`` for a consent since replaced or withdrawn,
    ``signing.BadSignature`` for a link tampered with, ``Subscriber.DoesNotExist`` for an
    address erased since."""
    subscriber, asked_at = subscriber_from_confirm_token(token)
    with transaction.atomic(), reversion.create_revision():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.SUBSCRIBED:
            return subscriber
        if (
            subscriber.status != Subscriber.Status.PENDING
            or _timestamp(subscriber.consent_requested_at) != asked_at
        ):
            raise ConfirmationOutdated(token)
        _mark_subscribed(subscriber, timezone.now())
        subscriber.save()
        reversion.set_comment(_("Subscription confirmed from the address."))
    return subscriber


def subscriber_unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    """Unsubscribe at once; an address already unsubscribed stays as it was."""
    with transaction.atomic(), reversion.create_revision():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return subscriber
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
        reversion.set_comment(_("Unsubscribed."))
    return subscriber


def member_newsletter_address(*, user: User) -> str | None:
    """The address l'infolettre goes to for a member: their primary address, once
    verified; ``None`` until then."""
    address = EmailAddress.objects.filter(user=user, primary=True, verified=True).first()
    return address.email if address else None


def member_newsletter_state(*, user: User) -> tuple[str | None, bool]:
    """The address l'infolettre goes to for a member (``None`` until verified), and
    whether it is subscribed: what the profile shows."""
    address = member_newsletter_address(user=user)
    if address is None:
        return None, False
    subscribed = Subscriber.objects.with_address(address).subscribed().exists()
    return address, subscribed


def _mark_subscribed(subscriber: Subscriber, now) -> None:
    """Consent confirmed: subscribed, and whatever ended an earlier subscription is gone
    from the row (it stays in the history)."""
    subscriber.status = Subscriber.Status.SUBSCRIBED
    subscriber.consented_at = now
    subscriber.unsubscribed_at = None
    subscriber.bounced_at = None
    subscriber.bounce_reason = ""


@_once_more_on_conflict
def subscriber_set_for_member(
    *, user: User, subscribe: bool, consent_text: str
) -> Subscriber | None:
    """The member area's choice. Checking it subscribes the member's verified primary
    address at once (it is confirmed already: no second email); unchecking it
    unsubscribes. ``SubscriptionError`` while the address is not verified."""
    address = member_newsletter_address(user=user)
    if address is None:
        raise SubscriptionError(
            _("Verify your email address first: the newsletter goes only to a verified address.")
        )
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        subscriber = Subscriber.objects.with_address(address).select_for_update().first()
        if not subscribe:
            if subscriber is None:
                return None
            return subscriber_unsubscribe(subscriber=subscriber)
        if subscriber is not None and subscriber.status == Subscriber.Status.SUBSCRIBED:
            return subscriber
        now = timezone.now()
        subscriber = subscriber or Subscriber(email=address)
        subscriber.language = user.preferred_language or settings.LANGUAGE_CODE
        subscriber.source = Subscriber.Source.MEMBER_AREA
        subscriber.consent_text = consent_text
        subscriber.consent_requested_at = now
        _mark_subscribed(subscriber, now)
        subscriber.save()
        reversion.set_comment(_("Subscribed from the member area."))
    return subscriber


# A bounce counts against the issue sent to the address within these last days.
BOUNCE_RECENT = dt.timedelta(days=3)


def subscriber_mark_undeliverable(*, email: str, reason: str, withdrawn: bool) -> bool:
    """Stop bulk email to ``email``; returns whether it was on the list."""
    now = timezone.now()
    with (
        transaction.atomic(),
        reversion.create_revision(),
        translation.override(settings.LANGUAGE_CODE),
    ):
        subscriber = (
            Subscriber.objects.select_for_update().with_address(email).order_by("pk").first()
        )
        if subscriber is None:
            return False
        if withdrawn:
            subscriber.status = Subscriber.Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = subscriber.unsubscribed_at or now
            reversion.set_comment(_("Unsubscribed by a complaint at the email provider."))
        else:
            # Someone who unsubscribed stays so: a bounce says nothing of their consent.
            if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
                subscriber.status = Subscriber.Status.BOUNCED
            subscriber.bounced_at = now
            reversion.set_comment(_("The email provider reports the address undeliverable."))
        subscriber.bounce_reason = reason[:300]
        subscriber.save()
        # The issue it bounced from, when one went to the address in the last days (the
        # provider's event does not name the issue; it may be a transactional email).
        latest = (
            Delivery.objects.filter(
                subscriber=subscriber,
                handed_at__gte=now - BOUNCE_RECENT,
                bounced_at__isnull=True,
            )
            .order_by("-handed_at")
            .first()
        )
        if latest is not None:
            latest.bounced_at = now
            latest.save(update_fields=["bounced_at"])
    return True
