"""Who may read what is reserved for members. Every view, feed and page asks here."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser

if TYPE_CHECKING:
    from members.models import User


def is_active_member(user: "User | AnonymousUser") -> bool:
    """Whether ``user`` is a person of a company whose membership is active or in grace.
    Asked once per request: the answer is kept on the user object."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_is_active_member"):
        from members.models import Company

        user._is_active_member = (
            Company.objects.in_directory().filter(representatives__user=user).exists()
        )
    return user._is_active_member


def can_read_members_content(user: "User | AnonymousUser") -> bool:
    """Staff, and the people of member companies in good standing (not lapsed ones)."""
    return bool(user.is_authenticated and user.is_active and user.is_staff) or is_active_member(
        user
    )
