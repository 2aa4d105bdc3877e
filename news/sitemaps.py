from django.contrib.sitemaps import Sitemap

from news.models import Article


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().for_cards().order_by("-publish_at")

    def get_languages_for_item(self, item: Article) -> list[str]:
        # An article without English is listed once, in French: its English address would
        # only show the French fallback.
        return [code for code in self._languages() if item.available_in(code)]

    def lastmod(self, item: Article):
        return item.updated_at
