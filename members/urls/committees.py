"""The public committee pages, in the ``committees`` namespace (``urlpatterns``), and the
member area's, in the ``area`` namespace (``area_urlpatterns``)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.views import committees

urlpatterns = [
    path("", committees.committee_list, name="list"),
    path(_("documents/<int:pk>/"), committees.document, name="document"),
    path("<slug:slug>/", committees.committee_detail, name="detail"),
]
area_urlpatterns = [
    path(_("committees/"), committees.my_committees, name="committees"),
    path(_("committees/meetings/<int:pk>.ics"), committees.meeting_ics, name="meeting-ics"),
]
