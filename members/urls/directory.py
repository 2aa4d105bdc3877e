"""In the ``members`` namespace."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.views import directory

urlpatterns = [
    path(_("members/"), directory.company_list, name="directory"),
    path(_("members/<slug:slug>/"), directory.company_detail, name="company-detail"),
]
