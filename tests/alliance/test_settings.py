"""Settings as production and `make demo` read them from the environment, each checked in a
process of its own."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


PROD_ENV = {
    "DJANGO_SECRET_KEY": "x" * 64,
    "DJANGO_ALLOWED_HOSTS": "portail.example.org",
    "DATABASE_URL": "postgres://alliance@127.0.0.1:5432/alliance",
    "EMAIL_URL": "smtp+tls://portail:secret@smtp.example.org:587",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SITE_URL": "https://portail.example.org",
}


def _process(args: list[str], settings: str, env: dict) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in PROD_ENV
    }
    environment.update({"DJANGO_SETTINGS_MODULE": settings, **env})
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        # A hang, not a slow machine: collectstatic compresses every file on a shared core.
        timeout=300,
    )


def _run(code: str, **env: str) -> str:
    result = _process(
        ["-c", f"import django; django.setup(); {code}"], "alliance.settings.dev", env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_redis_is_the_cache_when_redis_url_is_set():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"

    assert _run(code) == "django.core.cache.backends.locmem.LocMemCache"
    assert _run(code, REDIS_URL="redis://127.0.0.1:6379/3") == "alliance.cache.FailSoftRedisCache"


def test_redis_gives_up_within_half_a_second_for_a_table_in_the_database():
    code = (
        "from django.conf import settings; c = settings.CACHES;"
        "print(c['default']['OPTIONS'], c[c['default']['FALLBACK']]['BACKEND'])"
    )

    out = _run(code, REDIS_URL="redis://127.0.0.1:6379/3")

    assert out == (
        "{'socket_connect_timeout': 0.5, 'socket_timeout': 0.5} "
        "django.core.cache.backends.db.DatabaseCache"
    )


@pytest.mark.parametrize("missing", sorted(PROD_ENV))
def test_production_settings_refuse_to_start_without_what_they_need(missing):
    env = {k: v for k, v in PROD_ENV.items() if k != missing}

    result = _process(["manage.py", "check"], "alliance.settings.prod", env)

    assert result.returncode != 0
    assert f"{missing} is missing" in result.stderr


def test_production_refuses_an_email_provider_whose_webhooks_anyone_could_call():
    env = {**PROD_ENV, "EMAIL_PROVIDER": "postmark", "ANYMAIL_POSTMARK_SERVER_TOKEN": "x"}
    refused = _process(["manage.py", "check"], "alliance.settings.prod", env)
    assert refused.returncode != 0 and "ANYMAIL_WEBHOOK_SECRET is missing" in refused.stderr

    env["ANYMAIL_WEBHOOK_SECRET"] = "hook:a-long-random-secret"
    code = "from django.conf import settings; print(settings.EMAIL_DELIVERY_BACKEND)"
    accepted = _process(
        ["-c", f"import django; django.setup(); {code}"], "alliance.settings.prod", env
    )
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.strip() == "anymail.backends.postmark.EmailBackend"


def test_production_refuses_sqlite():
    env = {**PROD_ENV, "DATABASE_URL": "sqlite:///prod.sqlite3"}

    result = _process(["manage.py", "check"], "alliance.settings.prod", env)

    assert result.returncode != 0
    assert "not PostgreSQL" in result.stderr


@pytest.mark.parametrize(
    "site_url",
    [
        "http://portail.example.org",  # links in emails must not go out over plain http
        "https://127.0.0.1:8000",  # not the public address
        "portail.example.org",
        # Paths are appended to it: these would give /fr/fr/… and ?ref=courriel/fr/…
        "https://portail.example.org/fr",
        "https://portail.example.org?ref=courriel",
    ],
)
def test_production_refuses_a_site_address_that_is_not_its_public_https_one(site_url):
    env = {**PROD_ENV, "SITE_URL": site_url}

    result = _process(["manage.py", "check"], "alliance.settings.prod", env)

    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_production_trusts_one_reverse_proxy_unless_told_otherwise():
    code = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    for env, expected in [({}, "1"), ({"DJANGO_TRUSTED_PROXY_COUNT": "2"}, "2")]:
        result = _process(
            ["-c", f"import django; django.setup(); {code}"],
            "alliance.settings.prod",
            {**PROD_ENV, **env},
        )
        assert result.stdout.strip() == expected, result.stderr
    assert _run(code) == "0"  # development: no proxy, the header is ignored


def test_production_refuses_committee_documents_inside_the_public_media_folder(tmp_path):
    env = {
        **PROD_ENV,
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "media" / "private"),
    }

    result = _process(["manage.py", "check"], "alliance.settings.prod", env)

    assert result.returncode != 0
    assert "must not be inside DJANGO_MEDIA_ROOT" in result.stderr


def test_production_settings_start_with_what_they_need():
    result = _process(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        "alliance.settings.prod",
        {**PROD_ENV, "DJANGO_SECRET_KEY": secrets.token_urlsafe(64)},
    )

    assert result.returncode == 0, result.stderr


def test_sqlite_file_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    out = _run(
        "from django.db import connection; c = connection.cursor();"
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], connection.transaction_mode)",
        DATABASE_URL=f"sqlite:///{tmp_path / 'portail.sqlite3'}",
    )

    assert out == "wal IMMEDIATE"


def test_postgres_url_uses_psycopg3_with_a_connection_pool(db):
    code = "from django.db import connection; print(connection.settings_dict['OPTIONS']['pool'])"
    url = "postgres://portail@db.example.org:5432/alliance"
    on_postgres = connection.vendor == "postgresql"
    if on_postgres:
        # When the suite runs on PostgreSQL, a pooled query on the real server must work.
        db = connection.settings_dict
        url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        code += "; connection.cursor().execute('SELECT 1'); print(type(connection.pool).__name__)"

    out = _run(code, DATABASE_URL=url).splitlines()

    assert out[0] == "{'min_size': 2, 'max_size': 10, 'timeout': 2.0}"
    if on_postgres:
        assert out[1] == "ConnectionPool"


def test_postgres_gives_up_on_an_unreachable_server_within_seconds():
    code = (
        "from django.db import connection; o = connection.settings_dict['OPTIONS'];"
        "print(o['pool']['timeout'], o['connect_timeout'])"
    )

    out = _run(code, DATABASE_URL="postgres://portail@db.example.org:5432/alliance")

    assert out == "2.0 2"


def test_a_mail_server_that_never_answers_is_given_up_on_within_seconds():
    code = "from django.conf import settings; print(settings.EMAIL_TIMEOUT)"

    assert _run(code, EMAIL_URL="smtp+tls://portail:secret@smtp.example.org:587") == "10"
    assert _run(code, EMAIL_TIMEOUT="5") == "5"


def test_postgres_out_of_reach_answers_503_in_seconds_and_healthz_in_one():
    """Nothing listens on port 1: the pool keeps failing to connect, and a request used to
    wait out psycopg_pool's 30 seconds before its 500."""
    code = """
import time
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings

client = Client(raise_request_exception=False, HTTP_HOST="localhost")
storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(STORAGES={"default": storage, "staticfiles": storage}):
    for url in ["/fr/", "/healthz"]:  # the first request also loads the URLs and views
        start = time.monotonic()
        response = client.get(url)
        print(url, response.status_code, response.get("Retry-After"), time.monotonic() - start)
"""
    result = _process(
        ["-c", code],
        "alliance.settings.dev",
        {"DJANGO_DEBUG": "False", "DATABASE_URL": "postgres://portail@127.0.0.1:1/alliance"},
    )

    assert result.returncode == 0, result.stderr
    page, healthz = (line.split() for line in result.stdout.splitlines())
    assert healthz[1] == "503" and float(healthz[3]) < 1.5
    # Generous: what matters is seconds, not the pool's 30.
    assert page[1:3] == ["503", "30"] and float(page[3]) < 10


def test_production_does_not_email_the_admins_for_each_request_of_an_outage():
    code = (
        "import logging, django; django.setup();"
        "handler, = [h for h in logging.getLogger('django').handlers"
        " if type(h).__name__ == 'AdminEmailHandler'];"
        "print([bool(handler.filter(logging.makeLogRecord({'status_code': s})))"
        " for s in (500, 503)])"
    )

    result = _process(["-c", code], "alliance.settings.prod", PROD_ENV)

    assert result.stdout.strip() == "[True, False]", result.stderr


def test_collectstatic_makes_hashed_and_compressed_files_for_whitenoise(tmp_path):
    env = {**PROD_ENV, "DJANGO_STATIC_ROOT": str(tmp_path)}

    result = _process(
        ["manage.py", "collectstatic", "--noinput", "-v0"], "alliance.settings.prod", env
    )

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["css/site.css"]
    assert hashed_css != "css/site.css"
    assert (tmp_path / f"{hashed_css}.gz").exists() and (tmp_path / f"{hashed_css}.br").exists()
    # The admin's language tabs and the editor come from our own static files.
    assert "vendor/jquery-ui/jquery-ui.min.js" in manifest
    assert any(path.startswith("django_prose_editor/") for path in manifest)
