"""Who may read what is reserved for members, and who acts as staff. Every view, feed,
page and queryset asks here."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

if TYPE_CHECKING:
    from members.models import User

SECOND_FACTOR_PASSED = "_second_factor_passed"


def session_passed_second_factor(request: HttpRequest) -> bool:
    """Whether the login of this request's session went through a second factor
    (allauth records each step of a login, and each reauthentication, in the session)."""
    from allauth.account.authentication import get_authentication_records

    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def mark_second_factor(request: HttpRequest) -> None:
    """Remember on the request's user whether their session passed a second factor, for
    ``acts_as_staff`` (querysets and templates see the user, not the request). Called
    once per request by members.middleware.StaffSecondFactorMiddleware."""
    user = request.user
    if user.is_authenticated and user.is_staff:
        setattr(user, SECOND_FACTOR_PASSED, session_passed_second_factor(request))


def acts_as_staff(user: "User | AnonymousUser") -> bool:
    """Whether ``user`` uses staff privileges in this request: the admin, and reading
    everything (``reads_everything``). A staff account counts only in a session that
    passed its second factor; with the password alone it is a visitor, or a member if it
    is one. A user not marked by a request (a script, an email) is not acting as staff."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and getattr(user, SECOND_FACTOR_PASSED, False)
    )


def reads_everything(user: "User | AnonymousUser") -> bool:
    """Whether ``user`` may read everything the portal holds, whatever its visibility:
    drafts and scheduled articles, members-only bodies and contacts, companies out of
    the directory, every committee's documents and meetings. Staff acting as staff; every
    view and queryset that lets staff see more asks here, not ``acts_as_staff``."""
    return acts_as_staff(user)


def is_member_in_good_standing(user: "User | AnonymousUser") -> bool:
    """Whether ``user`` is a person of a member company in good standing (active or in
    grace, shown in the directory or not). Asked once per request: the answer is kept on
    the user object."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_is_member_in_good_standing"):
        from members.models import Company

        user._is_member_in_good_standing = (
            Company.objects.in_good_standing().filter(people__user=user).exists()
        )
    return user._is_member_in_good_standing


def can_read_members_content(user: "User | AnonymousUser") -> bool:
    """Staff, and the people of member companies in good standing (not lapsed ones)."""
    return reads_everything(user) or is_member_in_good_standing(user)
