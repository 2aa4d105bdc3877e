"""Logging a person in from a script or a test, as the login page would."""

from allauth.account.internal.flows.login import record_authentication
from django.test import Client, RequestFactory

from members.models import User


def log_in(client: Client, user: User) -> Client:
    """Log ``user`` in as the login page does: with their second factor if they have one.
    ``force_login`` alone leaves no trace of it in the session, and staff whose session did
    not pass their second factor act as anyone else (members.access.acts_as_staff)."""
    client.force_login(user)
    session = client.session
    request = RequestFactory().get("/")
    request.session, request.user = session, user
    record_authentication(request, user, method="password")
    if second_factor := user.authenticator_set.exclude(type="recovery_codes").first():
        record_authentication(
            request, user, method="mfa", id=second_factor.pk, type=second_factor.type
        )
    session.save()
    return client
