"""What the workflows of several domains share to email people: the after-commit sender
and the admin link given to staff."""

import logging

from django.db import transaction
from django.db.models import Model
from django.urls import reverse

from alliance.emails import EmailNotSent, absolute_url, send_email

log = logging.getLogger(__name__)


def admin_url(obj: Model) -> str:
    meta = obj._meta
    return absolute_url(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))


def send_after_commit(*, failure: str, **email) -> None:
    """Send an email once the transaction commits; if it fails, log ``failure``: the
    workflow it reports on is done, and staff can read its outcome in the admin."""

    def send() -> None:
        try:
            send_email(**email)
        except EmailNotSent:
            log.exception(failure)

    transaction.on_commit(send)
