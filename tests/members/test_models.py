import pytest

from members.models import User

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_unique_whatever_its_case(staff_client):
    User.objects.create_user("Camille.Roy@Exemple.qc.ca", "Mot-de-passe-solide-1")

    response = staff_client.post(
        "/admin/members/user/add/",
        {
            "email": "camille.roy@exemple.QC.CA",
            "password1": "Un-autre-mot-de-passe-2",
            "password2": "Un-autre-mot-de-passe-2",
            "usable_password": "true",
        },
    )

    assert response.status_code == 200
    assert "Un compte existe déjà avec cette adresse courriel." in response.content.decode()
    assert User.objects.count() == 2  # the staff member and Camille
    assert User.objects.filter(email="camille.roy@exemple.qc.ca").exists()
