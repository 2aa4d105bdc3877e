import pytest
from django.utils import translation

from tests.factories import StaffFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test uploads into its own folder, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _french_by_default():
    with translation.override("fr"):
        yield


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
