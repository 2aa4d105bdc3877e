"""The one stylesheet every admin page loads (templates/admin/base_site.html): the badges
of the lists, the language tabs of the forms."""

import pytest

from tests.factories import ArticleFactory, CommitteeFactory, CompanyFactory, InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "changelist",
    ["/admin/members/invitation/", "/admin/members/company/", "/admin/news/article/"],
)
def test_every_admin_list_has_the_portals_badges_stylesheet(staff_client, changelist):
    """The badges' colours come from one stylesheet that every admin page loads."""
    CompanyFactory(name="Plastiques Ébène")
    InvitationFactory()
    ArticleFactory()
    response = staff_client.get(changelist)
    assert response.status_code == 200
    content = response.content.decode()
    assert "apq-badge apq-badge--" in content
    assert content.count("admin/apq-admin") == 1


def test_committee_forms_load_the_stylesheet_of_their_language_tabs(staff_client):
    committee = CommitteeFactory(name_fr="Comité Innovation")
    response = staff_client.get(f"/admin/members/committee/{committee.pk}/change/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Comité Innovation" in content
    assert "admin/apq-admin" in content
