"""Real worker processes for the tests that run one against the test's PostgreSQL
database (the worker is another process: SQLite's in-memory test database is not shared)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
DATABASE_BACKEND = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}
RQ_QUEUE = "redis://127.0.0.1:6379/15"

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a worker process shares the database with the test"
)


def run_worker(*args: str, **env: str) -> subprocess.CompletedProcess:
    """``manage.py <args>`` on the test's database, emails printed to its output."""
    database = connection.settings_dict
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="alliance.settings.dev",
        DATABASE_URL=(
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
            f"/{database['NAME']}"
        ),
        EMAIL_URL="consolemail://",
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
