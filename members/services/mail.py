"""What the workflows of several domains share to email people: the sender that only
logs, and the admin link given to staff."""

import logging

from django.db.models import Model
from django.urls import reverse

from alliance.emails import EmailNotSent, absolute_url, send_email

log = logging.getLogger(__name__)


def admin_url(obj: Model) -> str:
    meta = obj._meta
    return absolute_url(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))


def send_or_log(*, failure: str, **email) -> None:
    """Queue an email that the workflow does not depend on; if it cannot even be written
    (an address in the settings that is not one), log ``failure`` and go on.

    The outbox (alliance/outbox.py) sends it once the transaction commits, and never for
    one that is rolled back."""
    try:
        send_email(**email)
    except EmailNotSent:
        log.exception(failure)
