"""The news domain: articles and their categories (``articles``), and the newsletter
that carries them to subscribers (``newsletter``)."""

from news.models.articles import (
    ENGLISH_FIELDS,
    RESERVED_SLUGS,
    Article,
    ArticleQuerySet,
    Category,
    validate_not_reserved,
)
from news.models.newsletter import Delivery, Newsletter, Section, Subscriber

__all__ = [
    "ENGLISH_FIELDS",
    "RESERVED_SLUGS",
    "Article",
    "ArticleQuerySet",
    "Category",
    "Delivery",
    "Newsletter",
    "Section",
    "Subscriber",
    "validate_not_reserved",
]
