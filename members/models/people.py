"""The people of a company, and the invitations that bring them in."""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.fields import SingleLineField
from members.access import can_read_members_content
from members.models.companies import Company


class PersonQuerySet(models.QuerySet):
    """Each person comes with their account: the name of a person who has one is there."""

    def visible_to(self, user) -> "PersonQuerySet":
        """The people a visitor may see in the directory, as each of them chose."""
        shown = [Person.Visibility.PUBLIC]
        if can_read_members_content(user):
            shown.append(Person.Visibility.MEMBERS)
        return self.filter(visibility__in=shown)


class PersonManager(models.Manager.from_queryset(PersonQuerySet)):
    def get_queryset(self) -> PersonQuerySet:
        # A person's name is read off their account when they have one.
        return super().get_queryset().select_related("user")


# A person's name and language are stored once: on their account when they have one,
# else on their row at the company (the contacts staff list, who never logged in).
NAME_FIELDS = ("first_name", "last_name", "preferred_language")


class Person(models.Model):
    """A person at a company: its contacts in the directory and, with an account, the
    people who keep its profile current. The name of a person with an account is the
    account's (``full_name``, ``given_name``, ``language``); the row's own name fields
    are for people without one, and stay empty otherwise."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Company administrator")
        COLLEAGUE = "colleague", _("Colleague")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members only")
        HIDDEN = "hidden", _("Nobody (hidden)")

    company = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("company"),
    )
    # An account that is someone's place at a company is not deleted from under it: the
    # person is removed from the company first, or closes their account (Law 25).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("account"),
    )
    first_name = SingleLineField(_("first name"), max_length=150, blank=True)
    last_name = SingleLineField(_("last name"), max_length=150, blank=True)
    email = models.EmailField(_("email"))
    job_title = SingleLineField(_("job title"), max_length=150, blank=True)
    phone = SingleLineField(_("phone"), max_length=40, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.COLLEAGUE)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, blank=True
    )
    visibility = models.CharField(
        _("shown in the directory to"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    visibility_changed_at = models.DateTimeField(_("visibility chosen on"), null=True, blank=True)
    receives_invoices = models.BooleanField(
        _("receives the invoices"),
        default=False,
        help_text=_(
            "The company's invoices are emailed to the people ticked here; to its "
            "administrators when nobody is."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PersonManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Exactly one of the two names is set (see the constraint below).
        ordering = [
            Coalesce("user__last_name", "last_name").asc(),
            Coalesce("user__first_name", "first_name").asc(),
            "pk",
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=True)
                | Q(first_name="", last_name="", preferred_language=""),
                name="members_person_name_on_the_account",
                violation_error_message=_(
                    "A person with an account has their name and language on the account."
                ),
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | (~Q(last_name="") & ~Q(preferred_language="")),
                name="members_person_named_without_account",
                violation_error_message=_("A person without an account needs a name."),
            ),
            models.UniqueConstraint(
                "company",
                Lower("email"),
                name="members_person_company_email_unique",
                violation_error_message=_("This person is already listed for this company."),
            ),
            models.UniqueConstraint(
                fields=["company", "user"],
                condition=Q(user__isnull=False),
                name="members_person_company_user_unique",
                violation_error_message=_("This account is already linked to this company."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.email = self.email.strip().lower()
        if self.user_id is not None:
            self._leave_the_name_to_the_account()
            if "update_fields" in kwargs and kwargs["update_fields"] is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *NAME_FIELDS}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.user_id is not None:
            self._leave_the_name_to_the_account()
        else:
            missing = {
                field: _("Needed for a person without an account.")
                for field in ("first_name", "last_name", "preferred_language")
                if not getattr(self, field)
            }
            if missing:
                raise ValidationError(missing)

    def _leave_the_name_to_the_account(self) -> None:
        # The account holds the name: the row keeps no second copy to drift apart.
        self.first_name = self.last_name = self.preferred_language = ""

    @property
    def full_name(self) -> str:
        if self.user_id is not None:
            return self.user.get_full_name() or self.user.email
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def given_name(self) -> str:
        """What an email's greeting calls them."""
        return self.user.first_name if self.user_id is not None else self.first_name

    @property
    def language(self) -> str:
        """The language to write to them in."""
        return self.user.preferred_language if self.user_id is not None else self.preferred_language

    def company_in_good_standing(self) -> bool:
        """Whether this person's company is a member in good standing today."""
        return Company.objects.in_good_standing().filter(pk=self.company_id).exists()


class InvitationQuerySet(models.QuerySet):
    """An invitation's state as filters; ``Invitation.state`` says the same of one."""

    def usable(self, now: dt.datetime | None = None) -> "InvitationQuerySet":
        """Neither accepted, nor revoked, nor expired."""
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now or timezone.now(),
        )

    def in_state(self, state: str, now: dt.datetime | None = None) -> "InvitationQuerySet":
        now = now or timezone.now()
        return {
            Invitation.State.PENDING: lambda: self.usable(now),
            Invitation.State.ACCEPTED: lambda: self.filter(accepted_at__isnull=False),
            Invitation.State.REVOKED: lambda: self.filter(
                accepted_at__isnull=True, revoked_at__isnull=False
            ),
            Invitation.State.EXPIRED: lambda: self.filter(
                accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now
            ),
        }[state]()


class Invitation(models.Model):
    """One email address invited to one company, with a role: used once, within
    ``VALID_FOR``, unless revoked. Only a hash of the link's secret is kept."""

    VALID_FOR = dt.timedelta(days=7)

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    # Why an invitation in each of the other states cannot be accepted.
    UNUSABLE = {
        State.ACCEPTED: _("This invitation has already been used."),
        State.REVOKED: _("This invitation was withdrawn by whoever sent it."),
        State.EXPIRED: _("This invitation has expired: invitations are valid for 7 days."),
    }

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("company")
    )
    email = models.EmailField(_("email"))
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=Person.Role.choices,
        default=Person.Role.COLLEAGUE,
    )
    language = models.CharField(
        _("language of the invitation"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="fr",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires on"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"

    def clean(self) -> None:
        super().clean()
        if self.company_id and self.company.is_archived:
            # Archiving revoked its invitations; a new one would lead to no member area.
            raise ValidationError(
                {"company": _("This company is archived: restore it before inviting anyone.")}
            )
        if (
            self.company_id
            and self.email
            and Person.objects.filter(
                Q(email__iexact=self.email.strip()) | Q(user__email__iexact=self.email.strip()),
                company_id=self.company_id,
                user__isnull=False,
            ).exists()
        ):
            raise ValidationError(
                {"email": _("This person already has an account with this company.")}
            )

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def state(self) -> "Invitation.State":
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING
