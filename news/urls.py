from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from news import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.article_list, name="article-list"),
    path(_("category/<slug:slug>/"), views.article_list, name="category"),
    path("rss/", require_safe(feeds.LatestArticlesFeed()), name="feed-rss"),
    path("atom/", require_safe(feeds.LatestArticlesAtomFeed()), name="feed-atom"),
    path("<slug:slug>/", views.article_detail, name="article-detail"),
]
