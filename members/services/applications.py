"""Membership applications: the public form's submission, and staff's approval (the
company, its first period, its contact person and their invitation) or rejection."""

import reversion
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.emails import EmailNotSent, send_email
from members.models import (
    CLASSIFICATION_FIELDS,
    Application,
    Company,
    Invitation,
    Membership,
    Person,
    User,
)
from members.services.invitations import invitation_send
from members.services.mail import admin_url, send_or_log
from members.services.memberships import one_year_from


class ApplicationError(Exception):
    """An application cannot be decided as asked; the message says why, for staff."""


def application_submit(*, application: Application, classifications: dict) -> Application:
    """Save an application from the public form and tell staff about it.

    The application is what counts: the staff notice goes to the outbox with it, and if
    the notice cannot be written (a staff address in the settings that is not one) the
    applicant is not told so: it is logged, and staff find the application among the
    pending ones in the admin all the same."""
    with transaction.atomic():
        application.save()
        for field, values in classifications.items():
            getattr(application, field).set(values)
        send_or_log(
            failure=f"Staff not told of application {application.pk}; it waits in the admin.",
            template="application_received_staff",
            to=settings.MEMBERSHIP_STAFF_EMAILS,
            language=settings.LANGUAGE_CODE,
            context={"application": application, "admin_url": admin_url(application)},
        )
    return application


def application_approve(*, application: Application, by: User) -> Company:
    """Create the company, its first membership period and its contact person, and invite
    that person to the member area, all or nothing; then welcome the applicant.

    The invitation is part of the approval: if its email cannot be written (the address
    is not one), nothing is approved and staff are told why (``ApplicationError``),
    rather than a member company nobody can manage. The welcome only repeats what the
    invitation says: if it cannot be written, that is logged."""
    with transaction.atomic(), reversion.create_revision():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.decision != Application.Decision.PENDING:
            raise ApplicationError(_("This application has already been decided."))
        duplicate = Company.objects.same_as(
            neq=application.neq, name=application.company_name
        ).first()
        if duplicate is not None and duplicate.is_archived:
            # The company list hides archived companies: say where it is.
            raise ApplicationError(
                _(
                    "The company “%(name)s” already exists with this NEQ or name, and is "
                    "archived: restore it from the archive (filter “Archived” of the company "
                    "list) rather than approving this application."
                )
                % {"name": duplicate.name}
            )
        if duplicate is not None:
            raise ApplicationError(
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
            raise ApplicationError(_("A company with this NEQ already exists.")) from error
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
        Person.objects.create(
            company=company,
            first_name=application.first_name,
            last_name=application.last_name,
            email=application.email,
            phone=application.phone,
            job_title=application.job_title,
            role=Person.Role.ADMIN,
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
                    role=Person.Role.ADMIN,
                    language=application.language,
                ),
                by=by,
            )
        except EmailNotSent as error:
            raise ApplicationError(
                _(
                    "The invitation could not be addressed to %(email)s, so the application "
                    "was not approved: nothing was changed. Correct the address in the "
                    "application, then approve it again."
                )
                % {"email": application.email}
            ) from error
        send_or_log(
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
        raise ApplicationError(_("Give the applicant a reason for the rejection."))
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.decision != Application.Decision.PENDING:
            raise ApplicationError(_("This application has already been decided."))
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
            raise ApplicationError(
                _(
                    "The rejection could not be addressed to %(email)s, so the application "
                    "is still pending. Correct the address in the application, then reject "
                    "it again."
                )
                % {"email": application.email}
            ) from error
