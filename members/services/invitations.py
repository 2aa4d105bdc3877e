"""Invitations to a company's member area: sending, revoking and accepting them."""

import secrets

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.emails import absolute_url, send_email
from members.models import Invitation, Person, User
from members.services.accounts import account_for_email
from members.services.people import person_link_account


class InvitationError(Exception):
    """An invitation that cannot be accepted; the message says why."""


def invitation_send(*, invitation: Invitation, by: User | None) -> Invitation:
    """Save and send ``invitation`` (company, email, role and language set): any earlier
    waiting invitation of the same address to the same company is revoked. Only the hash
    of the link's secret is kept.

    The email is written to the outbox inside the transaction: an invitation exists only
    with its email, which the worker sends (and retries while the mail server fails). An
    email that cannot be written (the address is not one) saves nothing (the earlier
    invitation stays) and raises ``EmailNotSent``, for the caller to say so."""
    invitation.email = invitation.email.strip().lower()
    invitation.clean()
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.usable(now).filter(
            company=invitation.company, email__iexact=invitation.email
        ).update(revoked_at=now)
        invitation.token_hash = Invitation.hash_token(token)
        invitation.invited_by = by
        invitation.expires_at = now + Invitation.VALID_FOR
        invitation.save()
        _send_invitation(invitation, token)
    return invitation


def _send_invitation(invitation: Invitation, token: str) -> None:
    with translation.override(invitation.language):
        link = absolute_url(reverse("members:invitation", kwargs={"token": token}))
    send_email(
        template="invitation",
        to=[invitation.email],
        language=invitation.language,
        context={"invitation": invitation, "link": link},
    )


def invitation_revoke(*, invitations: QuerySet[Invitation]) -> int:
    """Revoke the waiting ones among ``invitations``; returns how many."""
    return invitations.usable().update(revoked_at=timezone.now())


def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    language: str = "fr",
) -> User:
    """Accept ``invitation``: link ``user`` (already logged in with the invited address)
    or create the account, its address verified, then make them a person of the company
    with the invited role. All or nothing; the acceptance records the consent to the
    privacy policy the form asked for."""
    now = timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != Invitation.State.PENDING:
            raise InvitationError(Invitation.UNUSABLE[invitation.state])
        if user is None:
            if account_for_email(email=invitation.email):
                raise InvitationError(
                    _("An account already exists for this email address: log in to accept.")
                )
            user = User.objects.create_user(
                email=invitation.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                preferred_language=language,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        elif account_for_email(email=invitation.email) != user:
            raise InvitationError(_("This invitation was sent to another email address."))
        user.privacy_consented_at = now
        user.save(update_fields=["privacy_consented_at"])
        # Their row at the company if they have one, else the contact staff listed under
        # the invited address, else a new row.
        person = Person.objects.filter(
            Q(user=user) | Q(email__iexact=invitation.email, user__isnull=True),
            company=invitation.company,
        ).order_by("user_id").first() or Person(company=invitation.company, email=invitation.email)
        person_link_account(person=person, user=user)
        person.role = invitation.role
        person.save()
        invitation.accepted_at = now
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user
