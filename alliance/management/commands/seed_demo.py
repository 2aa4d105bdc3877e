import secrets

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from members import demo as members_demo
from news import demo as news_demo


class Command(BaseCommand):
    help = (
        "Add fictitious demo content for a local portal: a staff login, about 40 articles "
        "(some members-only, some scheduled, a few drafts) and 600 member companies with "
        "their membership periods, people and logos. Never run it on production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (tests); never on a real site.",
        )
        parser.add_argument(
            "--companies",
            type=int,
            default=600,
            metavar="N",
            help=(
                "How many fictitious member companies to add (default 600; 60000 for a "
                "load test, only the first 600 get logos). Added once: skipped when demo "
                "companies are already there."
            ),
        )

    @transaction.atomic
    def handle(self, *args, force: bool, companies: int, **options) -> None:
        if not (settings.DEBUG or force):
            raise CommandError(
                "seed_demo adds fictitious articles and a staff account with a known "
                "password: it runs only where DEBUG is on (a development machine)."
            )
        call_command("seed_reference", stdout=self.stdout)
        # Each app builds its own part; the staff account is the articles' author and the
        # committees' secretary.
        password = secrets.token_urlsafe(12)
        staff = members_demo.create_demo_staff(password)
        news_demo.build_demo(author=staff, stdout=self.stdout)
        member = members_demo.build_demo(
            companies=companies, password=password, staff=staff, stdout=self.stdout
        )
        news_demo.build_demo_newsletters(author=staff, stdout=self.stdout)
        logins = (
            "\nDemo ready (a new password each time seed_demo runs).\n"
            "Staff login — the admin at http://127.0.0.1:8000/admin/ first asks you to set\n"
            "up an authenticator app (staff accounts need a second factor):\n"
            f"  email:    {staff.email}\n  password: {password}\n"
        )
        if member:
            logins += (
                f"Member login — {member.company.name}, company administrator\n"
                "(member area at http://127.0.0.1:8000/fr/espace-membre/):\n"
                f"  email:    {member.email}\n  password: {password}\n"
            )
        self.stdout.write(self.style.SUCCESS(logins))
