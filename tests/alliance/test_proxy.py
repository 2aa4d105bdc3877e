"""Rate limits key on the client's address, also behind the reverse proxy
(alliance/proxy.py): one visitor's attempts never lock out another, and no visitor escapes
their own limit by writing an X-Forwarded-For header."""

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/fr/compte/login/"
JOIN = "/fr/adhesion/"
ALICE, BOB = "203.0.113.5", "198.51.100.7"


def wrong_password(client, n: int, forwarded_for: str):
    # A different account each time: only the limit per address counts, not per account.
    data = {"login": f"personne{n}@exemple.qc.ca", "password": "mauvais-mot-de-passe"}
    return client.post(LOGIN, data, HTTP_X_FORWARDED_FOR=forwarded_for)


def join(client, forwarded_for: str):
    # Every submission counts, even one the form refuses.
    return client.post(JOIN, {}, HTTP_X_FORWARDED_FOR=forwarded_for)


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_direct_a_forged_forwarded_for_does_not_escape_the_login_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(10):
        assert wrong_password(client, n, forwarded_for=f"192.0.2.{n}").status_code == 200

    response = wrong_password(client, 10, forwarded_for="192.0.2.99")

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_direct_a_forged_forwarded_for_does_not_escape_the_join_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        assert join(client, forwarded_for=f"192.0.2.{n}").status_code == 400

    assert join(client, forwarded_for="192.0.2.99").status_code == 429


def test_behind_a_proxy_each_visitor_has_their_own_login_limit(client, behind_one_proxy):
    bob = UserFactory(email="bob@exemple.qc.ca")
    for n in range(10):
        assert wrong_password(client, n, forwarded_for=ALICE).status_code == 200

    assert wrong_password(client, 10, forwarded_for=ALICE).status_code == 429
    # What the client wrote before the address our proxy appended changes nothing.
    assert wrong_password(client, 11, forwarded_for=f"{BOB}, {ALICE}").status_code == 429
    assert wrong_password(client, 12, forwarded_for=BOB).status_code == 200
    logged_in = client.post(
        LOGIN,
        {"login": "bob@exemple.qc.ca", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR=BOB,
    )
    assert logged_in.status_code == 302
    assert client.session["_auth_user_id"] == str(bob.pk)


def test_behind_a_proxy_each_applicant_has_their_own_join_limit(client, behind_one_proxy):
    for _n in range(5):
        assert join(client, forwarded_for=ALICE).status_code == 400

    limited = join(client, forwarded_for=ALICE)
    assert limited.status_code == 429 and "Trop de tentatives" in limited.content.decode()
    assert join(client, forwarded_for=f"{BOB}, {ALICE}").status_code == 429
    bobs_form = join(client, forwarded_for=BOB)
    assert bobs_form.status_code == 400  # the form, with what is missing
    assert "<h1>Demander l’adhésion</h1>" in bobs_form.content.decode()
    assert join(client, forwarded_for=f"{ALICE}, {BOB}").status_code == 400
