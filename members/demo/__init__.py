"""Fictitious member companies for a demo or a load test, made by ``manage.py seed_demo``.

Every name is made of invented words ("Polymères Imaginaires de la Beauce inc."), every
description says the company is fictitious, websites and emails use the reserved
``.example`` domain, phone numbers the 555-01xx range kept for fiction, and NEQs start
with 110 so they stand out. The companies are spread over Québec's regions, sectors and
membership statuses roughly like the real industry, so the directory, its filters, the
search and the renewal reminders have something realistic to work on.

The words, texts and tables are the YAML files of this package (read by ``data.py``);
the modules are the generator. Everything comes from ``random.Random(seed)`` (Faker,
for people's names and streets, is seeded from it) and the reference lists in the
database (``seed_reference``), so the same seed gives the same companies. Rows are
written with ``bulk_create`` in batches, which skips ``save()`` and the signals: slugs
and the search copies (``Company.index_text``) are filled here, and the directory's
cache is forgotten at the end. Only logos go through ``save()``, for the re-encoding and
the renditions.
"""

from members.demo.builder import build_demo, create_demo_companies
from members.demo.committees import create_demo_committees
from members.demo.companies import demo_companies
from members.demo.logins import STAFF_EMAIL, create_demo_logins, create_demo_staff

__all__ = [
    "STAFF_EMAIL",
    "build_demo",
    "create_demo_committees",
    "create_demo_companies",
    "create_demo_logins",
    "create_demo_staff",
    "demo_companies",
]
