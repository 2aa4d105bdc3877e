"""Reference lists: regions, provinces, employee bands, the classifications companies are
filed under, and the membership categories."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.fields import SingleLineField


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
    taxable = models.BooleanField(
        _("GST and QST apply"),
        default=True,
        help_text=_(
            "The association's accountant decides. A membership is exempt only when members "
            "receive nothing beyond voting rights, collective benefits and publications about "
            "the association; an association may also elect to tax its memberships."
        ),
    )

    class Meta:
        verbose_name = _("membership category")
        verbose_name_plural = _("membership categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name
