from django import forms
from django.utils.translation import gettext_lazy as _


class NewsSearchForm(forms.Form):
    # CharField refuses NUL characters, which PostgreSQL cannot store or compare.
    q = forms.CharField(label=_("Search the news"), max_length=100, required=False)
