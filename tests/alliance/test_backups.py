"""A backup holds the database and both media folders, and restores into an empty database
(a new one on PostgreSQL, a new file on SQLite) with every file."""

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import (
    ArticleFactory,
    CommitteeFactory,
    CompanyFactory,
    DocumentFactory,
    image_upload,
)

# Committed for real: pg_dump reads the database from another connection.
pytestmark = pytest.mark.django_db(transaction=True)

# Run in the restored portal: what it holds, with a fingerprint of each file.
INVENTORY = """
import hashlib, json
from members.models import Company, Document
from news.models import Article

def digest(field):
    if not field or not field.storage.exists(field.name):
        return None
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()

print(json.dumps({
    "companies": sorted(Company.objects.values_list("name", flat=True)),
    "articles": [[a.title_fr, a.cover.name, digest(a.cover)] for a in Article.objects.all()],
    "documents": [[d.title_fr, d.file.name, digest(d.file)] for d in Document.objects.all()],
}))
"""


def sha256(field) -> str:
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@contextlib.contextmanager
def empty_database(tmp_path: Path):
    """The address of a new, empty database of the kind the suite runs on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"{db['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
        yield f"postgres://{quote(db['USER'])}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, env: dict) -> str:
    """Run ``manage.py`` as an operator would, in a portal configured by ``env``."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_backup_restores_into_an_empty_database_with_every_file(tmp_path):
    CompanyFactory(name="Plastiques Sauvegardées inc.")
    CompanyFactory(name="Moules Conservés", period=False)
    article = ArticleFactory(
        title_fr="Nouvelle sauvegardée", cover=image_upload(), cover_alt_fr="Une usine"
    )
    committee = CommitteeFactory(
        name_fr="Comité sauvegardé", slug="comite-sauvegarde", axis="sales", mandate_fr="Mandat."
    )
    document = DocumentFactory(
        committee=committee,
        title_fr="Procès-verbal sauvegardé",
        file__filename="pv.pdf",
        file__data=b"%PDF-1.4 le proces-verbal",
    )
    archive = tmp_path / "sauvegarde.tar.gz"

    call_command("backup", output=archive, stdout=io.StringIO())

    media, private = tmp_path / "restored-media", tmp_path / "restored-private-media"
    with empty_database(tmp_path) as url:
        env = {
            **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "alliance.settings.dev",
            "DATABASE_URL": url,
            "DJANGO_MEDIA_ROOT": str(media),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(private),
        }
        manage("restore", str(archive), env=env)
        restored = json.loads(manage("shell", "--no-imports", "-c", INVENTORY, env=env))

    assert restored == {
        "companies": ["Moules Conservés", "Plastiques Sauvegardées inc."],
        "articles": [["Nouvelle sauvegardée", article.cover.name, sha256(article.cover)]],
        "documents": [["Procès-verbal sauvegardé", document.file.name, sha256(document.file)]],
    }
    assert (private / document.file.name).is_file() and not (media / document.file.name).exists()


def test_a_restore_refuses_a_database_that_is_not_empty(tmp_path):
    CompanyFactory()
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())


def crafted_archive(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


@pytest.mark.parametrize(
    "members",
    [
        {},  # no manifest: not one of our backups
        {
            "manifest.json": json.dumps({"format": 1, "database": connection.vendor}).encode(),
            "../escaped.txt": b"outside the folder it is restored into",
        },
    ],
    ids=["no-manifest", "path-traversal"],
)
def test_a_restore_refuses_an_archive_that_is_not_a_backup_without_a_traceback(
    tmp_path, settings, members
):
    settings.MEDIA_ROOT = tmp_path / "work" / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "work" / "private-media"
    (tmp_path / "work").mkdir()
    archive = crafted_archive(tmp_path / "work" / "crafted.tar.gz", members)
    # As if the database were a new, empty one.
    with (
        pytest.raises(CommandError, match="not a backup"),
        mock.patch.object(connection.introspection, "table_names", return_value=[]),
    ):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert not list(tmp_path.rglob("escaped.txt"))


def test_a_restore_refuses_a_python_whose_tarfile_cannot_filter(tmp_path, monkeypatch):
    archive = crafted_archive(tmp_path / "sauvegarde.tar.gz", {"manifest.json": b"{}"})
    monkeypatch.delattr(tarfile, "data_filter")
    with (
        pytest.raises(CommandError, match=r"Python 3\.11\.4"),
        mock.patch.object(connection.introspection, "table_names", return_value=[]),
    ):
        call_command("restore", str(archive), stdout=io.StringIO())


def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    """It holds the password hashes and the committees' reserved documents."""
    archive = tmp_path / "sauvegarde.tar.gz"
    old = os.umask(0o022)
    try:
        call_command("backup", output=archive, stdout=io.StringIO())
    finally:
        os.umask(old)
    assert archive.stat().st_mode & 0o777 == 0o600


def test_a_restore_that_fails_leaves_the_folders_empty_to_run_again(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    manifest = json.dumps({"format": 1, "database": connection.vendor}).encode()
    archive = crafted_archive(
        tmp_path / "abimee.tar.gz",
        {
            "manifest.json": manifest,
            f"database.{'sqlite3' if connection.vendor == 'sqlite' else 'pgdump'}": b"abime",
            "media/members/logos/logo.png": b"png",
            "private-media/committees/pv.pdf": b"%PDF",
        },
    )
    with (
        pytest.raises(CommandError),
        mock.patch.object(connection.introspection, "table_names", return_value=[]),
    ):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert not list(tmp_path.glob("*media/**/*.*"))
