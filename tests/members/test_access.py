"""members.access: the one place that says who reads what."""

import pytest
from django.contrib.auth.models import AnonymousUser

from members.access import SECOND_FACTOR_PASSED, can_read_members_content, reads_everything
from tests.factories import PersonFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def past_second_factor(user):
    """As members.middleware marks a request's user whose session passed its factor."""
    setattr(user, SECOND_FACTOR_PASSED, True)
    return user


def test_only_staff_past_their_second_factor_read_everything():
    member = UserFactory()
    PersonFactory(user=member, email=member.email)
    inactive = StaffFactory(is_active=False)
    assert not reads_everything(AnonymousUser())
    assert not reads_everything(past_second_factor(member))
    assert not reads_everything(StaffFactory())  # the password alone
    assert not reads_everything(past_second_factor(inactive))
    assert reads_everything(past_second_factor(StaffFactory()))
    # Members read members' content without reading everything.
    assert can_read_members_content(member) and not reads_everything(member)
