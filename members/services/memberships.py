"""Membership periods: the one-year rule, renewal and payment by staff, and a member's
request to renew."""

import datetime as dt

import reversion
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.emails import send_email
from members.models import Company, Membership, User
from members.services.mail import admin_url


def one_year_from(start: dt.date) -> dt.date:
    """The last day of a one-year period starting on ``start``."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 1, day=28) + dt.timedelta(days=1)
    return anniversary - dt.timedelta(days=1)


class MembershipError(Exception):
    """A membership workflow cannot go ahead as asked; the message says why, for staff."""


def membership_renew(*, company: Company, by: User) -> Membership:
    """Add one period after the company's latest, in its category at today's fee."""
    with transaction.atomic(), reversion.create_revision():
        latest = (
            Membership.objects.select_for_update()
            .filter(company=company)
            .select_related("category")
            .order_by("-end")
            .first()
        )
        if latest is None:
            raise MembershipError(
                _("%(company)s has no membership period to renew.") % {"company": company}
            )
        today = timezone.localdate()
        # A lapsed company starts again today; one still in force continues without a gap.
        start = max(latest.end + dt.timedelta(days=1), today)
        period = Membership.objects.create(
            company=company,
            category=latest.category,
            start=start,
            end=one_year_from(start),
            fee=latest.category.annual_fee,
        )
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(
                _("Renewed from %(start)s to %(end)s.")
                % {"start": period.start.isoformat(), "end": period.end.isoformat()}
            )
        reversion.add_to_revision(company)
    return period


def membership_mark_paid(*, companies: QuerySet[Company], by: User) -> int:
    """Mark today as the payment date of each company's current unpaid period."""
    today = timezone.localdate()
    marked = 0
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(_("Payment recorded."))
        for company in companies.with_current_period(today):
            updated = Membership.objects.filter(
                company=company, end=company.period_end, paid_on__isnull=True
            ).update(paid_on=today)
            if updated:
                reversion.add_to_revision(company)
                marked += 1
    return marked


def membership_request_renewal(*, company: Company, by: User) -> None:
    """Tell staff that a company's person asks to renew its membership; ``EmailNotSent``
    if that cannot be done."""
    send_email(
        template="renewal_requested_staff",
        to=settings.MEMBERSHIP_STAFF_EMAILS,
        language=settings.LANGUAGE_CODE,
        context={"company": company, "person": by, "admin_url": admin_url(company)},
    )
