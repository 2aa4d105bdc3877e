from django.core.management.base import BaseCommand, CommandError

from members.services.reminders import reminder_send_due


class Command(BaseCommand):
    help = (
        "Email company administrators their renewal reminders: before the membership ends "
        "and on the day it lapses. Meant to run daily from cron; a reminder is never sent "
        "twice. The reminders go through the outbox; exits with an error, naming them, "
        "when some could not be addressed (the next run tries them again)."
    )

    def handle(self, *args, **options) -> None:
        sent, failed = reminder_send_due()
        self.stdout.write(f"{sent} reminder(s) sent.")
        if failed:
            raise CommandError(
                f"{len(failed)} reminder(s) could not be sent, to {', '.join(failed)}: "
                "these addresses are not valid (see the log). "
                "The next run tries them again."
            )
