"""The members admin, one module per domain; importing them registers every model."""

from members.admin import (  # noqa: F401
    accounts,
    applications,
    billing,
    committees,
    companies,
    memberships,
    people,
    reference,
)
