from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from alliance.models import Page


class StaticSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self) -> list[str]:
        return [
            "home",
            "news:article-list",
            "members:directory",
            "members:join",
            "newsletter:archive",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class PageSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return Page.objects.only("key", "updated_at")

    def lastmod(self, item: Page):
        return item.updated_at
