"""Start the scheduled newsletter issues whose time has come and resume the sends a
stopped worker left half done (run every few minutes by the same timer as
requeue_emails: see the README)."""

from django.core.management.base import BaseCommand

from news.services.newsletters import newsletters_resume


class Command(BaseCommand):
    help = (
        "Start the scheduled newsletter issues whose time has come, and resume the sends "
        "that a stopped worker left half done."
    )

    def handle(self, *args, **options):
        started, resumed = newsletters_resume()
        self.stdout.write(f"{started} issue(s) started, {resumed} send(s) resumed.")
