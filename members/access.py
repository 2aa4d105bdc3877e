"""Who may read what is reserved for members. Every view, feed and page asks here."""

from django.contrib.auth.models import AnonymousUser

from members.models import User


def can_read_members_content(user: User | AnonymousUser) -> bool:
    # Staff read everything. People of member companies join this rule when company
    # accounts exist (member accounts issue); until then nobody else has an account.
    return bool(user.is_authenticated and user.is_active and user.is_staff)
