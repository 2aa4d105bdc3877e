from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from anymail.signals import tracking

        from news.bounces import on_tracking

        tracking.connect(on_tracking, dispatch_uid="news.bounces")
