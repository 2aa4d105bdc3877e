import datetime as dt
import hashlib
import os

import reversion
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from alliance.fields import RichTextField, SafeImageField, SingleLineField, WebsiteField
from alliance.images import file_too_large
from alliance.text import fold
from members.access import acts_as_staff, can_read_members_content
from members.validators import (
    normalize_neq,
    normalize_postal_code,
    validate_naics,
    validate_neq,
    validate_postal_code,
)


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


# --- Reference lists ------------------------------------------------------------


class Region(models.TextChoices):
    """Québec's 17 administrative regions, with their official codes."""

    BAS_SAINT_LAURENT = "01", "Bas-Saint-Laurent"
    SAGUENAY_LAC_SAINT_JEAN = "02", "Saguenay–Lac-Saint-Jean"
    CAPITALE_NATIONALE = "03", "Capitale-Nationale"
    MAURICIE = "04", "Mauricie"
    ESTRIE = "05", "Estrie"
    MONTREAL = "06", "Montréal"
    OUTAOUAIS = "07", "Outaouais"
    ABITIBI_TEMISCAMINGUE = "08", "Abitibi-Témiscamingue"
    COTE_NORD = "09", "Côte-Nord"
    NORD_DU_QUEBEC = "10", "Nord-du-Québec"
    GASPESIE = "11", "Gaspésie–Îles-de-la-Madeleine"
    CHAUDIERE_APPALACHES = "12", "Chaudière-Appalaches"
    LAVAL = "13", "Laval"
    LANAUDIERE = "14", "Lanaudière"
    LAURENTIDES = "15", "Laurentides"
    MONTEREGIE = "16", "Montérégie"
    CENTRE_DU_QUEBEC = "17", "Centre-du-Québec"


class Province(models.TextChoices):
    QC = "QC", _("Québec")
    ON = "ON", _("Ontario")
    NB = "NB", _("New Brunswick")
    NS = "NS", _("Nova Scotia")
    PE = "PE", _("Prince Edward Island")
    NL = "NL", _("Newfoundland and Labrador")
    MB = "MB", _("Manitoba")
    SK = "SK", _("Saskatchewan")
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    YT = "YT", _("Yukon")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")


class EmployeeBand(models.TextChoices):
    B1 = "1-9", _("1 to 9")
    B10 = "10-49", _("10 to 49")
    B50 = "50-99", _("50 to 99")
    B100 = "100-249", _("100 to 249")
    B250 = "250-499", _("250 to 499")
    B500 = "500+", _("500 or more")


