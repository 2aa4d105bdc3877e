"""Membership workflows: each write that spans models, with its emails and its history."""

import datetime as dt
import logging
import secrets

import icalendar
import reversion
from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance.emails import EmailNotSent, absolute_url, send_email
from members.models import (
    CLASSIFICATION_FIELDS,
    AccountClosure,
    Application,
    Company,
    Invitation,
    Meeting,
    Membership,
    RenewalReminder,
    Representative,
    Seat,
    User,
)

log = logging.getLogger(__name__)


def one_year_from(start: dt.date) -> dt.date:
    """The last day of a one-year period starting on ``start``."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 1, day=28) + dt.timedelta(days=1)
    return anniversary - dt.timedelta(days=1)


def _admin_url(obj) -> str:
    meta = obj._meta
    return absolute_url(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))


# --- Applications -----------------------------------------------------------------


def application_submit(*, application: Application, classifications: dict) -> Application:
    """Save an application from the public form and tell staff about it.

    The application is what counts: it is saved first, and staff are emailed once it is.
    If that email fails the applicant is not told so (their application is in; a retry
    would be refused as a duplicate): it is logged, and staff find the application among
    the pending ones in the admin all the same."""
    with transaction.atomic():
        application.save()
        for field, values in classifications.items():
            getattr(application, field).set(values)
        _send_after_commit(
            failure=f"Staff not told of application {application.pk}; it waits in the admin.",
            template="application_received_staff",
            to=settings.MEMBERSHIP_STAFF_EMAILS,
            language=settings.LANGUAGE_CODE,
            context={"application": application, "admin_url": _admin_url(application)},
        )
    return application


def _send_after_commit(*, failure: str, **email) -> None:
    """Send an email once the transaction commits; if it fails, log ``failure``: the
    workflow it reports on is done, and staff can read its outcome in the admin."""

    def send() -> None:
        try:
            send_email(**email)
        except EmailNotSent:
            log.exception(failure)

    transaction.on_commit(send)


class MembershipError(Exception):
    """A membership workflow cannot go ahead as asked; the message says why, for staff."""


def application_approve(*, application: Application, by: User) -> Company:
    """Create the company, its first membership period and its contact person, and invite
    that person to the member area, all or nothing; then welcome the applicant.

    The invitation is part of the approval: if its email cannot be sent, nothing is
    approved and staff are told to try again (``MembershipError``), rather than a member
    company nobody can manage. The welcome, sent after, only repeats what the invitation
    says: if it fails, that is logged."""
    with transaction.atomic(), reversion.create_revision():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.decision != Application.Decision.PENDING:
            raise MembershipError(_("This application has already been decided."))
        duplicate = Company.objects.same_as(
            neq=application.neq, name=application.company_name
        ).first()
        if duplicate is not None and duplicate.is_archived:
            # The company list hides archived companies: say where it is.
            raise MembershipError(
                _(
                    "The company “%(name)s” already exists with this NEQ or name, and is "
                    "archived: restore it from the archive (filter “Archived” of the company "
                    "list) rather than approving this application."
                )
                % {"name": duplicate.name}
            )
        if duplicate is not None:
            raise MembershipError(
                _("The company “%(name)s” already exists with this NEQ or name.")
                % {"name": duplicate.name}
            )
        company = Company(
            name=application.company_name,
            legal_name=application.legal_name,
            neq=application.neq or None,
            website=application.website,
            email=application.company_email,
            phone=application.company_phone,
            street_address=application.street_address,
            city=application.city,
            postal_code=application.postal_code,
            province=application.province,
            region=application.region,
            employees=application.employees,
        )
        setattr(company, f"description_{application.language}", application.description)
        try:
            with transaction.atomic():
                company.save()
        except IntegrityError as error:
            raise MembershipError(_("A company with this NEQ already exists.")) from error
        for field in CLASSIFICATION_FIELDS.values():
            getattr(company, field).set(getattr(application, field).all())
        today = timezone.localdate()
        Membership.objects.create(
            company=company,
            category=application.category,
            start=today,
            end=one_year_from(today),
            fee=application.category.annual_fee,
        )
        Representative.objects.create(
            company=company,
            first_name=application.first_name,
            last_name=application.last_name,
            email=application.email,
            phone=application.phone,
            job_title=application.job_title,
            role=Representative.Role.ADMIN,
            preferred_language=application.language,
        )
        application.decision = Application.Decision.APPROVED
        application.decided_at = timezone.now()
        application.decided_by = by
        application.company = company
        application.save()
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(_("Created from the membership application."))
        reversion.add_to_revision(company)
        try:
            invitation_send(
                invitation=Invitation(
                    company=company,
                    email=application.email,
                    role=Representative.Role.ADMIN,
                    language=application.language,
                ),
                by=by,
            )
        except EmailNotSent as error:
            raise MembershipError(
                _(
                    "The invitation to %(email)s could not be emailed, so the application "
                    "was not approved: nothing was changed. Try again in a few minutes; if "
                    "it fails again, the mail server needs checking."
                )
                % {"email": application.email}
            ) from error
        _send_after_commit(
            failure=f"Welcome to the company of application {application.pk} not sent.",
            template="application_approved",
            to=[application.email],
            language=application.language,
            context={"application": application, "company": company},
        )
    return company


def application_reject(*, application: Application, by: User, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise MembershipError(_("Give the applicant a reason for the rejection."))
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.decision != Application.Decision.PENDING:
            raise MembershipError(_("This application has already been decided."))
        application.decision = Application.Decision.REJECTED
        application.rejection_reason = reason
        application.decided_at = timezone.now()
        application.decided_by = by
        application.save()
        # Inside the transaction: a rejection the applicant was not told of is not made.
        try:
            send_email(
                template="application_rejected",
                to=[application.email],
                language=application.language,
                context={"application": application},
            )
        except EmailNotSent as error:
            raise MembershipError(
                _(
                    "The rejection could not be emailed to %(email)s, so the application is "
                    "still pending. Try again in a few minutes."
                )
                % {"email": application.email}
            ) from error


# --- Membership periods -------------------------------------------------------------


def membership_renew(*, company: Company, by: User) -> Membership:
    """Add one period after the company's latest, in its category at today's fee."""
    with transaction.atomic(), reversion.create_revision():
        latest = (
            Membership.objects.select_for_update()
            .filter(company=company)
            .select_related("category")
            .order_by("-end")
            .first()
        )
        if latest is None:
            raise MembershipError(
                _("%(company)s has no membership period to renew.") % {"company": company}
            )
        today = timezone.localdate()
        # A lapsed company starts again today; one still in force continues without a gap.
        start = max(latest.end + dt.timedelta(days=1), today)
        period = Membership.objects.create(
            company=company,
            category=latest.category,
            start=start,
            end=one_year_from(start),
            fee=latest.category.annual_fee,
        )
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(
                _("Renewed from %(start)s to %(end)s.")
                % {"start": period.start.isoformat(), "end": period.end.isoformat()}
            )
        reversion.add_to_revision(company)
    return period


def membership_mark_paid(*, companies: QuerySet[Company], by: User) -> int:
    """Mark today as the payment date of each company's current unpaid period."""
    today = timezone.localdate()
    marked = 0
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(_("Payment recorded."))
        for company in companies.with_current_period(today):
            updated = Membership.objects.filter(
                company=company, end=company.period_end, paid_on__isnull=True
            ).update(paid_on=today)
            if updated:
                reversion.add_to_revision(company)
                marked += 1
    return marked


