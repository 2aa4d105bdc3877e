from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alliance.text import fold
from members.models import (
    CLASSIFICATION_FIELDS,
    Application,
    Company,
    MembershipCategory,
)
from members.validators import normalize_neq, normalize_postal_code

SPAM_MESSAGE = _(
    "Your application could not be sent: it looks like it was filled in automatically. "
    "If that is a mistake, write to us by email."
)


# The form as people see it: legend, help, fields.
SECTIONS = [
    (
        _("The company"),
        "",
        [
            "company_name",
            "legal_name",
            "neq",
            "website",
            "company_email",
            "company_phone",
            "street_address",
            "city",
            "postal_code",
            "province",
            "region",
            "employees",
            "description",
        ],
    ),
    (_("What the company does"), "", list(CLASSIFICATION_FIELDS.values())),
    (_("Membership"), "", ["category"]),
    (
        _("Contact person"),
        _("This person will manage the company's profile on the portal."),
        ["first_name", "last_name", "email", "phone", "job_title"],
    ),
]


class ApplicationForm(forms.ModelForm):
    """The public form to join. Besides the model's checks it catches a company that is
    already a member or has already applied, and submissions made by robots."""

    # A field people never see (hidden by CSS, skipped by screen readers and the keyboard)
    # and robots fill in. Named like something a robot would want to fill.
    fax = forms.CharField(required=False, label=_("Leave this field empty"))
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("You must accept the privacy policy to apply.")},
    )

    class Meta:
        model = Application
        fields = [name for _legend, _help, names in SECTIONS for name in names]
        widgets = {
            **{field: forms.CheckboxSelectMultiple for field in CLASSIFICATION_FIELDS.values()},
            "category": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = MembershipCategory.objects.filter(is_open=True)
        self.fields["category"].empty_label = None
        self.fields["consent"].label = format_html(
            _('I have read and accept the <a href="{url}">privacy policy</a>.'),
            url=reverse("pages:privacy"),
        )
        for name, token in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        self.fields["fax"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def sections(self) -> list[tuple]:
        return [(legend, help, [self[name] for name in names]) for legend, help, names in SECTIONS]

    def clean_fax(self) -> str:
        if self.cleaned_data.get("fax"):
            raise forms.ValidationError(SPAM_MESSAGE, code="spam")
        return ""

    def clean_neq(self) -> str:
        neq = normalize_neq(self.cleaned_data.get("neq", ""))
        if neq and Company.objects.same_as(neq=neq).exists():
            raise forms.ValidationError(ALREADY_MEMBER, code="duplicate")
        if (
            neq
            and Application.objects.filter(neq=neq, decision=Application.Decision.PENDING).exists()
        ):
            raise forms.ValidationError(ALREADY_APPLIED, code="duplicate")
        return neq

    def clean_company_name(self) -> str:
        name = self.cleaned_data["company_name"].strip()
        if Company.objects.same_as(name=name).exists():
            raise forms.ValidationError(ALREADY_MEMBER, code="duplicate")
        folded = fold(name)
        pending = Application.objects.filter(decision=Application.Decision.PENDING)
        if any(fold(other) == folded for other in pending.values_list("company_name", flat=True)):
            raise forms.ValidationError(ALREADY_APPLIED, code="duplicate")
        return name

    def clean_postal_code(self) -> str:
        return normalize_postal_code(self.cleaned_data.get("postal_code", ""))

    def save(self, commit: bool = True) -> Application:
        self.instance.consented_at = timezone.now()
        return super().save(commit=commit)

    def classifications(self) -> dict:
        return {field: self.cleaned_data[field] for field in CLASSIFICATION_FIELDS.values()}


AUTOCOMPLETE = {
    "company_name": "organization",
    "website": "url",
    "company_email": "email",
    "company_phone": "tel",
    "street_address": "street-address",
    "city": "address-level2",
    "postal_code": "postal-code",
    "first_name": "given-name",
    "last_name": "family-name",
    "email": "email",
    "phone": "tel",
    "job_title": "organization-title",
}

ALREADY_MEMBER = _(
    "This company is already in our members' records. To update its membership, write "
    "to us by email rather than applying again."
)
ALREADY_APPLIED = _(
    "An application for this company is already being reviewed; we will answer it soon."
)
