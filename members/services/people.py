"""A company's people: their role, their removal, and the rule that a company always
keeps an administrator."""

from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Person, User


class LastAdministratorError(Exception):
    """The change would leave a company without an administrator."""


def _keep_an_administrator(person: Person) -> None:
    """Refuse to demote or remove ``person`` if they are the company's last administrator
    who can log in. Locks the company's administrators, so that two of them demoting each
    other at the same time cannot both pass."""
    admins = list(
        Person.objects.select_for_update()
        .filter(company_id=person.company_id, role=Person.Role.ADMIN, user__isnull=False)
        .values_list("pk", flat=True)
    )
    if person.pk in admins and len(admins) == 1:
        raise LastAdministratorError(
            _("A company always keeps at least one administrator: name another one first.")
        )


def person_link_account(*, person: Person, user: User) -> None:
    """Make ``user`` the account of ``person`` (saved by the caller). The name and
    language are the account's from then on; an account without a name takes the row's."""
    if person.user_id is None and not user.get_full_name():
        user.first_name, user.last_name = person.first_name, person.last_name
        user.save(update_fields=["first_name", "last_name"])
    person.user = user


def person_set_role(*, person: Person, role: str) -> None:
    with transaction.atomic():
        if role != Person.Role.ADMIN:
            _keep_an_administrator(person)
        Person.objects.filter(pk=person.pk).update(role=role)


def person_remove(*, person: Person) -> None:
    """Take ``person`` off the company's people (their account, if any, stays)."""
    with transaction.atomic():
        _keep_an_administrator(person)
        Person.objects.filter(pk=person.pk).delete()
