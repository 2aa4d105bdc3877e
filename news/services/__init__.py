"""The news domain's workflows: articles (``articles``), newsletter subscriptions and
consent (``subscriptions``), and the sending of an issue (``newsletters``)."""

from news.services.articles import article_publish, article_unpublish

__all__ = ["article_publish", "article_unpublish"]
