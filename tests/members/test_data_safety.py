"""No data lost by a click: companies are archived rather than deleted, deletions that would
take records with them are refused, and committees keep a history."""

import pytest
from django.test import Client
from django.utils import timezone

from members.models import Invitation, Membership
from tests.factories import ArticleFactory, CompanyFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/members/company/"
SECRET = "Prix de la résine au prochain trimestre"


def member_of(company) -> Client:
    user = UserFactory()
    RepresentativeFactory(company=company, user=user, email=user.email)
    client = Client()
    client.force_login(user)
    return client


def listed(response) -> list[str]:
    return [company.name for company in response.context["cl"].result_list]


def test_archiving_takes_a_company_out_of_sight_and_restoring_brings_it_back(staff_client):
    client = Client()  # a visitor (``staff_client`` is the ``client`` fixture, logged in)
    company = CompanyFactory(name="Moules Archivés inc.")
    member = member_of(company)
    article = ArticleFactory(body_fr=f"<p>{SECRET}</p>", members_only=True)
    invitation = Invitation.objects.create(
        company=company,
        email="nouveau@exemple.qc.ca",
        token_hash="x" * 64,
        expires_at=timezone.now() + Invitation.VALID_FOR,
    )
    assert SECRET in member.get(article.get_absolute_url()).content.decode()

    response = staff_client.post(
        CHANGELIST, {"action": "archive", "_selected_action": [company.pk]}, follow=True
    )

    assert "1 entreprise archivée" in response.content.decode()
    assert client.get(company.get_absolute_url()).status_code == 404
    assert "Moules Archivés" not in client.get("/fr/membres/").content.decode()
    assert "Moules Archivés" not in client.get("/fr/membres/?q=archives").content.decode()
    assert company.slug not in client.get("/sitemap.xml").content.decode()
    assert SECRET not in member.get(article.get_absolute_url()).content.decode()
    assert "Moules Archivés" not in member.get("/fr/espace-membre/").content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    # Staff see it only when they ask for the archive; its records are all there.
    assert "Moules Archivés inc." not in listed(staff_client.get(CHANGELIST, {"status": "all"}))
    assert listed(staff_client.get(CHANGELIST, {"archived": "yes", "status": "all"})) == [
        "Moules Archivés inc."
    ]
    assert Membership.objects.filter(company=company).count() == 1
    assert company.representatives.count() == 1

    response = staff_client.post(
        f"{CHANGELIST}?archived=yes&status=all",
        {"action": "restore", "_selected_action": [company.pk]},
        follow=True,
    )

    assert "1 entreprise restaurée" in response.content.decode()
    assert client.get(company.get_absolute_url()).status_code == 200
    assert "Moules Archivés" in client.get("/fr/membres/").content.decode()
    assert SECRET in member.get(article.get_absolute_url()).content.decode()


def test_an_archived_company_page_tells_staff_it_is_archived(staff_client):
    company = CompanyFactory(archived_at=timezone.now())

    page = staff_client.get(company.get_absolute_url()).content.decode()
    change = staff_client.get(f"{CHANGELIST}{company.pk}/change/").content.decode()

    assert "Cette entreprise est archivée" in page
    assert "Cette entreprise est archivée depuis" in change
