"""The members app's URL namespaces, each put together from URL modules that route one
view module each (``members/urls/area.py`` routes ``members/views/area.py``): the member
area, for instance, holds pages of the area, of accounts and of committees."""

from members.urls import accounts, area, committees, directory, invitations, join

members_patterns = (
    [*directory.urlpatterns, *join.urlpatterns, *invitations.urlpatterns],
    "members",
)
area_patterns = (
    [*area.urlpatterns, *committees.area_urlpatterns, *accounts.urlpatterns],
    "area",
)
committee_patterns = (committees.urlpatterns, "committees")
