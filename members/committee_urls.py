from django.urls import path
from django.utils.translation import gettext_lazy as _

from members import committee_views

app_name = "committees"
urlpatterns = [
    path("", committee_views.committee_list, name="list"),
    path(_("documents/<int:pk>/"), committee_views.document, name="document"),
    path("<slug:slug>/", committee_views.committee_detail, name="detail"),
]
