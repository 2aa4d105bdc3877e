"""In the ``members`` namespace."""

from django.urls import path

from members.views import invitations

urlpatterns = [
    path("invitation/<str:token>/", invitations.invitation, name="invitation"),
]
