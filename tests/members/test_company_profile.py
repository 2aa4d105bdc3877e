"""A company's profile as its administrators edit it in the member area, what the
directory then shows, and what staff see of the change (members.services.companies)."""

import pytest
from reversion.models import Version

from tests.client import Client
from tests.factories import as_, image_upload, profile_data

pytestmark = pytest.mark.django_db
AREA = "/fr/espace-membre/"


def test_an_administrator_edits_the_profile_and_it_shows_in_the_directory(world):
    client = as_(world["admin"])
    company = world["company"]
    response = client.post(
        f"{AREA}entreprises/{company.slug}/",
        profile_data(
            description_en="New English description.",
            neq="2299999999",
            legal_name="Volée inc.",
            staff_notes="effacée",
            logo=image_upload(),
        ),
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.description_en == "New English description."
    # Not in the form: unchanged whatever was posted.
    assert (company.neq, company.staff_notes) != ("2299999999", "effacée")
    assert company.legal_name != "Volée inc."
    assert company.logo and company.postal_code == "G6V 6Z3"
    assert company.member_edited_at is not None
    english = Client().get(f"/en/members/{company.slug}/").content.decode()
    assert "New English description." in english
    version = Version.objects.get_for_object(company).first()
    assert version.revision.user == world["admin"]
    assert "espace membre" in version.revision.get_comment()


@pytest.mark.parametrize(
    ("field", "limit"),
    [("description_fr", 10_000), ("description_en", 10_000), ("products_fr", 5000)],
)
def test_a_profile_text_over_its_limit_is_refused(world, field, limit):
    client = as_(world["admin"])
    company = world["company"]
    response = client.post(
        f"{AREA}entreprises/{company.slug}/", profile_data(**{field: "a" * (limit + 1)})
    )
    assert response.status_code == 400
    assert f"au plus {limit} caractères" in response.content.decode()
    company.refresh_from_db()
    assert getattr(company, field) != "a" * (limit + 1)
    assert company.member_edited_at is None


def test_a_line_break_in_the_profile_is_refused(world):
    client = as_(world["admin"])
    company = world["company"]
    response = client.post(
        f"{AREA}entreprises/{company.slug}/", profile_data(city="Lévis\r\nBcc: x@spam.example")
    )
    assert response.status_code == 400
    assert "sur une seule ligne" in response.content.decode()
    company.refresh_from_db()
    assert company.city == "Lévis"


def test_a_bad_logo_is_explained_and_the_current_one_kept(world, tmp_path):
    client = as_(world["admin"])
    company = world["company"]
    client.post(f"{AREA}entreprises/{company.slug}/", profile_data(logo=image_upload()))
    company.refresh_from_db()
    current = company.logo.name
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"<?php echo 'not an image'; ?>")
    with fake.open("rb") as upload:
        response = client.post(
            f"{AREA}entreprises/{company.slug}/", profile_data(logo=upload, city="Ailleurs")
        )
    assert response.status_code == 400
    assert "image" in response.content.decode().lower()
    company.refresh_from_db()
    assert company.logo.name == current and company.city == "Lévis"


def test_staff_see_which_companies_changed_since_they_last_looked(world, client):
    staff_client = as_(world["staff"])
    as_(world["admin"]).post(
        f"{AREA}entreprises/{world['company'].slug}/", profile_data(city="Saint-Henri")
    )
    changed = staff_client.get("/admin/members/company/?changed=new&status=all")
    assert "Moules Bellechasse" in changed.content.decode()
    page = staff_client.get(f"/admin/members/company/{world['company'].pk}/change/")
    assert "a modifié son profil" in page.content.decode()
    after = staff_client.get("/admin/members/company/?changed=new&status=all")
    assert after.status_code == 200 and after.context["cl"].result_count == 0
    assert "Moules Bellechasse" not in after.content.decode()
    everyone = staff_client.get("/admin/members/company/?status=all")
    assert "Moules Bellechasse" in everyone.content.decode()  # still there, seen
