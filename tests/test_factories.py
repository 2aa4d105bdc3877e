"""Every model has a factory, and what each factory makes is valid as the admin would
check it."""

import pytest
from django.apps import apps

from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = [getattr(factories, name) for name in factories.__all__ if name.endswith("Factory")]


def test_every_model_of_the_portal_has_a_factory():
    models = {
        model
        for app in ("alliance", "members", "news")
        for model in apps.get_app_config(app).get_models()
    }
    assert models - {factory._meta.model for factory in FACTORIES} == set()


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda factory: factory.__name__)
def test_a_factory_makes_a_valid_object(factory):
    obj = factory()
    obj.full_clean()
    assert type(obj)._default_manager.filter(pk=obj.pk).exists()


def test_an_invitations_token_opens_its_page(client):
    invitation = factories.InvitationFactory(email="alex@exemple.qc.ca")

    response = client.get(f"/fr/invitation/{invitation.token}/")

    assert response.status_code == 200
    assert "alex@exemple.qc.ca" in response.content.decode()


def test_a_documents_file_downloads_for_staff(staff_client):
    document = factories.DocumentFactory(meeting=factories.MeetingFactory(held=True))

    response = staff_client.get(document.get_absolute_url())

    assert document.committee == document.meeting.committee
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == factories.PDF
