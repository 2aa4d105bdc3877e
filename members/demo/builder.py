"""The members' part of ``manage.py seed_demo``: fictitious companies, member logins and
committees (see the package's docstring)."""

import random
import time
from collections import Counter

from django.db import transaction
from django.utils import timezone

from members import directory
from members.demo.committees import create_demo_committees
from members.demo.companies import DemoBuilder, demo_companies
from members.demo.invoices import create_demo_invoices
from members.demo.logins import create_demo_logins
from members.demo.logos import LOGO_LIMIT, add_logos
from members.demo.references import References
from members.models import (
    CLASSIFICATION_FIELDS,
    Application,
    Company,
    Membership,
    Person,
    User,
)

BATCH_SIZE = 2000


def build_demo(
    *, companies: int, password: str, staff: User, seed: int = 2026, stdout
) -> Person | None:
    """Add ``companies`` demo companies (the same ones for the same ``seed``), give a few
    of their people a login with ``password``, seat them on the committees with ``staff``
    as secretary. Returns the company administrator whose login seed_demo prints."""
    create_demo_companies(companies, seed=seed, stdout=stdout)
    member = create_demo_logins(password, stdout=stdout)
    create_demo_committees(staff, stdout=stdout)
    create_demo_invoices(login=member, seed=seed, stdout=stdout)
    return member


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


def _through_rows(model, owners_and_choices) -> dict:
    """The rows of each many-to-many table, for ``(owner, classifications)`` pairs."""
    rows = {}
    for field_name in CLASSIFICATION_FIELDS.values():
        field = model._meta.get_field(field_name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows[through] = [
            through(**{f"{source}_id": owner.pk, f"{target}_id": item.pk})
            for owner, choices in owners_and_choices
            for item in choices[field_name]
        ]
    return rows


def create_demo_companies(count: int, *, seed: int = 2026, logos: bool = True, stdout=None) -> int:
    """Add ``count`` fictitious companies with their classifications, membership periods
    and people, plus a few pending applications; return how many companies were made.

    Does nothing when demo companies are already there (run it again safely). Raises
    CommandError when the membership categories are missing (``seed_reference``)."""
    if count <= 0:
        return 0
    refs = References.load()
    if (existing := demo_companies().count()) > 0:
        _say(
            stdout,
            f"  kept     {existing} demo companies (already there: none added, "
            "delete them to make new ones)",
        )
        return 0
    started = time.monotonic()
    rng = random.Random(seed)
    builder = DemoBuilder(rng, refs, timezone.localdate())
    plans = builder.plans(count)
    totals = Counter()
    with transaction.atomic():
        logo_companies = []
        for offset in range(0, count, BATCH_SIZE):
            built = [builder.company(plan) for plan in plans[offset : offset + BATCH_SIZE]]
            companies = [company for company, *_rest in built]
            Company.objects.bulk_create(companies, batch_size=BATCH_SIZE)
            for through, rows in _through_rows(
                Company, [(company, choices) for company, choices, *_rest in built]
            ).items():
                through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
                totals["classifications"] += len(rows)
            periods = [period for *_rest, periods, _people in built for period in periods]
            Membership.objects.bulk_create(periods, batch_size=BATCH_SIZE)
            people = [person for *_rest, people in built for person in people]
            Person.objects.bulk_create(people, batch_size=BATCH_SIZE)
            totals["companies"] += len(companies)
            totals["periods"] += len(periods)
            totals["people"] += len(people)
            if logos:
                logo_companies += [
                    company
                    for index, company in enumerate(companies, start=offset)
                    if index < LOGO_LIMIT
                ]
            if count > BATCH_SIZE:
                _say(stdout, f"  …        {totals['companies']} / {count} demo companies")

        totals["logos"] = add_logos(logo_companies, random.Random(seed + 1))

        applications = [builder.application() for _ in range(max(1, round(count / 120)))]
        Application.objects.bulk_create([application for application, _c in applications])
        for through, rows in _through_rows(Application, applications).items():
            through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    directory.directory_changed()
    _say(
        stdout,
        f"  created  {totals['companies']} demo companies ({totals['logos']} logos, "
        f"{totals['periods']} membership periods, {totals['people']} people, "
        f"{totals['classifications']} classifications) and {len(applications)} pending "
        f"applications in {time.monotonic() - started:.1f} s",
    )
    return totals["companies"]


DEMO_LOGIN_COMPANIES = 5
