from django.contrib.sitemaps import Sitemap

from news.models import Article, Newsletter


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


class NewsletterSitemap(Sitemap):
    """The archive's issues; the archive page itself is in alliance.sitemaps.StaticSitemap."""

    i18n = True
    alternates = True
    changefreq = "yearly"

    def items(self):
        return Newsletter.objects.archived().only("pk", "updated_at").order_by("-sent_at")

    def lastmod(self, item: Newsletter):
        return item.updated_at
