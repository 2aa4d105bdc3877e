"""In the ``members`` namespace."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.views import join

urlpatterns = [
    path(_("join/"), join.join, name="join"),
    path(_("join/thanks/"), join.join_done, name="join-done"),
]
