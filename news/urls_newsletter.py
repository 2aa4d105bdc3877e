from django.urls import path
from django.utils.translation import gettext_lazy as _

from news.views import newsletter as views

app_name = "newsletter"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("<int:pk>/", views.issue, name="issue"),
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/sent/"), views.subscribe_done, name="subscribe-done"),
    path(_("confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
