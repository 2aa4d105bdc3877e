"""The news domain's background tasks (Django's tasks API, see alliance/tasks.py)."""

from django_tasks import task

from news.services.newsletters import newsletter_deliver, newsletters_resume


@task()
def deliver_newsletter(newsletter_id: int) -> int:
    """Hand an issue's waiting deliveries to the outbox (news/services/newsletters.py)."""
    return newsletter_deliver(newsletter_id=newsletter_id)


@task()
def send_due_newsletters() -> list[int]:
    """Start the scheduled issues whose time has come (and resume stalled sends)."""
    return list(newsletters_resume())
