import pytest
from django.core.cache import cache
from django.core.signals import request_finished
from django.utils import translation

from tests.client import Client
from tests.factories import StaffFactory, log_in


@pytest.fixture
def client():
    """A browser whose requests commit (tests/client.py)."""
    return Client()


@pytest.fixture(autouse=True)
def _emails_through_the_outbox(settings):
    """pytest-django sends every email straight to ``mail.outbox``; the portal's go through
    the outbox and its worker, as in production (alliance/settings/test.py)."""
    settings.EMAIL_BACKEND = "alliance.outbox.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test uploads into its own folder, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache remembers which renditions exist (and, later, rate limits): start empty."""
    cache.clear()


@pytest.fixture(autouse=True)
def _french_by_default():
    """Tests start in French, and go back to French after each request.

    The test client runs requests in the test's own thread, where the locale middleware
    leaves the language of the last URL active; a factory called after a request to
    /en/… would otherwise run in English.
    """

    def back_to_french(**kwargs):
        translation.activate("fr")

    request_finished.connect(back_to_french, dispatch_uid="tests-back-to-french")
    with translation.override("fr"):
        yield
    request_finished.disconnect(dispatch_uid="tests-back-to-french")


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def staff_client(client, staff):
    """Staff logged in past their second factor."""
    return log_in(client, staff)


@pytest.fixture
def mail_server_down(settings):
    """Every email fails as an unreachable SMTP server would make it fail."""
    settings.EMAIL_DELIVERY_BACKEND = "tests.mail.FailingEmailBackend"
