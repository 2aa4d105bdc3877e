from django.urls import path
from django.utils.translation import gettext_lazy as _

from members import area_views, views

app_name = "members"
urlpatterns = [
    path(_("members/"), views.company_list, name="directory"),
    path(_("members/<slug:slug>/"), views.company_detail, name="company-detail"),
    path(_("join/"), views.join, name="join"),
    path(_("join/thanks/"), views.join_done, name="join-done"),
    path("invitation/<str:token>/", area_views.invitation, name="invitation"),
]
