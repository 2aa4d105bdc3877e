"""The site's background tasks (Django's tasks API, the django-tasks backport): run by
``manage.py db_worker`` on the database, or ``manage.py rqworker`` on Redis."""

from django_tasks import task

from alliance import outbox


@task(queue_name="email")
def deliver_email(email_id: int) -> str:
    """Send one email of the outbox (alliance/outbox.py)."""
    return outbox.deliver(email_id)
