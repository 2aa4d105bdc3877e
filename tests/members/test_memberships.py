"""Memberships: a company's status, derived from its periods and the date, at every edge;
the periods themselves (renewal and payment: test_renewals)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from members.models import Company, Membership, MembershipStatus
from members.services.memberships import one_year_from
from tests.factories import CompanyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

START = dt.date(2026, 1, 1)
END = dt.date(2026, 12, 31)


@pytest.fixture
def company(settings):
    settings.MEMBERSHIP_GRACE_DAYS = 30
    return CompanyFactory(period=(START, END))


def status_on(company, day):
    return Company.objects.with_status(day).get(pk=company.pk).status


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (START - dt.timedelta(days=1), MembershipStatus.PENDING),  # approved, not started yet
        (START, MembershipStatus.ACTIVE),  # first day
        (END, MembershipStatus.ACTIVE),  # last day
        (END + dt.timedelta(days=1), MembershipStatus.GRACE),  # the day after
        (END + dt.timedelta(days=30), MembershipStatus.GRACE),  # last day of grace
        (END + dt.timedelta(days=31), MembershipStatus.LAPSED),  # grace over
    ],
)
def test_status_at_each_boundary(company, day, expected):
    assert status_on(company, day) == expected


def test_directory_follows_the_status_at_each_boundary(company):
    for day, listed in [
        (START - dt.timedelta(days=1), False),
        (START, True),
        (END + dt.timedelta(days=30), True),
        (END + dt.timedelta(days=31), False),
    ]:
        assert Company.objects.in_directory(day).filter(pk=company.pk).exists() is listed, day


def test_a_company_without_any_period_is_pending():
    company = CompanyFactory(period=False)
    assert status_on(company, START) == MembershipStatus.PENDING


def test_renewal_keeps_the_company_active_across_the_change_of_period(company):
    MembershipFactory(company=company, start=END + dt.timedelta(days=1), end=dt.date(2027, 12, 31))
    assert status_on(company, END + dt.timedelta(days=1)) == MembershipStatus.ACTIVE
    assert status_on(company, dt.date(2027, 6, 1)) == MembershipStatus.ACTIVE


def test_a_renewed_lapsed_company_with_a_future_period_is_pending(company):
    MembershipFactory(company=company, start=dt.date(2027, 6, 1), end=dt.date(2028, 5, 31))
    assert status_on(company, dt.date(2027, 3, 1)) == MembershipStatus.PENDING


def test_a_cancelled_period_ends_at_once_without_grace(company):
    period = company.memberships.get()
    period.cancelled_on = dt.date(2026, 6, 15)
    period.save()
    assert status_on(company, dt.date(2026, 6, 14)) == MembershipStatus.ACTIVE
    assert status_on(company, dt.date(2026, 6, 15)) == MembershipStatus.CANCELLED
    assert status_on(company, END + dt.timedelta(days=5)) == MembershipStatus.CANCELLED
    assert not Company.objects.in_directory(dt.date(2026, 6, 15)).filter(pk=company.pk).exists()


def test_grace_length_comes_from_the_settings(company, settings):
    settings.MEMBERSHIP_GRACE_DAYS = 0
    assert status_on(company, END + dt.timedelta(days=1)) == MembershipStatus.LAPSED


def test_status_is_one_query_for_any_number_of_companies(django_assert_num_queries):
    CompanyFactory.create_batch(5)
    with django_assert_num_queries(1):
        statuses = [c.status for c in Company.objects.with_status()]
    assert statuses == [MembershipStatus.ACTIVE] * 5


# --- Periods, renewal and payment ---------------------------------------------------------


def test_one_year_periods():
    assert one_year_from(dt.date(2026, 3, 1)) == dt.date(2027, 2, 28)
    assert one_year_from(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


def test_membership_end_cannot_precede_start_nor_overlap():
    company = CompanyFactory()
    current = company.memberships.get()
    backwards = Membership(
        company=company,
        category=current.category,
        start=current.end + dt.timedelta(days=10),
        end=current.end + dt.timedelta(days=5),
        fee=1,
    )
    with pytest.raises(ValidationError, match="ne peut pas se terminer avant"):
        backwards.full_clean()
    overlapping = Membership(
        company=company,
        category=current.category,
        start=current.end,
        end=current.end + dt.timedelta(days=365),
        fee=1,
    )
    with pytest.raises(ValidationError, match="chevauche"):
        overlapping.full_clean()
