"""What the portal answers to requests an attacker would make: a forged Host header, a
method a page does not take, and the headers that tell browsers what a page may load."""

import json
import logging.config

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.utils.log import configure_logging

from tests.alliance.test_settings import PROD_ENV, _process


@pytest.fixture
def production_logging(settings):
    """Logging wired as production wires it (Django's defaults, then prod's LOGGING), with
    an administrator to email, for the duration of the test."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.LOGGING))"
    )
    env = {**PROD_ENV, "SITE_URL": "https://portail.example.org"}
    result = _process(["-c", code], "alliance.settings.prod", env)
    assert result.returncode == 0, result.stderr
    settings.ADMINS = [("Admin", "admin@example.org")]
    configure_logging("logging.config.dictConfig", json.loads(result.stdout))
    yield
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


@pytest.mark.django_db
def test_production_logging_still_emails_the_admins_on_a_server_error(production_logging):
    logging.getLogger("django.request").error("Internal Server Error: /fr/")

    assert len(mail.outbox) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"), [("/fr/", "Requête invalide"), ("/en/", "Invalid request")]
)
def test_unknown_host_gets_the_translated_400_page_and_no_admin_email(
    client, production_logging, path, text
):
    response = client.get(path, HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert text in response.content.decode()
    assert "evil.example" not in response.content.decode()
    assert mail.outbox == []