# --- Archiving ----------------------------------------------------------------------


def company_archive(*, company: Company, by: User) -> bool:
    """Archive ``company`` instead of deleting it: it leaves the directory, the sitemap
    and the search, its people lose member access and its waiting invitations are
    revoked, but its periods, people, seats and history stay, so it can be restored.
    Returns False if it was already archived."""
    return _company_set_archived(company=company, by=by, archived=True)


def company_restore(*, company: Company, by: User) -> bool:
    """Bring an archived company back; its status is again that of its periods.
    Returns False if it was not archived."""
    return _company_set_archived(company=company, by=by, archived=False)


def _company_set_archived(*, company: Company, by: User, archived: bool) -> bool:
    with transaction.atomic(), reversion.create_revision():
        if Company.objects.select_for_update().get(pk=company.pk).is_archived == archived:
            return False
        company.archived_at = timezone.now() if archived else None
        company.save(update_fields=["archived_at"])  # saved, so the directory's counts update
        if archived:
            invitation_revoke(invitations=company.invitations.all())
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(_("Archived.") if archived else _("Restored from the archive."))
        reversion.add_to_revision(company)
    return True


# --- Renewal reminders ---------------------------------------------------------------


def reminders_send(*, today: dt.date | None = None) -> tuple[int, list[str]]:
    """Email each company administrator the reminders that are due, once each.

    Due: ``MEMBERSHIP_REMINDER_DAYS`` before a period's last day ("ending"), and on the
    day it lapses, once the grace period is over ("lapsed"); only for the company's
    latest period, so a renewed company hears nothing. A day missed by cron is caught up
    the next run; a reminder more than a week late is not sent any more.

    Returns how many went out and the addresses whose reminder could not be sent:
    those are not recorded, so the next run tries them again.
    """
    today = today or timezone.localdate()
    due = {
        RenewalReminder.Kind.ENDING: Membership.objects.ending_reminder_due(today),
        RenewalReminder.Kind.LAPSED: Membership.objects.lapsed_email_due(today),
    }
    later = Membership.objects.filter(company=OuterRef("company"), end__gt=OuterRef("end"))
    admins = Representative.objects.filter(role=Representative.Role.ADMIN)
    sent, failed = 0, []
    out_of_reach = False
    for kind, periods in due.items():
        periods = (
            periods.filter(cancelled_on__isnull=True, company__archived_at__isnull=True)
            .exclude(Exists(later))
            .select_related("company")
            .prefetch_related(Prefetch("company__representatives", queryset=admins))
        )
        for period in periods:
            for person in period.company.representatives.all():
                if out_of_reach:  # each would wait for it in turn (EMAIL_TIMEOUT)
                    reminded = RenewalReminder.objects.filter(
                        membership=period, kind=kind, email=person.email
                    )
                    if not reminded.exists():
                        failed.append(person.email)
                    continue
                try:
                    sent += _send_reminder(period=period, kind=kind, person=person)
                except EmailNotSent as error:
                    log.exception("Renewal reminder to %s not sent.", person.pk)
                    failed.append(person.email)
                    out_of_reach = error.server_out_of_reach
    return sent, failed


