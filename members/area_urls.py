from django.urls import path
from django.utils.translation import gettext_lazy as _

from members import area_views, committee_views

app_name = "area"
urlpatterns = [
    path("", area_views.dashboard, name="dashboard"),
    path(
        _("companies/<slug:slug>/renewal/"),
        area_views.renewal_request,
        name="renewal-request",
    ),
    path(_("companies/<slug:slug>/"), area_views.company_profile, name="company-profile"),
    path(_("companies/<slug:slug>/colleagues/"), area_views.colleagues, name="colleagues"),
    path(_("committees/"), committee_views.my_committees, name="committees"),
    path(_("committees/meetings/<int:pk>.ics"), committee_views.meeting_ics, name="meeting-ics"),
    path(_("profile/"), area_views.profile, name="profile"),
    path(_("profile/my-data/"), area_views.data_export, name="data-export"),
    path(_("profile/close/"), area_views.close_account, name="close-account"),
]
