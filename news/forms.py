from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from news.models import Subscriber


class NewsSearchForm(forms.Form):
    # CharField refuses NUL characters, which PostgreSQL cannot store or compare.
    q = forms.CharField(label=_("Search the news"), max_length=100, required=False)


class SubscribeForm(forms.Form):
    """The public sign-up: the consent's words are the checkbox's label
    (``news.services.subscriptions.consent_text``), the very text the row keeps."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Tick the box to give your consent.")},
    )
    # Where the sign-up started: this page, or the form at the foot of every page.
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, consent_text: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text

    def clean_source(self) -> str:
        # Anything but the footer's own value is this page: never "staff" from a visitor.
        if self.cleaned_data["source"] == Subscriber.Source.FOOTER:
            return Subscriber.Source.FOOTER
        return Subscriber.Source.PAGE


class NewsletterChoiceForm(forms.Form):
    """The member area's choice; its help text is the consent the row keeps."""

    subscribe = forms.BooleanField(label=_("Receive the newsletter"), required=False)

    def __init__(self, *args, consent_text: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subscribe"].help_text = consent_text
