from django.contrib.sitemaps import Sitemap

from members.models import Company


class CompanySitemap(Sitemap):
    """The companies of the directory: active or in grace, never a lapsed one."""

    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Company.objects.in_directory().only("slug", "updated_at").order_by("sort_name")

    def lastmod(self, item: Company):
        return item.updated_at
