"""Companies: archiving and restoring them (staff), and their profile as edited by their
people in the member area."""

import reversion
from django.conf import settings
from django.db import transaction
from django.forms import ModelForm
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.models import Company, User
from members.services.invitations import invitation_revoke


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


def company_update_profile(*, form: ModelForm, by: User) -> Company:
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