class Classification(models.Model):
    """A translated term staff manage in the admin and companies are filed under."""

    name = SingleLineField(_("name"), max_length=120)
    # Language-neutral: it is what the directory's address carries (?process=extrusion),
    # so a link shared from the French page works on the English one.
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Sector(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class ValueChainRole(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("role in the value chain")
        verbose_name_plural = _("roles in the value chain")


class Process(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("process")
        verbose_name_plural = _("processes")


class Material(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class EndMarket(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("end market")
        verbose_name_plural = _("end markets")


class Certification(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")


# The directory's filters, in the order shown: query parameter → company field.
CLASSIFICATION_FIELDS = {
    "sector": "sectors",
    "role": "roles",
    "process": "processes",
    "material": "materials",
    "market": "markets",
    "certification": "certifications",
}


class MembershipCategory(models.Model):
    name = SingleLineField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    annual_fee = models.DecimalField(_("yearly fee"), max_digits=8, decimal_places=2)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_open = models.BooleanField(
        _("offered on the application form"),
        default=True,
    )

    class Meta:
        verbose_name = _("membership category")
        verbose_name_plural = _("membership categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


# --- Companies and their membership status -------------------------------------


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACTIVE = "active", _("Active")
    GRACE = "grace", _("Grace period")
    LAPSED = "lapsed", _("Lapsed")
    CANCELLED = "cancelled", _("Cancelled")


IN_DIRECTORY = (Status.ACTIVE, Status.GRACE)
# A company's own people may change its profile and invite while it is a member, or
# about to be one.
MANAGEABLE = (*IN_DIRECTORY, Status.PENDING)


def grace_days() -> int:
    return settings.MEMBERSHIP_GRACE_DAYS


def _periods(today: dt.date):
    """Membership periods of the outer company, in the terms the status is made of."""
    company_periods = Membership.objects.filter(company=OuterRef("pk"))
    not_cancelled = Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=today)
    return {
        "in_force": company_periods.filter(not_cancelled, start__lte=today, end__gte=today),
        "in_grace": company_periods.filter(
            cancelled_on__isnull=True,
            end__lt=today,
            end__gte=today - dt.timedelta(days=grace_days()),
        ),
        "future": company_periods.filter(cancelled_on__isnull=True, start__gt=today),
        "latest_cancelled_on": company_periods.order_by("-end", "-start").values("cancelled_on")[
            :1
        ],
        "any": company_periods,
    }


# Changed in the member area since staff last opened the company in the admin.
CHANGED_BY_MEMBERS = Q(member_edited_at__isnull=False) & (
    Q(staff_reviewed_at__isnull=True) | Q(member_edited_at__gt=F("staff_reviewed_at"))
)


# How much of a company's folded text is searched. PostgreSQL refuses a full-text vector
# over 1 MB, which a megabyte of distinct words would give; the forms' limits keep a
# company's text far below this, and the database trigger that builds the vector cuts its
# input at the same length whatever wrote the row (migration 0013).
SEARCH_TEXT_LENGTH = 100_000


class CompanyQuerySet(models.QuerySet):
    """A company's status is worked out here, from its membership periods and today's
    date, and nowhere else: it is never stored, so it is never stale."""

    def with_status(self, today: dt.date | None = None) -> "CompanyQuerySet":
        """Annotate ``status``: active while a period runs (first to last day), in grace
        for ``MEMBERSHIP_GRACE_DAYS`` after the last one ended, pending when the only
        periods are still to come (or none yet), cancelled when the latest period was
        cancelled, lapsed otherwise."""
        today = today or timezone.localdate()
        periods = _periods(today)
        return self.alias(_latest_cancelled_on=Subquery(periods["latest_cancelled_on"])).annotate(
            status=Case(
                When(Exists(periods["in_force"]), then=Value(Status.ACTIVE)),
                When(Exists(periods["in_grace"]), then=Value(Status.GRACE)),
                When(
                    Exists(periods["future"]) | ~Exists(periods["any"]),
                    then=Value(Status.PENDING),
                ),
                When(
                    Q(_latest_cancelled_on__isnull=False, _latest_cancelled_on__lte=today),
                    then=Value(Status.CANCELLED),
                ),
                default=Value(Status.LAPSED),
                output_field=models.CharField(choices=Status.choices),
            )
        )

    def in_directory(self, today: dt.date | None = None) -> "CompanyQuerySet":
        """The companies the public directory lists: active or in their grace period."""
        today = today or timezone.localdate()
        periods = _periods(today)
        # One EXISTS over both kinds of period, not two OR-ed: PostgreSQL then walks the
        # name index and probes each company's periods, instead of hashing the whole table.
        return self.not_archived().filter(Exists(periods["in_force"] | periods["in_grace"]))

    def not_archived(self) -> "CompanyQuerySet":
        return self.filter(archived_at__isnull=True)

    def archived(self) -> "CompanyQuerySet":
        """Companies staff archived instead of deleting: kept with their history, out of
        the directory and of the member area."""
        return self.filter(archived_at__isnull=False)

    def changed_by_members(self) -> "CompanyQuerySet":
        """Companies whose people changed the profile since staff last opened it."""
        return self.filter(CHANGED_BY_MEMBERS)

    def with_changed_flag(self) -> "CompanyQuerySet":
        """Annotate ``changed_since_review`` (see ``changed_by_members``)."""
        return self.annotate(
            changed_since_review=ExpressionWrapper(
                CHANGED_BY_MEMBERS, output_field=models.BooleanField()
            )
        )

    def same_as(self, *, neq: str | None = None, name: str = "") -> "CompanyQuerySet":
        """Companies that are this one: the same NEQ, or the same name whatever the accents,
        case and punctuation ("Plastiques Ébène inc." = "PLASTIQUES EBENE INC")."""
        same = Q(pk__in=[])
        if neq:
            same |= Q(neq=normalize_neq(neq))
        if name:
            same |= Q(sort_name=fold(name)[:200])
        return self.filter(same)

    def with_current_period(self, today: dt.date | None = None) -> "CompanyQuerySet":
        """Annotate the period that matters now (running, else the latest started one):
        ``period_end``, ``period_paid_on`` and ``period_category_id``."""
        today = today or timezone.localdate()
        latest = Membership.objects.filter(company=OuterRef("pk"), start__lte=today).order_by(
            "-end"
        )
        return self.annotate(
            period_end=Subquery(latest.values("end")[:1]),
            period_paid_on=Subquery(latest.values("paid_on")[:1]),
            period_category_id=Subquery(latest.values("category_id")[:1]),
        )

    def ending_within(self, days: int, today: dt.date | None = None) -> "CompanyQuerySet":
        today = today or timezone.localdate()
        return self.filter(
            Exists(
                Membership.objects.filter(
                    company=OuterRef("pk"),
                    cancelled_on__isnull=True,
                    start__lte=today,
                    end__gte=today,
                    end__lte=today + dt.timedelta(days=days),
                )
            )
        ).exclude(
            # Already renewed: a later period follows.
            Exists(
                Membership.objects.filter(
                    company=OuterRef("pk"), cancelled_on__isnull=True, start__gt=today
                )
            )
        )

    def search(self, query: str) -> "CompanyQuerySet":
        """Companies whose name, legal name, city, description or products hold every word
        of the query, whatever the accents and case."""
        from members.search import search_companies

        return search_companies(self, query)


def company_logo_path(instance: "Company", filename: str) -> str:
    return f"members/logos/{filename}"


# Like article covers (news.models.Article), logos stay when replaced or deleted: the
# history may bring back an older version, which must find its logo.
@cleanup.ignore
class Company(models.Model):
    name = SingleLineField(
        _("name"), max_length=200, help_text=_("The name the company is known by.")
    )
    legal_name = SingleLineField(
        _("legal name"), max_length=200, blank=True, help_text=_("As in the enterprise register.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The end of the company's address in the directory."),
    )
    neq = SingleLineField(
        _("Québec enterprise number (NEQ)"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_neq],
        error_messages={"unique": _("Another company already has this NEQ.")},
    )
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    products = models.TextField(_("products and services"), max_length=5000, blank=True)
    website = WebsiteField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("general email"), blank=True)
    phone = SingleLineField(_("phone"), max_length=40, blank=True)
    street_address = SingleLineField(_("street address"), max_length=200, blank=True)
    city = SingleLineField(_("city"), max_length=100, blank=True)
    postal_code = SingleLineField(
        _("postal code"), max_length=7, blank=True, validators=[validate_postal_code]
    )
    province = models.CharField(
        _("province"), max_length=2, choices=Province.choices, default=Province.QC, blank=True
    )
    region = models.CharField(
        _("administrative region"),
        max_length=2,
        choices=Region.choices,
        blank=True,
        help_text=_("Empty for a company outside Québec."),
    )
    logo = SafeImageField(
        _("logo"),
        upload_to=company_logo_path,
        blank=True,
        help_text=_("JPEG, PNG or WebP, 10 MB at most."),
    )
    logo_small = ImageSpecField(
        source="logo",
        processors=[ResizeToFit(160, 160)],
        format="PNG",
    )
    logo_large = ImageSpecField(
        source="logo",
        processors=[ResizeToFit(480, 480)],
        format="PNG",
    )
    employees = models.CharField(
        _("employees"), max_length=10, choices=EmployeeBand.choices, blank=True
    )
    founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    naics = models.CharField(
        _("SCIAN (NAICS) code"), max_length=6, blank=True, validators=[validate_naics]
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="companies", verbose_name=_("sectors")
    )
    roles = models.ManyToManyField(
        ValueChainRole,
        blank=True,
        related_name="companies",
        verbose_name=_("roles in the value chain"),
    )
    processes = models.ManyToManyField(
        Process, blank=True, related_name="companies", verbose_name=_("processes")
    )
    materials = models.ManyToManyField(
        Material, blank=True, related_name="companies", verbose_name=_("materials")
    )
    markets = models.ManyToManyField(
        EndMarket, blank=True, related_name="companies", verbose_name=_("end markets")
    )
    certifications = models.ManyToManyField(
        Certification, blank=True, related_name="companies", verbose_name=_("certifications")
    )
    staff_notes = models.TextField(
        _("staff notes"),
        max_length=20_000,
        blank=True,
        help_text=_("Private: never shown outside the admin."),
    )
    # Derived on save from the fields above (see ``index_text``); not edited by anyone.
    sort_name = models.CharField(max_length=200, editable=False, db_index=True, default="")
    search_text = models.TextField(editable=False, default="")  # SEARCH_TEXT_LENGTH at most
    # PostgreSQL only: ``search_text`` as a full-text vector, kept by a database trigger
    # (migration 0004) so no write path can forget it. Always empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # When a company's own people last changed its profile in the member area, and when
    # staff last opened it in the admin: the admin flags the first when it is later.
    member_edited_at = models.DateTimeField(
        _("profile changed by the company on"), null=True, blank=True, editable=False
    )
    staff_reviewed_at = models.DateTimeField(
        _("last opened by staff on"), null=True, blank=True, editable=False
    )
    # A company is archived, never deleted, once it has a history (see company_archive).
    archived_at = models.DateTimeField(_("archived on"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["sort_name", "pk"]
        # A spreadsheet of every company, or one that writes many at once, is more than
        # viewing or editing one: staff get these separately (IMPORT_EXPORT_*_PERMISSION_CODE).
        permissions = [
            ("import_company", _("Can import companies from a spreadsheet")),
            ("export_company", _("Can export companies to a spreadsheet")),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.neq = normalize_neq(self.neq) or None
        if not self.slug:
            self.slug = unique_company_slug(self.name)
        self.index_text()
        if update_fields := kwargs.get("update_fields"):
            kwargs["update_fields"] = {*update_fields, "sort_name", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("members:company-detail", kwargs={"slug": self.slug})

    def get_status_display(self) -> str:
        """The label of ``status``, which ``Company.objects.with_status()`` annotates."""
        return Status(self.status).label

    @property
    def is_listed(self) -> bool:
        """In the public directory (needs the ``status`` annotation)."""
        return self.status in IN_DIRECTORY and not self.is_archived

    def can_be_managed_by(self, person: "Representative") -> bool:
        """Whether ``person`` may change the profile and the people (needs ``status``):
        its administrators, while it is a member or about to be one."""
        return (
            person.role == Representative.Role.ADMIN
            and self.status in MANAGEABLE
            and not self.is_archived
        )

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def clean(self) -> None:
        super().clean()
        self.neq = normalize_neq(self.neq) or None
        self.postal_code = normalize_postal_code(self.postal_code)
        if self.region and self.province and self.province != Province.QC:
            raise ValidationError(
                {"region": _("Only a company in Québec has a Québec administrative region.")}
            )

    def classifications(self) -> list[tuple[str, models.QuerySet]]:
        """Each classification list with its label, in the directory's order."""
        return [
            (capfirst(self._meta.get_field(field).verbose_name), getattr(self, field).all())
            for field in CLASSIFICATION_FIELDS.values()
        ]

    def index_text(self) -> None:
        """Fill the folded copies the directory sorts and searches on."""
        self.sort_name = fold(self.name)[:200]
        parts = [self.name, self.legal_name, self.city]
        for lang, _name in settings.LANGUAGES:
            parts += [
                getattr(self, f"description_{lang}", ""),
                getattr(self, f"products_{lang}", ""),
            ]
        text = fold(" ".join(part for part in parts if part))
        if len(text) > SEARCH_TEXT_LENGTH:
            text = text[:SEARCH_TEXT_LENGTH].rsplit(" ", 1)[0]
        self.search_text = text


def unique_company_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(fold(name))[:190] or "entreprise"
    slug, n = base, 2
    taken = Company.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Membership(models.Model):
    """One membership period of one company. Renewing adds a period; old ones stay."""

    # A period is a record of membership and payment: a company that has one is archived,
    # never deleted (see company_archive).
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("company")
    )
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("category"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), help_text=_("The last day the membership is in force."))
    fee = models.DecimalField(_("fee"), max_digits=8, decimal_places=2)
    invoice_reference = SingleLineField(_("invoice"), max_length=60, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    cancelled_on = models.DateField(
        _("cancelled on"),
        null=True,
        blank=True,
        help_text=_(
            "The membership ends on this day, with no grace period (resignation, exclusion)."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["-start"]
        indexes = [models.Index(fields=["company", "end", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="members_membership_end_after_start",
                violation_error_message=_("A period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} — {self.start:%Y-%m-%d} → {self.end:%Y-%m-%d}"

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.company_id:
            overlapping = Membership.objects.filter(
                company_id=self.company_id, start__lte=self.end, end__gte=self.start
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    _("This period overlaps another membership period of the company.")
                )

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None


class RepresentativeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RepresentativeQuerySet":
        """The people a visitor may see in the directory, as each of them chose."""
        shown = [Representative.Visibility.PUBLIC]
        if can_read_members_content(user):
            shown.append(Representative.Visibility.MEMBERS)
        return self.filter(visibility__in=shown)


class Representative(models.Model):
    """A person at a company: its contacts in the directory and, with an account, the
    people who keep its profile current."""

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
        related_name="representatives",
        verbose_name=_("company"),
    )
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representations",
        verbose_name=_("account"),
    )
    first_name = SingleLineField(_("first name"), max_length=150)
    last_name = SingleLineField(_("last name"), max_length=150)
    email = models.EmailField(_("email"))
    job_title = SingleLineField(_("job title"), max_length=150, blank=True)
    phone = SingleLineField(_("phone"), max_length=40, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.COLLEAGUE)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    visibility = models.CharField(
        _("shown in the directory to"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    visibility_changed_at = models.DateTimeField(_("visibility chosen on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RepresentativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                "company",
                Lower("email"),
                name="members_representative_company_email_unique",
                violation_error_message=_("This person is already listed for this company."),
            ),
            models.UniqueConstraint(
                fields=["company", "user"],
                condition=Q(user__isnull=False),
                name="members_representative_company_user_unique",
                violation_error_message=_("This account is already linked to this company."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def company_is_listed(self) -> bool:
        """Whether this person's company is a member today (active or in grace)."""
        return Company.objects.in_directory().filter(pk=self.company_id).exists()


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
        choices=Representative.Role.choices,
        default=Representative.Role.COLLEAGUE,
    )
    language = models.CharField(
        _("language of the invitation"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="fr",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User,
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
        User,
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
            and Representative.objects.filter(
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


class Application(models.Model):
    """A request to join, sent from the public form and decided by staff."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("To decide")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    # The company, as the applicant described it.
    company_name = SingleLineField(_("company name"), max_length=200)
    legal_name = SingleLineField(_("legal name"), max_length=200, blank=True)
    neq = SingleLineField(
        _("Québec enterprise number (NEQ)"), max_length=10, blank=True, validators=[validate_neq]
    )
    website = WebsiteField(_("website"), max_length=300, blank=True)
    company_email = models.EmailField(_("general email"), blank=True)
    company_phone = SingleLineField(_("phone"), max_length=40, blank=True)
    street_address = SingleLineField(_("street address"), max_length=200)
    city = SingleLineField(_("city"), max_length=100)
    postal_code = SingleLineField(_("postal code"), max_length=7, validators=[validate_postal_code])
    province = models.CharField(
        _("province"), max_length=2, choices=Province.choices, default=Province.QC
    )
    region = models.CharField(
        _("administrative region"), max_length=2, choices=Region.choices, blank=True
    )
    employees = models.CharField(
        _("employees"), max_length=10, choices=EmployeeBand.choices, blank=True
    )
    description = models.TextField(_("what the company does"), max_length=2000)
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("sectors"))
    roles = models.ManyToManyField(
        ValueChainRole, blank=True, verbose_name=_("roles in the value chain")
    )
    processes = models.ManyToManyField(Process, blank=True, verbose_name=_("processes"))
    materials = models.ManyToManyField(Material, blank=True, verbose_name=_("materials"))
    markets = models.ManyToManyField(EndMarket, blank=True, verbose_name=_("end markets"))
    certifications = models.ManyToManyField(
        Certification, blank=True, verbose_name=_("certifications")
    )
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("membership category"),
    )
    # The contact person, who becomes the company's first administrator.
    first_name = SingleLineField(_("first name"), max_length=150)
    last_name = SingleLineField(_("last name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = SingleLineField(_("phone"), max_length=40, blank=True)
    job_title = SingleLineField(_("job title"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    consented_at = models.DateTimeField(_("privacy policy accepted on"))
    submitted_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        max_length=5000,
        blank=True,
        help_text=_("Sent to the applicant. Required to reject an application."),
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("company created"),
    )

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return self.company_name

    @property
    def contact_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class RenewalReminder(models.Model):
    """A renewal reminder sent to one person about one period, so none is sent twice."""

    class Kind(models.TextChoices):
        ENDING = "ending", _("Membership ending soon")
        LAPSED = "lapsed", _("Membership lapsed")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("reminder"), max_length=10, choices=Kind.choices)
    email = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("renewal reminder")
        verbose_name_plural = _("renewal reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "kind", "email"], name="members_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.email}"


class AccountClosure(models.Model):
    """Someone closed their account and their personal data was erased (Law 25): staff
    see which company lost a person, and whether it still has an administrator. Nothing
    here identifies the person."""

    closed_at = models.DateTimeField(_("closed on"), default=timezone.now)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_closures",
        verbose_name=_("company"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=Representative.Role.choices, blank=True
    )
    left_without_admin = models.BooleanField(_("company left without administrator"))

    class Meta:
        verbose_name = _("closed account")
        verbose_name_plural = _("closed accounts")
        ordering = ["-closed_at"]

    def __str__(self) -> str:
        return f"{self.closed_at:%Y-%m-%d} — {self.company or '—'}"


# --- Committees ---------------------------------------------------------------------------


# Committee documents live outside MEDIA_ROOT, with no URL of their own: the only way to
# them is members.committee_views.document, which checks who is asking.
class PrivateStorage(FileSystemStorage):
    """Files with no public URL (``url()`` refuses), in ``PRIVATE_MEDIA_ROOT`` — read
    each time, so that tests can move it."""

    def __init__(self, **kwargs):
        super().__init__(base_url=None, **kwargs)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL: link to the view that checks access.")


private_storage = PrivateStorage()


class DocumentFieldFile(FieldFile):
    @property
    def url(self) -> str:
        """The download view, which checks who asks; the storage has no address."""
        self._require_file()
        return self.instance.get_absolute_url()


class DocumentFileField(models.FileField):
    attr_class = DocumentFieldFile


DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"]


class StrategicAxis(models.TextChoices):
    """The three axes of the association's five-year strategic plan."""

    SALES = "sales", _("Sales and market development")
    INNOVATION = "innovation", _("Innovation and sustainable development")
    VISIBILITY = "visibility", _("The sector's visibility (rayonnement)")


class CommitteeQuerySet(models.QuerySet):
    def sat_on_by(self, user) -> "CommitteeQuerySet":
        """The committees where ``user`` holds a seat in force."""
        return self.filter(pk__in=Seat.objects.in_force().held_by(user).values("committee"))


# Kept in the history like articles and companies: a committee's revision holds its seats,
# its meetings and their documents, which the admin edits on the committee's page.
@reversion.register(follow=("seats", "meetings", "documents"))
class Committee(models.Model):
    """One of the industrial sub-committees, one per axis of the strategic plan. Its seats,
    meetings and documents are its history: they keep it from being deleted."""

    name = SingleLineField(_("name"), max_length=150)
    # Language-neutral, like the classifications: /fr/comites/<slug>/ = /en/committees/<slug>/.
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    axis = models.CharField(_("strategic axis"), max_length=20, choices=StrategicAxis.choices)
    mandate = models.TextField(_("mandate"), max_length=10_000)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committees:detail", kwargs={"slug": self.slug})


class SeatQuerySet(models.QuerySet):
    def current(self, today: dt.date | None = None) -> "SeatQuerySet":
        """Seats whose term runs today (a term without an end runs on)."""
        today = today or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=today), start__lte=today)

    def with_company_listed(self, today: dt.date | None = None) -> "SeatQuerySet":
        """Annotate ``company_listed``: whether the person's company is active or in
        grace. Staff secretaries have no company: always true for them."""
        listed = Company.objects.in_directory(today).filter(pk=OuterRef("person__company_id"))
        return self.annotate(
            company_listed=Case(
                When(person__isnull=True, then=Value(True)),
                default=Exists(listed),
                output_field=models.BooleanField(),
            )
        )

    def in_force(self, on: dt.date | None = None) -> "SeatQuerySet":
        """Seats running ``on`` that day (today) whose holder's company is a member: the
        seats that open a committee's documents and meetings."""
        return self.current(on).with_company_listed().filter(company_listed=True)

    def held_by(self, user) -> "SeatQuerySet":
        """The seats of ``user``: through their rows at companies, or as staff."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(person__user=user) | Q(staff_member=user))


@reversion.register()
class Seat(models.Model):
    """A person's seat on a committee for a term. Past terms stay as history."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary (staff)")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="seats", verbose_name=_("committee")
    )
    person = models.ForeignKey(
        Representative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="seats",
        verbose_name=_("person of a member company"),
    )
    staff_member = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="secretary_seats",
        limit_choices_to={"is_staff": True},
        verbose_name=_("staff member"),
        help_text=_("For the staff secretary only."),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    start = models.DateField(_("start of term"), default=timezone.localdate)
    end = models.DateField(_("end of term"), null=True, blank=True)

    objects = SeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["committee", "role", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee"],
                condition=Q(role="chair", end__isnull=True),
                name="members_seat_one_open_chair",
                violation_error_message=_("The committee already has a chair during this term."),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="members_seat_end_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(role="secretary", person__isnull=True, staff_member__isnull=False)
                    | (~Q(role="secretary") & Q(person__isnull=False, staff_member__isnull=True))
                ),
                name="members_seat_holder",
                violation_error_message=_(
                    "The secretary is a staff member; every other seat is held by a person "
                    "of a member company."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} — {self.committee}"

    @classmethod
    def from_db(cls, db, field_names, values):
        seat = super().from_db(db, field_names, values)
        seat._stored = (seat.person_id, seat.committee_id, seat.end)
        return seat

    @property
    def holder(self) -> "Representative | User | None":
        """Who holds the seat: a company's person, or the staff member (secretary)."""
        return self.person or self.staff_member

    @property
    def holder_name(self) -> str:
        return self.person.full_name if self.person else str(self.staff_member or "")

    @property
    def holder_language(self) -> str:
        """The language to write to the holder in: their account's, else their row's."""
        account = self.person.user if self.person else self.staff_member
        return (account or self.holder).preferred_language

    def overlapping(self) -> "SeatQuerySet":
        """Other seats on the same committee whose term overlaps this one's."""
        seats = Seat.objects.filter(committee_id=self.committee_id).exclude(pk=self.pk)
        if self.end:
            seats = seats.filter(start__lte=self.end)
        return seats.filter(Q(end__isnull=True) | Q(end__gte=self.start))

    def clean(self) -> None:
        super().clean()
        if not self.start or (self.end and self.end < self.start):
            return
        errors = {}
        if self.person_id and self._gives_a_seat() and not self.person.company_is_listed():
            errors["person"] = _(
                "Only people of companies whose membership is active or in grace can be "
                "given a seat."
            )
        if self.committee_id:
            others = self.overlapping()
            if self.person_id and others.filter(person_id=self.person_id).exists():
                errors["start"] = _(
                    "This person already has a seat on this committee during this term."
                )
            if self.role == self.Role.CHAIR and others.filter(role=self.Role.CHAIR).exists():
                errors["role"] = _("The committee already has a chair during this term.")
        if errors:
            raise ValidationError(errors)

    def _gives_a_seat(self) -> bool:
        """Whether saving would give a running seat: a new one, one moved to another person
        or committee, or one whose term is extended. Editing a seat whose company has
        since lapsed (to end it) gives nothing; past terms are history."""
        if self.end and self.end < timezone.localdate():
            return False
        stored = getattr(self, "_stored", None)
        if stored is None:
            return True
        person_id, committee_id, end = stored
        extended = end is not None and (self.end is None or self.end > end)
        return (self.person_id, self.committee_id) != (person_id, committee_id) or extended


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now: dt.datetime | None = None) -> "MeetingQuerySet":
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now: dt.datetime | None = None) -> "MeetingQuerySet":
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


@reversion.register(follow=("documents",))
class Meeting(models.Model):
    """A committee meeting. Times are stored in UTC and shown in Québec time."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("committee")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = SingleLineField(_("place"), max_length=200, blank=True)
    video_url = WebsiteField(_("video link"), blank=True)
    agenda = RichTextField(_("agenda"), max_length=50_000, blank=True)
    summary = models.TextField(
        _("public summary"),
        max_length=20_000,
        blank=True,
        help_text=_("Shown to everyone on the committee page."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    notice_sent_at = models.DateTimeField(_("notice sent on"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="members_meeting_ends_after_start",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.committee} — {local:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.documents.exclude(committee_id=self.committee_id).update(
            committee_id=self.committee_id
        )


class DocumentQuerySet(models.QuerySet):
    def readable_by(self, user) -> "DocumentQuerySet":
        """The documents ``user`` may open: public ones; members' ones for people of
        member companies (and staff); a committee's own ones for its current members
        (and staff)."""
        if acts_as_staff(user):
            return self
        allowed = Q(access=Document.Access.PUBLIC)
        if can_read_members_content(user):
            allowed |= Q(access=Document.Access.MEMBERS)
            allowed |= Q(
                access=Document.Access.COMMITTEE, committee__in=Committee.objects.sat_on_by(user)
            )
        return self.filter(allowed)


def document_path(instance: "Document", filename: str) -> str:
    return f"committees/{instance.committee.slug}/{filename}"


@reversion.register()
class Document(models.Model):
    """A committee's document (minutes, presentation…): stored outside the public media
    folder and served only through a view that checks ``access`` on every download."""

    class Access(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members")
        COMMITTEE = "committee", _("Committee only")

    class Kind(models.TextChoices):
        MINUTES = "minutes", _("Minutes")
        AGENDA = "agenda", _("Agenda")
        OTHER = "other", _("Other document")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="documents", verbose_name=_("committee")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    title = SingleLineField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    access = models.CharField(
        _("who can open it"), max_length=10, choices=Access.choices, default=Access.COMMITTEE
    )
    file = DocumentFileField(
        _("file"),
        upload_to=document_path,
        storage=private_storage,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
        help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument, 20 MB at most."),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-added_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.meeting_id:
            self.committee_id = self.meeting.committee_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("committees:document", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        if self.meeting_id:
            self.committee_id = self.meeting.committee_id  # a meeting's documents are its
        limit = settings.DOCUMENT_UPLOAD_MAX_BYTES
        if self.file and not self.file._committed and self.file.size > limit:
            raise ValidationError({"file": file_too_large(self.file, limit)})
