from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alliance.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and both media folders (MEDIA_ROOT and PRIVATE_MEDIA_ROOT) "
        "into one .tar.gz archive, by default in BACKUP_ROOT. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="The archive to write (default: BACKUP_ROOT/…)."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, output: Path | None, database: str, **options):
        output = output or Path(settings.BACKUP_ROOT) / (
            f"alliance-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
        )
        try:
            archive = backup_create(destination=output, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
