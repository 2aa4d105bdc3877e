"""Applications to join, sent from the public form."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.fields import SingleLineField, WebsiteField
from members.models.companies import Company
from members.models.reference import (
    Certification,
    EmployeeBand,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Province,
    Region,
    Sector,
    ValueChainRole,
)
from members.validators import validate_neq, validate_postal_code


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
        settings.AUTH_USER_MODEL,
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
