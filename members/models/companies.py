"""Companies: their profile, and the queries that work out their membership status."""

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from alliance.fields import SafeImageField, SingleLineField, WebsiteField
from alliance.text import fold
from members.models.memberships import (
    GOOD_STANDING,
    MANAGEABLE,
    Membership,
    MembershipStatus,
    membership_periods,
)
from members.models.reference import (
    CLASSIFICATION_FIELDS,
    Certification,
    EmployeeBand,
    EndMarket,
    Material,
    Process,
    Province,
    Region,
    Sector,
    ValueChainRole,
)
from members.validators import (
    normalize_neq,
    normalize_postal_code,
    validate_naics,
    validate_neq,
    validate_postal_code,
)

if TYPE_CHECKING:
    from members.models.people import Person


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
        periods = membership_periods(today)
        return self.alias(_latest_cancelled_on=Subquery(periods["latest_cancelled_on"])).annotate(
            status=Case(
                When(Exists(periods["in_force"]), then=Value(MembershipStatus.ACTIVE)),
                When(Exists(periods["in_grace"]), then=Value(MembershipStatus.GRACE)),
                When(
                    Exists(periods["future"]) | ~Exists(periods["any"]),
                    then=Value(MembershipStatus.PENDING),
                ),
                When(
                    Q(_latest_cancelled_on__isnull=False, _latest_cancelled_on__lte=today),
                    then=Value(MembershipStatus.CANCELLED),
                ),
                default=Value(MembershipStatus.LAPSED),
                output_field=models.CharField(choices=MembershipStatus.choices),
            )
        )

    def in_good_standing(self, today: dt.date | None = None) -> "CompanyQuerySet":
        """Members in good standing ``today``: active or in their grace period, and not
        archived. Their people read members-only content and may hold a seat, whether or
        not the company shows in the directory."""
        today = today or timezone.localdate()
        periods = membership_periods(today)
        # One EXISTS over both kinds of period, not two OR-ed: PostgreSQL then walks the
        # name index and probes each company's periods, instead of hashing the whole table.
        return self.not_archived().filter(Exists(periods["in_force"] | periods["in_grace"]))

    def in_directory(self, today: dt.date | None = None) -> "CompanyQuerySet":
        """The companies the public directory lists: members in good standing that did
        not choose to stay out of it."""
        return self.in_good_standing(today).filter(shown_in_directory=True)

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
    shown_in_directory = models.BooleanField(
        _("shown in the public directory"),
        default=True,
        help_text=_(
            "Untick to keep the company out of the public directory: it stays a member, "
            "and its people keep their full member access."
        ),
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
        return MembershipStatus(self.status).label

    @property
    def is_in_good_standing(self) -> bool:
        """Active or in grace, and not archived (needs the ``status`` annotation)."""
        return self.status in GOOD_STANDING and not self.is_archived

    @property
    def is_in_directory(self) -> bool:
        """In the public directory (needs the ``status`` annotation)."""
        return self.is_in_good_standing and self.shown_in_directory

    def can_be_managed_by(self, person: "Person") -> bool:
        """Whether ``person`` may change the profile and the people (needs ``status``):
        its administrators, while it is a member or about to be one."""
        from members.models.people import Person

        return (
            person.role == Person.Role.ADMIN and self.status in MANAGEABLE and not self.is_archived
        )

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def address_lines(self) -> list[str]:
        """The postal address as it is written, e.g. ["12, rue des Érables",
        "Saint-Georges (Québec) G5Y 1A1"]: on its page and on its invoices."""
        province = f"({self.get_province_display()})" if self.province else ""
        place = " ".join(part for part in (self.city, province, self.postal_code) if part)
        return [line for line in (self.street_address, place) if line]

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
