"""Redis out of reach (alliance/cache.py): pages and forms still answer, the rate limits
keep counting in the database, and /healthz says 503."""

import json
import time

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError, ResponseError

from members.models import Application
from tests.factories import PASSWORD, CompanyFactory, PersonFactory, UserFactory
from tests.members.test_applications import category, form_data  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
LOGIN = "/fr/compte/login/"


@pytest.fixture(autouse=True)
def redis_down(settings):
    """The cache as production configures it (alliance/settings/base.py), with nothing
    listening where Redis should be."""
    settings.CACHES = {
        "default": {
            "BACKEND": "alliance.cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "FALLBACK": "fallback",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_fallback",
        },
    }


def test_the_directory_shows_its_companies_and_counts(client):
    CompanyFactory(name="Moules Bellechasse")

    response = client.get("/fr/membres/")

    assert response.status_code == 200
    assert "Moules Bellechasse" in response.content.decode()


def test_a_member_logs_in(client):
    user = UserFactory()

    page = client.get(LOGIN)
    assert page.status_code == 200 and 'name="password"' in page.content.decode()
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_login_limit_keeps_counting(client):
    user = UserFactory()
    for _attempt in range(10):
        response = client.post(LOGIN, {"login": user.email, "password": "mauvais-mot-de-passe"})
        assert response.status_code == 200

    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_a_password_reset_is_sent(client):
    user = UserFactory()

    response = client.post("/fr/compte/password/reset/", {"email": user.email})

    assert response.status_code == 302
    assert mail.outbox[-1].to == [user.email]


def test_an_application_to_join_is_received(client, form_data):  # noqa: F811
    response = client.post("/fr/adhesion/", form_data)

    assert response.status_code == 302
    assert Application.objects.filter(company_name=form_data["company_name"]).exists()


def test_a_renewal_request_is_sent(client):
    company = CompanyFactory(name="Moules Bellechasse")
    user = UserFactory()
    PersonFactory(company=company, user=user, email=user.email, role="admin")
    client.force_login(user)

    response = client.post(
        f"/fr/espace-membre/entreprises/{company.slug}/renouvellement/", follow=True
    )

    assert response.status_code == 200
    assert "a été transmise" in response.content.decode()


def test_healthz_says_redis_is_unreachable_within_a_second(client):
    start = time.monotonic()
    response = client.get("/healthz")

    assert time.monotonic() - start < 1  # nothing listens: refused at once
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "error",
        "database": "ok",
        "cache": "unreachable",
        "emails": "ok",
        "email_queue": {"waiting": 0, "oldest_seconds": 0, "failed": 0},
    }


def test_redis_is_asked_again_a_few_seconds_after_it_failed(monkeypatch):
    asked = []

    def get_once_down(client, key, default):
        asked.append(key)
        if len(asked) == 1:
            raise ConnectionError("down")
        return "from Redis"

    monkeypatch.setattr(RedisCacheClient, "get", get_once_down)
    cache = caches["default"]
    cache.fallback.set("greeting", "from the database")

    assert cache.get("greeting") == "from the database"
    assert cache.get("greeting") == "from the database"
    assert len(asked) == 1  # one timeout per outage, not one per operation
    later = time.monotonic() + cache.RETRY_AFTER
    monkeypatch.setattr("alliance.cache.time.monotonic", lambda: later)
    assert cache.get("greeting") == "from Redis"


def test_a_redis_that_answers_with_an_error_is_fallen_back_from_too(client, monkeypatch):
    # Full (maxmemory with no eviction) or a read-only replica after a failover: Redis
    # answers, but refuses the operation. The login page still answers, and its limit counts.
    def refuse(*args, **kwargs):
        raise ResponseError("OOM command not allowed when used memory > 'maxmemory'.")

    for name in ("get", "set", "add", "incr"):
        monkeypatch.setattr(RedisCacheClient, name, refuse)
    user = UserFactory()

    page = client.get(LOGIN)
    assert page.status_code == 200 and 'name="password"' in page.content.decode()
    for _attempt in range(10):
        client.post(LOGIN, {"login": user.email, "password": "mauvais-mot-de-passe"})
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert client.get("/healthz").status_code == 503
