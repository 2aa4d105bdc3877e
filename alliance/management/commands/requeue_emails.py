"""Hand the queue again the emails whose task never came (run every few minutes by a
timer beside the workers: see the README)."""

from django.core.management.base import BaseCommand

from alliance import outbox


class Command(BaseCommand):
    help = "Enqueue again the waiting emails whose task was lost on the way to the queue."

    def handle(self, *args, **options):
        count = outbox.requeue()
        self.stdout.write(f"{count} email(s) handed to the queue again.")