def _send_reminder(*, period: Membership, kind: str, person: Representative) -> int:
    # The record is written first and the email sent inside the same transaction: if the
    # mail server fails the record is rolled back and tomorrow's run tries again; a
    # second run never sends a reminder that was recorded.
    try:
        with transaction.atomic():
            RenewalReminder.objects.create(membership=period, kind=kind, email=person.email)
            send_email(
                template=f"renewal_{kind}",
                to=[person.email],
                language=person.preferred_language,
                context={"person": person, "period": period, "company": period.company},
            )
    except IntegrityError:
        return 0
    return 1


# --- Invitations and accounts -----------------------------------------------------------


def account_for(email: str) -> User | None:
    """The account an address belongs to: the one that verified it."""
    return User.objects.with_verified_email(email).first()


class InvitationError(Exception):
    """An invitation that cannot be accepted; the message says why."""


def invitation_send(*, invitation: Invitation, by: User | None) -> Invitation:
    """Save and send ``invitation`` (company, email, role and language set): any earlier
    waiting invitation of the same address to the same company is revoked. Only the hash
    of the link's secret is kept.

    The link is emailed inside the transaction: an invitation exists only if the mail
    server took its email. If not, nothing is saved (the earlier invitation stays) and
    ``EmailNotSent`` is raised, for the caller to say so."""
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
            if account_for(invitation.email):
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
        elif account_for(invitation.email) != user:
            raise InvitationError(_("This invitation was sent to another email address."))
        user.privacy_consented_at = now
        user.save(update_fields=["privacy_consented_at"])
        # Their row at the company if they have one, else the contact staff listed under
        # the invited address, else a new row.
        person = Representative.objects.filter(
            Q(user=user) | Q(email__iexact=invitation.email, user__isnull=True),
            company=invitation.company,
        ).order_by("user_id").first() or Representative(
            company=invitation.company,
            email=invitation.email,
            preferred_language=user.preferred_language,
        )
        person.user = user
        person.role = invitation.role
        person.first_name = person.first_name or user.first_name
        person.last_name = person.last_name or user.last_name
        person.save()
        invitation.accepted_at = now
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def renewal_request(*, company: Company, by: User) -> None:
    """Tell staff that a company's person asks to renew its membership; ``EmailNotSent``
    if that cannot be done."""
    send_email(
        template="renewal_requested_staff",
        to=settings.MEMBERSHIP_STAFF_EMAILS,
        language=settings.LANGUAGE_CODE,
        context={"company": company, "person": by, "admin_url": _admin_url(company)},
    )


