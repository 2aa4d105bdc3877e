"""Full-text search of the directory: accent- and case-blind on both databases, and on
PostgreSQL forgiving of small typos.

Both databases search ``Company.search_text``, the folded copy of the searchable fields
(``alliance.text.fold``). SQLite looks for every word in it; PostgreSQL matches words and
word prefixes with its full-text search and, for misspellings, trigram word similarity,
both served by GIN indexes (migration 0003), and ranks by how well the name and text match.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connections, models
from django.db.models import Case, Q, Value, When

from alliance.text import fold

MAX_WORDS = 8
# Must be the very expression of the GIN index in the migration, or PostgreSQL won't use it.
SEARCH_VECTOR = SearchVector("search_text", config="simple")


def search_words(query: str) -> list[str]:
    return fold(query).split()[:MAX_WORDS]


def search_companies(companies: models.QuerySet, query: str) -> models.QuerySet:
    """Filter to the companies matching ``query`` and annotate ``relevance``."""
    words = search_words(query)
    if not words:
        return companies.annotate(relevance=Value(0.0))
    if connections[companies.db].vendor == "postgresql":
        return _search_postgresql(companies, words)
    for word in words:
        companies = companies.filter(search_text__contains=word)
    phrase = " ".join(words)
    return companies.annotate(
        relevance=Case(
            When(sort_name=phrase, then=Value(3.0)),
            When(sort_name__startswith=phrase, then=Value(2.0)),
            When(sort_name__contains=phrase, then=Value(1.0)),
            default=Value(0.0),
        )
    )


def _search_postgresql(companies: models.QuerySet, words: list[str]) -> models.QuerySet:
    phrase = " ".join(words)
    # Folded words hold only letters, digits and underscores: nothing tsquery would read
    # as an operator. ":*" lets "moul" find "moulage" as the visitor types.
    prefixes = SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
    )
    return (
        companies.annotate(_vector=SEARCH_VECTOR)
        .filter(Q(_vector=prefixes) | Q(search_text__trigram_word_similar=phrase))
        .annotate(
            relevance=SearchRank(SEARCH_VECTOR, prefixes)
            + TrigramWordSimilarity(Value(phrase), "sort_name")
            + TrigramWordSimilarity(Value(phrase), "search_text")
        )
    )
