"""Accounts: finding the one an address belongs to, a person's own profile, and what
Law 25 gives them: the export of their data and the closing of their account."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q, QuerySet
from django.forms import ModelForm
from django.utils import timezone

from members.models import (
    AccountClosure,
    Application,
    Invitation,
    Person,
    RenewalReminder,
    User,
)


def account_for_email(*, email: str) -> User | None:
    """The account an address belongs to: the one that verified it."""
    return User.objects.with_verified_email(email).first()


def account_update_profile(*, details: ModelForm, places: list[ModelForm]) -> None:
    """Save a person's own details and, for each of their companies, how they appear;
    a changed directory visibility is dated, as the person's choice."""
    now = timezone.now()
    with transaction.atomic():
        details.save()
        for form in places:
            person = form.instance
            if "visibility" in form.changed_data:
                person.visibility_changed_at = now
            form.save()


def account_export(*, user: User) -> dict:
    """Everything the portal holds about ``user`` (Law 25), as plain data."""
    from allauth.mfa.models import Authenticator

    def when(value):
        return value.isoformat() if value else None

    address = _addressed_to(user)
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "privacy_policy_accepted_on": when(user.privacy_consented_at),
            "is_staff": user.is_staff,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "second_factors": [
            {"type": a.type, "created_at": when(a.created_at), "last_used_at": when(a.last_used_at)}
            for a in Authenticator.objects.filter(user=user)
        ],
        "companies": [
            {
                "company": person.company.name,
                "role": person.role,
                # A row under their address that no account claimed keeps its own name.
                **(
                    {}
                    if person.user_id
                    else {
                        "first_name": person.first_name,
                        "last_name": person.last_name,
                        "preferred_language": person.preferred_language,
                    }
                ),
                "email": person.email,
                "job_title": person.job_title,
                "phone": person.phone,
                "directory_visibility": person.visibility,
                "directory_visibility_chosen_on": when(person.visibility_changed_at),
            }
            for person in _people_of(user).select_related("company")
        ],
        "invitations_received": [
            {
                "company": invitation.company.name,
                "role": invitation.role,
                "sent_on": when(invitation.created_at),
                "accepted_on": when(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(address).select_related("company")
        ],
        "renewal_reminders_received": [
            {"kind": reminder.kind, "sent_on": when(reminder.sent_at)}
            for reminder in RenewalReminder.objects.filter(address)
        ],
        "membership_applications": [
            {
                "company": application.company_name,
                "submitted_on": when(application.submitted_at),
                "first_name": application.first_name,
                "last_name": application.last_name,
                "email": application.email,
                "phone": application.phone,
                "job_title": application.job_title,
                "privacy_policy_accepted_on": when(application.consented_at),
            }
            for application in Application.objects.filter(address)
        ],
        "newsletter": [
            {
                "email": subscriber.email,
                "language": subscriber.language,
                "status": subscriber.status,
                "source": subscriber.source,
                "consent_text": subscriber.consent_text,
                "consent_asked_on": when(subscriber.consent_requested_at),
                "consent_confirmed_on": when(subscriber.consented_at),
                "unsubscribed_on": when(subscriber.unsubscribed_at),
            }
            for subscriber in _newsletter_subscriptions(address)
        ],
    }


def _newsletter_subscriptions(address: Q):
    # news depends on members, not the other way round: imported where it is used.
    from news.models import Subscriber

    return Subscriber.objects.filter(address)


def _addressed_to(user: User) -> Q:
    """Rows carrying one of ``user``'s own addresses: their login and the addresses they
    verified. An address added but never verified may be someone else's: left out."""
    emails = {
        user.email,
        *user.emailaddress_set.filter(verified=True).values_list("email", flat=True),
    }
    address = Q(pk__in=[])
    for email in emails:
        address |= Q(email__iexact=email)
    return address


def _people_of(user: User) -> QuerySet[Person]:
    """``user``'s rows as a company's person: linked to them, or under one of their
    addresses and linked to nobody."""
    return Person.objects.filter(Q(user=user) | (_addressed_to(user) & Q(user=None)))


def account_close(*, user: User) -> None:
    """Close ``user``'s account and erase their personal data (Law 25): the account, its
    addresses and second factors, their entries as a company's person (and the copies of
    those in the companies' history), invitations and reminders sent to them, their
    newsletter subscription, the contact details of applications they made. The companies and what they published stay. Staff
    get a record per company, without anything identifying the person."""
    from reversion.models import Version

    address = _addressed_to(user)
    with transaction.atomic():
        people = list(_people_of(user).select_for_update(of=("self",)))
        for person in people:
            admins = Person.objects.filter(
                company_id=person.company_id, role=Person.Role.ADMIN, user__isnull=False
            ).exclude(user=user)
            AccountClosure.objects.create(
                company_id=person.company_id,
                role=person.role,
                left_without_admin=not admins.exists(),
            )
        if not people:
            AccountClosure.objects.create(left_without_admin=False)
        Version.objects.get_for_model(Person).filter(
            object_id__in=[str(person.pk) for person in people]
        ).delete()
        Person.objects.filter(pk__in=[person.pk for person in people]).delete()
        Invitation.objects.filter(address).delete()
        RenewalReminder.objects.filter(address).delete()
        # Their consent to the newsletter goes with them, and its history: with no row, no
        # issue is sent.
        subscriptions = _newsletter_subscriptions(address)
        Version.objects.get_for_model(subscriptions.model).filter(
            object_id__in=[str(pk) for pk in subscriptions.values_list("pk", flat=True)]
        ).delete()
        subscriptions.delete()
        Application.objects.filter(address).update(
            first_name="", last_name="", email="", phone="", job_title=""
        )
        user.delete()