# --- The member area ----------------------------------------------------------------------


def company_update_profile(*, form, by: User) -> Company:
    """Save a company's profile as edited by one of its people, in its history with
    their name, and flag it for staff (``Company.member_edited_at``)."""
    with transaction.atomic(), reversion.create_revision():
        company = form.save(commit=False)
        company.member_edited_at = timezone.now()
        # Only what the form holds: a change staff made meanwhile to anything else stays.
        plain = [f.name for f in company._meta.concrete_fields if f.name in form.fields]
        company.save(update_fields=[*plain, "member_edited_at"])
        form.save_m2m()
        reversion.set_user(by)
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(_("Profile changed in the member area."))
    return company


class LastAdministratorError(Exception):
    """The change would leave a company without an administrator."""


def _keep_an_administrator(person: Representative) -> None:
    """Refuse to demote or remove ``person`` if they are the company's last administrator
    who can log in. Locks the company's administrators, so that two of them demoting each
    other at the same time cannot both pass."""
    admins = list(
        Representative.objects.select_for_update()
        .filter(company_id=person.company_id, role=Representative.Role.ADMIN, user__isnull=False)
        .values_list("pk", flat=True)
    )
    if person.pk in admins and len(admins) == 1:
        raise LastAdministratorError(
            _("A company always keeps at least one administrator: name another one first.")
        )


def representative_set_role(*, person: Representative, role: str) -> None:
    with transaction.atomic():
        if role != Representative.Role.ADMIN:
            _keep_an_administrator(person)
        Representative.objects.filter(pk=person.pk).update(role=role)


def representative_remove(*, person: Representative) -> None:
    """Take ``person`` off the company's people (their account, if any, stays)."""
    with transaction.atomic():
        _keep_an_administrator(person)
        Representative.objects.filter(pk=person.pk).delete()


def profile_update(*, details, places: list) -> None:
    """Save a person's own details and, for each of their companies, how they appear;
    a changed directory visibility is dated, as the person's choice."""
    now = timezone.now()
    with transaction.atomic():
        user = details.save()
        for form in places:
            person = form.instance
            if "visibility" in form.changed_data:
                person.visibility_changed_at = now
            person.first_name, person.last_name = user.first_name, user.last_name
            person.preferred_language = user.preferred_language
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
                "first_name": person.first_name,
                "last_name": person.last_name,
                "email": person.email,
                "job_title": person.job_title,
                "phone": person.phone,
                "preferred_language": person.preferred_language,
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
    }


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


def _people_of(user: User) -> QuerySet[Representative]:
    """``user``'s rows as a company's person: linked to them, or under one of their
    addresses and linked to nobody."""
    return Representative.objects.filter(Q(user=user) | (_addressed_to(user) & Q(user=None)))


