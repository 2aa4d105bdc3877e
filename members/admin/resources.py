"""Companies in and out of spreadsheets (CSV, Excel) with django-import-export.

Columns carry French or English headers (whichever the admin is shown in; an import
accepts either, or the bare field names), the French and English texts side by side, and
classifications by identifier. A company is matched on its NEQ, or on its slug when it has
none, so an exported file imported again changes nothing.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from members.models import CLASSIFICATION_FIELDS, Company, unique_company_slug
from members.validators import normalize_neq, normalize_postal_code

COLUMNS = {
    "neq": _("NEQ"),
    "name": _("Name"),
    "legal_name": _("Legal name"),
    "slug": _("Slug"),
    "description_fr": _("Description (French)"),
    "description_en": _("Description (English)"),
    "products_fr": _("Products and services (French)"),
    "products_en": _("Products and services (English)"),
    "website": _("Website"),
    "email": _("General email"),
    "phone": _("Phone"),
    "street_address": _("Street address"),
    "city": _("City"),
    "postal_code": _("Postal code"),
    "province": _("Province"),
    "region": _("Region (code)"),
    "employees": _("Employees"),
    "founded": _("Year founded"),
    "naics": _("SCIAN (NAICS) code"),
    "sectors": _("Sectors"),
    "roles": _("Roles in the value chain"),
    "processes": _("Processes"),
    "materials": _("Materials"),
    "markets": _("End markets"),
    "certifications": _("Certifications"),
}
SEPARATOR = "|"
TEXT_TRANSLATIONS = ("description_fr", "description_en", "products_fr", "products_en")
# A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) goes out
# behind a quote, which is taken off again on import: escaped, and still round-trips.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def unescape_formula(value):
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class TextWidget(widgets.CharWidget):
    """Empty cells are empty strings (the model's blank), never the text "None"."""

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


# diff-match-patch colours what an import changes with style attributes, which the
# Content-Security-Policy refuses; static/admin/apq-import-export.css colours them instead.
DIFF_STYLE = re.compile(r'<(ins|del) style="background:#[0-9a-f]{6};">')


class PreviewDiff(resources.Diff):
    def as_html(self):
        return [mark_safe(DIFF_STYLE.sub(r"<\1>", html)) for html in super().as_html()]


class CompanyResource(resources.ModelResource):
    neq = fields.Field(attribute="neq", column_name="neq", widget=TextWidget())
    founded = fields.Field(
        attribute="founded", column_name="founded", widget=widgets.IntegerWidget()
    )

    class Meta:
        model = Company
        fields = tuple(COLUMNS)
        export_order = tuple(COLUMNS)
        import_id_fields = ("neq",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name, field in self.fields.items():
            if name in CLASSIFICATION_FIELDS.values():
                model = Company._meta.get_field(name).related_model
                field.widget = widgets.ManyToManyWidget(model, field="slug", separator=SEPARATOR)
            elif name != "founded":
                field.widget = TextWidget()

    def get_diff_class(self):
        return PreviewDiff

    # --- Headers in either language -------------------------------------------------

    def get_export_headers(self, selected_fields=None):
        return [
            str(COLUMNS.get(name, name)) for name in super().get_export_headers(selected_fields)
        ]

    def get_diff_headers(self):
        return [str(COLUMNS.get(name, name)) for name in super().get_diff_headers()]

    def before_import(self, dataset, **kwargs):
        known = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                known.update({str(label).casefold(): key for key, label in COLUMNS.items()})
        known.update({key: key for key in COLUMNS})
        dataset.headers = [
            known.get(str(header or "").strip().casefold(), header) for header in dataset.headers
        ]
        super().before_import(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        for key in list(row.keys()):
            row[key] = unescape_formula(row[key])
        if "neq" in row:
            row["neq"] = normalize_neq(str(row["neq"] or "")) or None
        if row.get("postal_code"):
            row["postal_code"] = normalize_postal_code(str(row["postal_code"]))
        super().before_import_row(row, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # modeltranslation leaves an untouched translation empty as NULL; the file has "".
        for name in TEXT_TRANSLATIONS:
            for obj in (instance, original):
                if getattr(obj, name) is None:
                    setattr(obj, name, "")
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # A new company without a slug column gets one from its name, as when saved.
        if not instance.slug and instance.name:
            instance.slug = unique_company_slug(instance.name, exclude_pk=instance.pk)
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def get_instance(self, instance_loader, row):
        if row.get("neq"):
            return Company.objects.filter(neq=row["neq"]).first()
        if row.get("slug"):
            return Company.objects.filter(slug=row["slug"], neq__isnull=True).first()
        return None

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute == "neq" and not row.get("neq"):
            instance.neq = None
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))
