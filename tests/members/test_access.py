"""members.access: the one place that says who reads what, and the members-only news and
people it keeps from everyone else."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from members.access import SECOND_FACTOR_PASSED, can_read_members_content, reads_everything
from tests.factories import ArticleFactory, CompanyFactory, PersonFactory, StaffFactory, UserFactory

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


# --- Members-only content -----------------------------------------------------------------


def test_people_of_member_companies_read_members_only_news_lapsed_ones_do_not(client):
    article = ArticleFactory(body_fr="<p>Prix confidentiels</p>", members_only=True)
    active = PersonFactory(user=UserFactory()).user
    lapsed_company = CompanyFactory(period=(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))
    lapsed = PersonFactory(company=lapsed_company, user=UserFactory()).user
    client.force_login(active)
    assert "Prix confidentiels" in client.get(article.get_absolute_url()).content.decode()
    client.force_login(lapsed)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200 and "Prix confidentiels" not in page.content.decode()
    assert f"<h1>{article.title_fr}</h1>" in page.content.decode()
    assert "Cet article est réservé aux membres" in page.content.decode()


def test_members_only_people_show_to_active_members_only(client):
    company = CompanyFactory()
    PersonFactory(company=company, first_name="Réservée", visibility="members")
    visitor = client.get(company.get_absolute_url()).content.decode()
    assert f"<h1>{company.name}</h1>" in visitor
    assert "Réservée" not in visitor
    client.force_login(PersonFactory(user=UserFactory()).user)
    assert "Réservée" in client.get(company.get_absolute_url()).content.decode()
