"""Who may read what is reserved for members. Every view, feed and page asks here."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser

if TYPE_CHECKING:
    from members.models import User


def can_read_members_content(user: "User | AnonymousUser") -> bool:
    # Staff read everything. People of member companies join this rule when company
    # accounts exist (member accounts issue); until then nobody else has an account.
    return bool(user.is_authenticated and user.is_active and user.is_staff)
