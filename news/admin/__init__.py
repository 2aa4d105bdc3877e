"""The news domain's admin: articles and categories, the newsletter and its subscribers."""

from news.admin import articles, newsletter  # noqa: F401 (they register the admins)
