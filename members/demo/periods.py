"""The yearly membership periods of the demo companies, drawn so that each company has
the status it was planned with today (mix.yaml's ``statuses``)."""

import datetime as dt
import random
from collections import Counter

from members.models import Company, Membership, MembershipCategory
from members.services.memberships import one_year_from


def _yearly_back(start: dt.date) -> dt.date:
    """The start of the period one year before the one starting on ``start``."""
    return start.replace(year=start.year - 1)


def _no_leap_day(day: dt.date, *, later: bool = False) -> dt.date:
    """Periods never start on 29 February, so a year back is always the same date."""
    if (day.month, day.day) != (2, 29):
        return day
    return day + dt.timedelta(days=1 if later else -1)


def _start_for_end(end: dt.date) -> dt.date:
    """The start of the yearly period that ends on ``end``, or on the day before when
    the next day is a 29 February (no period starts on one)."""
    if (end + dt.timedelta(days=1)).timetuple()[1:3] == (2, 29):
        end -= dt.timedelta(days=1)
    return _yearly_back(end + dt.timedelta(days=1))


class Periods:
    """Draws the periods, and numbers their invoices year by year across the run."""

    def __init__(
        self,
        rng: random.Random,
        *,
        today: dt.date,
        grace: int,
        categories: list[MembershipCategory],
    ):
        self.rng = rng
        self.today = today
        self.grace = grace
        self.categories = categories
        self.invoices: Counter = Counter()

    def for_company(self, company: Company, status: str, founded: int) -> list[Membership]:
        """The company's yearly periods, the latest first, such that
        ``Company.objects.with_status()`` finds ``status`` today."""
        rng, today, grace = self.rng, self.today, self.grace
        if status == "grace" and grace < 1:
            status = "lapsed"
        category = rng.choices(
            self.categories,
            weights=[72, 24, *[4] * (len(self.categories) - 2)][: len(self.categories)],
        )[0]
        cancelled_on = None
        future = None
        if status == "pending":  # approved, starting soon: only a future period
            start = _no_leap_day(today + dt.timedelta(days=rng.randint(1, 60)), later=True)
            return [self._period(company, category, start)]
        if status == "active":
            latest = today - dt.timedelta(days=rng.randint(0, 330))
        elif status == "ending":
            latest = today - dt.timedelta(days=rng.randint(336, 362))
        elif status == "renewed":
            latest = today - dt.timedelta(days=rng.randint(336, 362))
            future = True
        elif status == "grace":  # ended within the grace period
            latest = _start_for_end(today - dt.timedelta(days=rng.randint(1, grace)))
        elif status == "lapsed":  # ended well before
            end = today - dt.timedelta(days=rng.randint(grace + 20, 1800))
            latest = _start_for_end(end)
        else:  # cancelled during its latest period, well after the previous one ended
            latest = today - dt.timedelta(days=rng.randint(grace + 40, 330))
            cancelled_on = latest + dt.timedelta(days=rng.randint(10, (today - latest).days))
        latest = _no_leap_day(latest)
        periods = [self._period(company, category, latest)]
        periods[0].cancelled_on = cancelled_on
        if future:
            upcoming = self._period(company, category, periods[0].end + dt.timedelta(days=1))
            upcoming.paid_on = today - dt.timedelta(days=rng.randint(0, 10))  # renewed early
            periods.insert(0, upcoming)
        # Earlier years, back to back, now and then with a year off.
        first_year = max(founded + 1, today.year - 14, 2005)
        start = latest
        for _ in range(rng.choices(range(10), [14, 14, 12, 11, 10, 10, 9, 8, 7, 5])[0]):
            start = _yearly_back(start)
            if rng.random() < 0.05:
                start = _yearly_back(start)
            if start.year < first_year:
                break
            periods.append(self._period(company, category, start))
        return periods

    def _period(self, company, category, start: dt.date) -> Membership:
        """One yearly period: paid if it is over, paid 85 % of the time if it is running,
        half of the time if it is still to come."""
        rng, today = self.rng, self.today
        end = one_year_from(start)
        self.invoices[start.year] += 1
        chance = 0.5 if start > today else 1.0 if end < today else 0.85
        paid = rng.random() < chance
        paid_on = None
        if paid:
            days = rng.randint(-20, 40) if start <= today else -rng.randint(0, 10)
            paid_on = min(start + dt.timedelta(days=days), today)
        return Membership(
            company=company,
            category=category,
            start=start,
            end=end,
            fee=category.annual_fee,
            invoice_reference=f"F-{start.year}-{self.invoices[start.year]:04d}",
            paid_on=paid_on,
        )
