"""In the ``area`` namespace, under the member area's address."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.views import area

urlpatterns = [
    path("", area.dashboard, name="dashboard"),
    path(_("companies/<slug:slug>/renewal/"), area.renewal_request, name="renewal-request"),
    path(_("companies/<slug:slug>/"), area.company_profile, name="company-profile"),
    path(_("companies/<slug:slug>/colleagues/"), area.colleagues, name="colleagues"),
]
