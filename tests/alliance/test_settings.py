"""The database settings as production and `make demo` use them, in their own processes."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update({"DJANGO_SETTINGS_MODULE": "alliance.settings.dev", **env})
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


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

    assert out[0] == "{'min_size': 2, 'max_size': 10}"
    if on_postgres:
        assert out[1] == "ConnectionPool"
