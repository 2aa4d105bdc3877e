from django.urls import path
from django.utils.translation import gettext_lazy as _

from members import area_views

app_name = "area"
urlpatterns = [
    path("", area_views.dashboard, name="dashboard"),
    path(
        _("companies/<slug:slug>/renewal/"),
        area_views.renewal_request,
        name="renewal-request",
    ),
]
