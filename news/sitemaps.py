from django.contrib.sitemaps import Sitemap

from news.models import Article


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().for_cards().order_by("-publish_at")

    def lastmod(self, item: Article):
        return item.updated_at