def account_close(*, user: User) -> None:
    """Close ``user``'s account and erase their personal data (Law 25): the account, its
    addresses and second factors, their entries as a company's person (and the copies of
    those in the companies' history), invitations and reminders sent to them, the contact
    details of applications they made. The companies and what they published stay. Staff
    get a record per company, without anything identifying the person."""
    from reversion.models import Version

    address = _addressed_to(user)
    with transaction.atomic():
        people = list(_people_of(user).select_for_update())
        for person in people:
            admins = Representative.objects.filter(
                company_id=person.company_id, role=Representative.Role.ADMIN, user__isnull=False
            ).exclude(user=user)
            AccountClosure.objects.create(
                company_id=person.company_id,
                role=person.role,
                left_without_admin=not admins.exists(),
            )
        if not people:
            AccountClosure.objects.create(left_without_admin=False)
        Version.objects.get_for_model(Representative).filter(
            object_id__in=[str(person.pk) for person in people]
        ).delete()
        Representative.objects.filter(pk__in=[person.pk for person in people]).delete()
        Invitation.objects.filter(address).delete()
        RenewalReminder.objects.filter(address).delete()
        Application.objects.filter(address).update(
            first_name="", last_name="", email="", phone="", job_title=""
        )
        user.delete()


# --- Committees -----------------------------------------------------------------------------

MEETING_LENGTH = dt.timedelta(hours=2)  # when a meeting has no end time


def meeting_ics(*, meeting: Meeting, language: str) -> bytes:
    """The meeting as an iCalendar file, in Québec time, for any calendar application."""
    with translation.override(language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Alliance Polymères Québec//Portail//FR")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{settings.ICS_UID_DOMAIN}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", timezone.localtime(meeting.starts_at))
        event.add(
            "dtend", timezone.localtime(meeting.ends_at or meeting.starts_at + MEETING_LENGTH)
        )
        event.add("summary", _("%(committee)s — meeting") % {"committee": meeting.committee.name})
        event.add("location", meeting.place or meeting.video_url or "")
        if meeting.video_url:
            event.add("url", meeting.video_url)
        agenda = strip_tags(meeting.agenda or "").strip()
        if agenda:
            event.add("description", agenda)
        event.add(
            "status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED"
        )
        calendar.add_component(event)
        calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_ics_filename(*, meeting: Meeting, language: str) -> str:
    with translation.override(language):
        return f"{slugify(_('meeting'))}-{meeting.pk}.ics"


def meeting_send_notice(*, meeting: Meeting) -> tuple[int, list[str]]:
    """Email the meeting's notice, with its calendar file, to everyone holding a seat on
    the committee that day (their company still a member), each in their language, and
    record when. Returns how many went out and the addresses that failed: all those left
    once the mail server is found out of reach."""
    seats = (
        Seat.objects.in_force(timezone.localtime(meeting.starts_at).date())
        .filter(committee_id=meeting.committee_id)
        .select_related("person__user", "staff_member")
    )
    recipients = {seat.holder.email.lower(): seat.holder_language for seat in seats}
    sent, failed = 0, []
    out_of_reach = False
    for email, language in recipients.items():
        if out_of_reach:
            # Each would wait for the mail server in turn, past the page's time limit.
            failed.append(email)
            continue
        try:
            send_email(
                template="meeting_notice",
                to=[email],
                language=language,
                context={"meeting": meeting, "committee": meeting.committee},
                attachments=[
                    (
                        meeting_ics_filename(meeting=meeting, language=language),
                        meeting_ics(meeting=meeting, language=language),
                        "text/calendar",
                    )
                ],
            )
            sent += 1
        except EmailNotSent as error:
            log.exception("Meeting notice to %s failed", email)
            failed.append(email)
            out_of_reach = error.server_out_of_reach
    if sent:
        meeting.notice_sent_at = timezone.now()
        meeting.save(update_fields=["notice_sent_at"])
    return sent, failed
