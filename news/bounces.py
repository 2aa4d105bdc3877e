"""Bounces and complaints from the email provider (django-anymail's tracking webhooks,
whose signature anymail verifies: a bad one answers 400 and reaches nothing here).

A hard bounce marks the address undeliverable; a spam complaint, or an unsubscribe at the
provider, unsubscribes it (``subscriber_mark_undeliverable``): no bulk email goes to
either again. Transactional emails (account, meeting notices) are not stopped: the
address may work for them another day, and the person needs them.
"""

import logging

from anymail.signals import AnymailTrackingEvent, EventType

from news.services.subscriptions import subscriber_mark_undeliverable

log = logging.getLogger(__name__)

UNDELIVERABLE = {EventType.BOUNCED, EventType.REJECTED}
WITHDRAWN = {EventType.COMPLAINED, EventType.UNSUBSCRIBED}


def on_tracking(sender, event: AnymailTrackingEvent, esp_name: str, **kwargs) -> None:
    if event.event_type not in UNDELIVERABLE | WITHDRAWN or not event.recipient:
        return
    withdrawn = event.event_type in WITHDRAWN
    reason = event.description or event.mta_response or event.reject_reason or ""
    if subscriber_mark_undeliverable(email=event.recipient, reason=reason, withdrawn=withdrawn):
        log.info("%s: %s for a subscriber (%s).", esp_name, event.event_type, reason)
