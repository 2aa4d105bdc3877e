from django.core.management.base import BaseCommand

from members.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email company administrators their renewal reminders: before the membership ends "
        "and on the day it lapses. Meant to run daily from cron; a reminder is never sent "
        "twice."
    )

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
