from allauth.account.forms import RequestLoginCodeForm, ResetPasswordForm
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alliance.text import fold, validate_single_line
from members.models import (
    CLASSIFICATION_FIELDS,
    Application,
    Company,
    Invitation,
    MembershipCategory,
    Person,
    User,
)
from members.validators import normalize_neq, normalize_postal_code

SPAM_MESSAGE = _(
    "Your application could not be sent: it looks like it was filled in automatically. "
    "If that is a mistake, write to us by email."
)


def privacy_consent(required_message: str) -> forms.BooleanField:
    return forms.BooleanField(required=True, error_messages={"required": required_message})


def privacy_consent_label() -> str:
    return format_html(
        _('I have read and accept the <a href="{url}">privacy policy</a>.'),
        url=reverse("pages:privacy"),
    )


class SectionedForm:
    """A form shown as fieldsets: ``SECTIONS`` lists (legend, help, field names), and
    ``Meta.fields`` is derived from it with ``section_fields``."""

    SECTIONS: list[tuple]

    def sections(self) -> list[tuple]:
        return [
            (legend, help, [self[name] for name in names]) for legend, help, names in self.SECTIONS
        ]


def section_fields(sections: list[tuple]) -> list[str]:
    return [name for _legend, _help, names in sections for name in names]


# The form as people see it: legend, help, fields.
APPLICATION_SECTIONS = [
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


class ApplicationForm(SectionedForm, forms.ModelForm):
    SECTIONS = APPLICATION_SECTIONS

    """The public form to join. Besides the model's checks it catches a company that is
    already a member or has already applied, and submissions made by robots."""

    # A field people never see (hidden by CSS, skipped by screen readers and the keyboard)
    # and robots fill in. Named like something a robot would want to fill.
    fax = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    consent = privacy_consent(_("You must accept the privacy policy to apply."))

    class Meta:
        model = Application
        fields = section_fields(APPLICATION_SECTIONS)
        widgets = {
            **{field: forms.CheckboxSelectMultiple for field in CLASSIFICATION_FIELDS.values()},
            "category": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = MembershipCategory.objects.filter(is_open=True)
        self.fields["category"].empty_label = None
        self.fields["consent"].label = privacy_consent_label()
        for name, token in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        self.fields["fax"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

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
    "street_address": "address-line1",  # "street-address" is for a textarea only
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


class InvitationConsentForm(forms.Form):
    """Accepting an invitation with an account one already has."""

    consent = privacy_consent(_("You must accept the privacy policy to use the member area."))

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["consent"].label = privacy_consent_label()

    def account_fields(self) -> dict:
        return {}


class InvitationAccountForm(InvitationConsentForm):
    """Accepting an invitation by creating one's account: the address is the invited one,
    already verified by the link itself."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, validators=[validate_single_line]
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, validators=[validate_single_line]
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not only digits, and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Language of my emails"), choices=settings.LANGUAGES)
    field_order = ["first_name", "last_name", "password1", "password2", "language", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["language"].initial = self.invitation.language

    def clean(self) -> dict:
        data = super().clean()
        password = data.get("password1")
        if password and password != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        elif password:
            someone = User(
                email=self.invitation.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, someone)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

    def account_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "password": data["password1"],
            "language": data["language"],
        }


# --- allauth's forms that look an account up by its address -----------------------------
# allauth also matches addresses added to an account but never verified, and the login and
# the account's own address: whoever adds someone else's address would receive, through
# its owner, a code or a reset link to their own account. Only a verified address is
# someone's (``User.objects.with_verified_email``).


class LoginByCodeForm(RequestLoginCodeForm):
    def clean_email(self) -> str:
        email = super().clean_email()
        if email:
            self._user = User.objects.with_verified_email(email).filter(is_active=True).first()
        return email


class PasswordResetForm(ResetPasswordForm):
    def clean_email(self) -> str:
        email = super().clean_email()
        self.users = list(User.objects.with_verified_email(email).filter(is_active=True))
        return email


# --- The member area ----------------------------------------------------------------------


PROFILE_SECTIONS = [
    (
        _("Presentation"),
        "",
        ["description_fr", "description_en", "products_fr", "products_en", "logo"],
    ),
    (
        _("Contact details"),
        "",
        ["website", "email", "phone", "street_address", "city", "postal_code", "region"],
    ),
    (_("Classification"), "", list(CLASSIFICATION_FIELDS.values())),
    (_("Public directory"), "", ["shown_in_directory"]),
]


class CompanyProfileForm(SectionedForm, forms.ModelForm):
    """What a company's administrators keep current themselves. The NEQ, legal name,
    membership and staff notes are not in it: a request posting them changes nothing."""

    SECTIONS = PROFILE_SECTIONS

    class Meta:
        model = Company
        fields = section_fields(PROFILE_SECTIONS)
        labels = {
            "description_fr": _("Description in French"),
            "description_en": _("Description in English"),
            "products_fr": _("Products and services in French"),
            "products_en": _("Products and services in English"),
        }
        widgets = {
            **{field: forms.CheckboxSelectMultiple for field in CLASSIFICATION_FIELDS.values()},
            **{
                field: forms.Textarea(attrs={"rows": 5})
                for field in ("description_fr", "description_en", "products_fr", "products_en")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description_fr"].required = True

    def clean_postal_code(self) -> str:
        return normalize_postal_code(self.cleaned_data["postal_code"])


class ColleagueInvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role", "language"]
        labels = {"language": _("Language of the invitation")}


class PersonalDetailsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = self.fields["last_name"].required = True


class RepresentationForm(forms.ModelForm):
    """How one person appears for one of their companies."""

    class Meta:
        model = Person
        fields = ["job_title", "phone", "visibility"]
        widgets = {"visibility": forms.RadioSelect}


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be erased for good."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
