"""The news domain's background tasks (Django's tasks API, see alliance/tasks.py)."""

from django_tasks import task

from news.services.newsletters import newsletter_deliver


@task()
def deliver_newsletter(newsletter_id: int) -> int:
    """Hand an issue's waiting deliveries to the outbox (news/services/newsletters.py)."""
    return newsletter_deliver(newsletter_id=newsletter_id)
