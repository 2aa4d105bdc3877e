"""A person's own pages, in the ``area`` namespace, under the member area's address.
allauth's login and address pages, which ``members.views.accounts`` adjusts, are routed
among allauth's own in ``alliance/urls.py``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.views import accounts

urlpatterns = [
    path(_("profile/"), accounts.profile, name="profile"),
    path(_("profile/newsletter/"), accounts.newsletter_choice, name="newsletter"),
    path(_("profile/my-data/"), accounts.data_export, name="data-export"),
    path(_("profile/close/"), accounts.close_account, name="close-account"),
]
