from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alliance.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive made by 'backup' into an EMPTY database (DATABASE_URL) and "
        "EMPTY media folders (DJANGO_MEDIA_ROOT, DJANGO_PRIVATE_MEDIA_ROOT): a new database "
        "created for it, never the one in use. Refuses anything that is not empty."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive: Path, database: str, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            manifest = backup_restore(archive=archive, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} into "
            f"{settings.DATABASES[database]['NAME']}, {settings.MEDIA_ROOT} and "
            f"{settings.PRIVATE_MEDIA_ROOT}."
        )
