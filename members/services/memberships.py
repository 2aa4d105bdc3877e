"""Membership periods: the one-year rule, renewal and payment by staff, and a member's
request to renew."""

import datetime as dt

from django.conf import settings

from alliance.emails import send_email
from members.models import Company, User
from members.services.mail import admin_url


def one_year_from(start: dt.date) -> dt.date:
    """The last day of a one-year period starting on ``start``."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 1, day=28) + dt.timedelta(days=1)
    return anniversary - dt.timedelta(days=1)


def membership_request_renewal(*, company: Company, by: User) -> None:
    """Tell staff that a company's person asks to renew its membership; ``EmailNotSent``
    if that cannot be done."""
    send_email(
        template="renewal_requested_staff",
        to=settings.MEMBERSHIP_STAFF_EMAILS,
        language=settings.LANGUAGE_CODE,
        context={"company": company, "person": by, "admin_url": admin_url(company)},
    )
