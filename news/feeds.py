from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from news.models import Article


class LatestArticlesFeed(Feed):
    """The latest news, in the language of the URL.

    Feeds are read anonymously, so an item carries the title and summary only, never the
    body: that keeps members-only text out of every feed reader.
    """

    title = _("Alliance Polymères Québec — News")
    description = _("News and announcements from Alliance Polymères Québec.")

    def link(self) -> str:
        return reverse("news:article-list")

    def items(self):
        return Article.objects.published().for_cards()[:20]

    def item_title(self, item: Article) -> str:
        if item.is_members_only:
            return f"{item.title} ({_('members only')})"
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_categories(self, item: Article):
        return [item.category.name]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
