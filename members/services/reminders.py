"""Renewal reminders: the emails a company's administrators get before its membership
ends and once it has lapsed, each sent once."""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from alliance.emails import EmailNotSent, send_email
from members.models import Membership, Person, RenewalReminder

log = logging.getLogger(__name__)


def reminder_send_due(*, today: dt.date | None = None) -> tuple[int, list[str]]:
    """Email each company administrator the reminders that are due, once each.

    Due: ``MEMBERSHIP_REMINDER_DAYS`` before a period's last day ("ending"), and on the
    day it lapses, once the grace period is over ("lapsed"); only for the company's
    latest period, so a renewed company hears nothing. A day missed by cron is caught up
    the next run; a reminder more than a week late is not sent any more.

    Returns how many went to the outbox (the worker sends them, and retries while the
    mail server fails) and the addresses refused as not addresses: those are not
    recorded, so the next run tries them again.
    """
    today = today or timezone.localdate()
    due = {
        RenewalReminder.Kind.ENDING: Membership.objects.ending_reminder_due(today),
        RenewalReminder.Kind.LAPSED: Membership.objects.lapsed_email_due(today),
    }
    later = Membership.objects.filter(company=OuterRef("company"), end__gt=OuterRef("end"))
    admins = Person.objects.filter(role=Person.Role.ADMIN)
    sent, failed = 0, []
    for kind, periods in due.items():
        periods = (
            periods.filter(cancelled_on__isnull=True, company__archived_at__isnull=True)
            .exclude(Exists(later))
            .select_related("company")
            .prefetch_related(Prefetch("company__people", queryset=admins))
        )
        for period in periods:
            for person in period.company.people.all():
                try:
                    sent += _send_reminder(period=period, kind=kind, person=person)
                except EmailNotSent:
                    log.exception("Renewal reminder to %s not sent.", person.pk)
                    failed.append(person.email)
    return sent, failed


def _send_reminder(*, period: Membership, kind: str, person: Person) -> int:
    # The record is written first and the email sent inside the same transaction: if the
    # mail server fails the record is rolled back and tomorrow's run tries again; a
    # second run never sends a reminder that was recorded.
    try:
        with transaction.atomic():
            RenewalReminder.objects.create(membership=period, kind=kind, email=person.email)
            send_email(
                template=f"renewal_{kind}",
                to=[person.email],
                language=person.language,
                context={"person": person, "period": period, "company": period.company},
            )
    except IntegrityError:
        return 0
    return 1
