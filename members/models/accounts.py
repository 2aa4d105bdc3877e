"""Accounts: the people who log in, and the trace an account leaves when it is closed."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.fields import SingleLineField
from members.models.people import Person


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def with_verified_email(self, email: str) -> "models.QuerySet[User]":
        """The account that verified ``email`` (at most one: allauth keeps verified
        addresses unique). An address added to an account but never confirmed may be
        anyone's: it never receives a login code or a password reset for that account,
        never accepts an invitation, and never counts as "already has an account"."""
        return self.filter(emailaddress__email__iexact=email.strip(), emailaddress__verified=True)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who can log in; the email address is the login, there is no username."""

    email = models.EmailField(_("email"), unique=True)
    first_name = SingleLineField(_("first name"), max_length=150, blank=True)
    last_name = SingleLineField(_("last name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="fr",
    )
    is_staff = models.BooleanField(
        _("staff"),
        default=False,
        help_text=_("Can log into the admin site."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick this instead of deleting the account."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    privacy_consented_at = models.DateTimeField(
        _("privacy policy accepted on"), null=True, blank=True, editable=False
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="members_user_email_ci_unique",
                violation_error_message=_("An account already exists with this email address."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()
        self.email = type(self).objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email


class AccountClosure(models.Model):
    """Someone closed their account and their personal data was erased (Law 25): staff
    see which company lost a person, and whether it still has an administrator. Nothing
    here identifies the person."""

    closed_at = models.DateTimeField(_("closed on"), default=timezone.now)
    company = models.ForeignKey(
        "members.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_closures",
        verbose_name=_("company"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Person.Role.choices, blank=True)
    left_without_admin = models.BooleanField(_("company left without administrator"))

    class Meta:
        verbose_name = _("closed account")
        verbose_name_plural = _("closed accounts")
        ordering = ["-closed_at"]

    def __str__(self) -> str:
        return f"{self.closed_at:%Y-%m-%d} — {self.company or '—'}"
