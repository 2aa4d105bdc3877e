"""One archive holds everything needed to bring the portal back: the database and both
media folders (the public one, MEDIA_ROOT, and the committees' documents,
PRIVATE_MEDIA_ROOT). It is restored into an empty database and empty folders only, so a
restore can never mix a backup with what is there.

The database is dumped with the database's own tool: ``pg_dump``'s custom format on
PostgreSQL (restored by ``pg_restore``), SQLite's online backup API on SQLite, which,
unlike copying the file, is consistent while the site writes (WAL included).
django-dbbackup was considered: its media backup covers one storage, and its SQLite
connectors are a text dump or a file copy.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def media_folders() -> dict[str, Path]:
    """Each media folder, under the name it has in the archive."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private-media": Path(settings.PRIVATE_MEDIA_ROOT),
    }


def backup_create(*, destination: Path, using: str = "default") -> Path:
    """Write the database and both media folders to ``destination`` (a .tar.gz). The
    file appears only once complete."""
    connection = connections[using]
    vendor = _vendor(connection)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMPS[vendor]
        _dump(connection, vendor, dump)
        manifest = {
            "format": FORMAT,
            "database": vendor,
            "created_at": timezone.now().isoformat(),
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        # Readable by its owner only: it holds password hashes and reserved documents.
        partial.unlink(missing_ok=True)  # left by a backup that was interrupted
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=dump.name)
            for name, folder in media_folders().items():
                if folder.is_dir():
                    archive.add(folder, arcname=name)
    partial.replace(destination)
    return destination


def backup_restore(*, archive: Path, using: str = "default") -> dict:
    """Restore ``archive`` into the (empty) database ``using`` and the (empty) media
    folders of the settings. Returns the archive's manifest."""
    connection = connections[using]
    vendor = _vendor(connection)
    if connection.introspection.table_names():
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty: restore into a "
            "new, empty database."
        )
    for folder in media_folders().values():
        if folder.is_dir() and any(folder.iterdir()):
            raise BackupError(f"{folder} is not empty: restore into empty media folders.")
    with tempfile.TemporaryDirectory() as work:
        manifest = _extract(archive, Path(work))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format: {manifest.get('format')}.")
        if manifest.get("database") != vendor:
            raise BackupError(
                f"This is a {manifest.get('database')} backup; it restores into "
                f"{manifest.get('database')}, not {vendor}."
            )
        # The files first, the database last (in one transaction): a restore that fails
        # empties the folders again, so it leaves all as it found it and can be rerun.
        try:
            for name, folder in media_folders().items():
                if (Path(work) / name).is_dir():
                    shutil.copytree(Path(work) / name, folder, dirs_exist_ok=True)
            _restore(connection, vendor, Path(work) / DUMPS[vendor])
        except BaseException:
            for folder in media_folders().values():
                _empty(folder)  # it was empty: all in it came from this restore
            raise
    return manifest


def _empty(folder: Path) -> None:
    for entry in folder.iterdir() if folder.is_dir() else ():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _extract(archive: Path, work: Path) -> dict:
    """Extract ``archive`` into ``work`` and return its manifest, or refuse an archive that
    is not one of our backups, a crafted one included."""
    if not hasattr(tarfile, "data_filter"):  # Python before 3.11.4 would extract anything
        raise BackupError("Restoring needs Python 3.11.4 or later (tarfile's 'data' filter).")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            # The "data" filter refuses absolute paths, "..", links out of ``work``, devices.
            tar.extractall(work, filter="data")
        return json.loads((work / MANIFEST).read_text())
    except (tarfile.TarError, OSError, ValueError) as error:
        raise BackupError(f"{archive} is not a backup made by 'backup': {error}") from error


def _vendor(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in DUMPS:
        raise BackupError(f"No backup for {connection.vendor} databases.")
    return connection.vendor


def _dump(connection: BaseDatabaseWrapper, vendor: str, dump: Path) -> None:
    if vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as target:
            connection.connection.backup(target)
        return
    _run(
        connection,
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
    )


def _restore(connection: BaseDatabaseWrapper, vendor: str, dump: Path) -> None:
    if vendor == "sqlite":
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(dump)) as source:
                source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"The database in the backup could not be read: {error}") from error
        return
    # One transaction: a restore that fails half-way leaves the database empty.
    _run(
        connection,
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
    )


def _run(connection: BaseDatabaseWrapper, command: list[str]) -> None:
    """Run a PostgreSQL client program on ``connection``'s database, which it reads from
    the PG* environment variables (the password is then never on a command line)."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "PGDATABASE": database["NAME"],
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
    }
    if sslmode := database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    env = {key: value for key, value in env.items() if value != ""}
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error
