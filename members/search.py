"""Full-text search of the directory: accent- and case-blind on both databases, and on
PostgreSQL forgiving of small typos.

Both databases search ``Company.search_text``, the folded copy of the searchable fields
(``alliance.text.fold``). SQLite looks for every word in it; PostgreSQL matches words and
word prefixes with its full-text search and, when no word matches (a misspelling), looks for
near spellings by trigram word similarity; both are served by GIN indexes (migration 0003).
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import connections, models
from django.db.models import Case, Value, When

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
    matches = companies.annotate(_vector=SEARCH_VECTOR).filter(_vector=prefixes)
    if matches.exists():
        return matches.annotate(
            relevance=SearchRank(SEARCH_VECTOR, prefixes)
            + TrigramSimilarity("sort_name", Value(phrase))
        )
    # No word matches: look for near spellings. Only then, as trigram similarity over long
    # texts matches a large share of a big directory when the words are common.
    return companies.filter(search_text__trigram_word_similar=phrase).annotate(
        relevance=TrigramWordSimilarity(Value(phrase), "search_text")
        + TrigramSimilarity("sort_name", Value(phrase))
    )
