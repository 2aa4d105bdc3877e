"""The membership date rules (members.models.memberships) and the querysets that apply
them agree, whatever the settings say."""

import datetime as dt

import pytest

from members.models import (
    Membership,
    ending_reminder_day,
    lapsed_email_day,
    renewal_urgency,
)
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
END = dt.date(2026, 6, 30)


@pytest.fixture
def period(settings):
    settings.MEMBERSHIP_REMINDER_DAYS = 45
    settings.MEMBERSHIP_GRACE_DAYS = 20
    return MembershipFactory(start=dt.date(2025, 7, 1), end=END)


def due_days(queryset_method, first: dt.date, last: dt.date) -> list[dt.date]:
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [day for day in days if queryset_method(day).exists()]


def test_the_ending_reminder_is_due_from_its_day_to_the_last_day(period):
    assert ending_reminder_day(END) == dt.date(2026, 5, 16)  # 45 days before
    days = due_days(Membership.objects.ending_reminder_due, END - dt.timedelta(days=60), END)
    assert days[0] == ending_reminder_day(END) and days[-1] == END
    assert len(days) == 46
    assert not Membership.objects.ending_reminder_due(END + dt.timedelta(days=1)).exists()


def test_the_lapsed_email_is_due_when_grace_is_over_and_caught_up_for_a_week(period):
    assert lapsed_email_day(END) == dt.date(2026, 7, 21)  # the day after 20 days of grace
    days = due_days(Membership.objects.lapsed_email_due, END, END + dt.timedelta(days=60))
    assert days[0] == lapsed_email_day(END)
    assert days[-1] == lapsed_email_day(END) + dt.timedelta(days=6)


def test_urgency_of_an_end_date(settings):
    settings.MEMBERSHIP_REMINDER_DAYS = 45
    today = dt.date(2026, 1, 1)
    assert renewal_urgency(dt.date(2025, 12, 31), today) == "past"
    assert renewal_urgency(today + dt.timedelta(days=45), today) == "soon"
    assert renewal_urgency(today + dt.timedelta(days=46), today) == "later"
    assert renewal_urgency(today + dt.timedelta(days=90), today) == "later"
    assert renewal_urgency(today + dt.timedelta(days=91), today) == "ok"
