"""A company's people: their role, their removal, and the rule that a company always
keeps an administrator."""

from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Representative


class LastAdministratorError(Exception):
    """The change would leave a company without an administrator."""


def _keep_an_administrator(person: Representative) -> None:
    """Refuse to demote or remove ``person`` if they are the company's last administrator
    who can log in. Locks the company's administrators, so that two of them demoting each
    other at the same time cannot both pass."""
    admins = list(
        Representative.objects.select_for_update()
        .filter(company_id=person.company_id, role=Representative.Role.ADMIN, user__isnull=False)
        .values_list("pk", flat=True)
    )
    if person.pk in admins and len(admins) == 1:
        raise LastAdministratorError(
            _("A company always keeps at least one administrator: name another one first.")
        )


def representative_set_role(*, person: Representative, role: str) -> None:
    with transaction.atomic():
        if role != Representative.Role.ADMIN:
            _keep_an_administrator(person)
        Representative.objects.filter(pk=person.pk).update(role=role)


def representative_remove(*, person: Representative) -> None:
    """Take ``person`` off the company's people (their account, if any, stays)."""
    with transaction.atomic():
        _keep_an_administrator(person)
        Representative.objects.filter(pk=person.pk).delete()
