"""Bounces and complaints from the email provider (django-anymail's tracking webhooks,
whose signature anymail verifies: a bad one answers 400 and reaches nothing here).

A hard bounce marks the address undeliverable; a spam complaint, or an unsubscribe at the
provider, unsubscribes it: no bulk email goes to either again. Transactional emails (account, meeting notices) are not
stopped: the address may work for them another day, and the person needs them.
"""

import datetime as dt
import logging

import reversion
from anymail.signals import AnymailTrackingEvent, EventType
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from news.models import Delivery, Subscriber

log = logging.getLogger(__name__)

UNDELIVERABLE = {EventType.BOUNCED, EventType.REJECTED}
WITHDRAWN = {EventType.COMPLAINED, EventType.UNSUBSCRIBED}
RECENT = dt.timedelta(days=3)


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
                handed_at__gte=now - RECENT,
                bounced_at__isnull=True,
            )
            .order_by("-handed_at")
            .first()
        )
        if latest is not None:
            latest.bounced_at = now
            latest.save(update_fields=["bounced_at"])
    return True


def on_tracking(sender, event: AnymailTrackingEvent, esp_name: str, **kwargs) -> None:
    if event.event_type not in UNDELIVERABLE | WITHDRAWN or not event.recipient:
        return
    withdrawn = event.event_type in WITHDRAWN
    reason = event.description or event.mta_response or event.reject_reason or ""
    if subscriber_mark_undeliverable(email=event.recipient, reason=reason, withdrawn=withdrawn):
        log.info("%s: %s for a subscriber (%s).", esp_name, event.event_type, reason)
