"""Full-text search of the directory: accent- and case-blind on both databases, and on
PostgreSQL forgiving of small typos.

Both databases search ``Company.search_text``, the folded copy of the searchable fields
(``alliance.text.fold``), and order the results the same way (``NamedAfterSearchFirst``). SQLite looks for every word in the text. PostgreSQL uses its
full-text search on ``search_vector`` with each word as a prefix ("moul" finds
"moulage"); a word no company uses is replaced by the nearest words they do use, by
trigram similarity over the vocabulary table ``members_search_word`` (migration 0004).

Ranking by ``ts_rank`` was tried and dropped: it reads every match's vector, which at
60,000 firms made a common word's search 30 times slower than at 600.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connections, models
from django.db.models import Case, Q, Value, When
from django.utils.functional import cached_property

from alliance.text import fold

MAX_WORDS = 8
NEAR_WORDS = 3  # spellings tried in place of a word no company uses

VOCABULARY_SQL = """
SELECT typed.word,
       EXISTS (SELECT 1 FROM members_search_word known WHERE known.word LIKE typed.prefix),
       ARRAY (SELECT near.word FROM members_search_word near
              WHERE near.word %% typed.word
              ORDER BY similarity(near.word, typed.word) DESC, near.word LIMIT %s)
FROM unnest(%s::text[], %s::text[]) AS typed(word, prefix)
"""


def search_words(query: str) -> list[str]:
    return fold(query).split()[:MAX_WORDS]


def search_companies(companies: models.QuerySet, query: str) -> models.QuerySet:
    """Filter to the companies matching ``query``, in no particular order (see
    ``NamedAfterSearchFirst``)."""
    words = search_words(query)
    if not words:
        return companies
    if connections[companies.db].vendor == "postgresql":
        tsquery = _postgresql_query(words, companies.db)
        if tsquery is None:
            return companies.none()
        return companies.filter(
            search_vector=SearchQuery(tsquery, search_type="raw", config="simple")
        )
    for word in words:
        companies = companies.filter(search_text__contains=word)
    return companies


class NamedAfterSearchFirst:
    """Search results as a paginator slices them: the firms whose name holds the search
    (the name itself, then names starting with it, then the others), then the rest in name
    order.

    Two queries rather than one sorted by a relevance score: a score is worked out for every
    match before the first page can be cut, whereas the rest, in name order, is read along
    the name index and stops at the page — so a page costs the same at 60,000 firms as at
    600 (docs/performance.md)."""

    def __init__(self, companies: models.QuerySet, query: str):
        phrase = " ".join(search_words(query))
        holds = Q(sort_name__contains=phrase)
        self.named = (
            companies.filter(holds)
            .alias(
                relevance=Case(
                    When(sort_name=phrase, then=Value(2)),
                    When(sort_name__startswith=phrase, then=Value(1)),
                    default=Value(0),
                )
            )
            .order_by("-relevance", "sort_name", "pk")
        )
        self.rest = companies.exclude(holds).order_by("sort_name", "pk")

    @cached_property
    def named_count(self) -> int:
        return self.named.count()

    def __getitem__(self, window: slice) -> list:
        start, stop = window.start or 0, window.stop
        page = list(self.named[start:stop]) if start < self.named_count else []
        offset = max(start - self.named_count, 0)
        return page + list(self.rest[offset : offset + (stop - start - len(page))])


def _postgresql_query(words: list[str], using: str) -> str | None:
    """The raw tsquery for ``words``: each word as a prefix if some company uses a word
    starting with it, else its nearest spellings; ``None`` when a word has neither."""
    # Folded words hold only letters, digits and underscores: nothing tsquery reads as an
    # operator; the underscore is LIKE's wildcard, hence escaped.
    prefixes = [word.replace("_", r"\_") + "%" for word in words]
    with connections[using].cursor() as cursor:
        cursor.execute(VOCABULARY_SQL, [NEAR_WORDS, words, prefixes])
        rows = cursor.fetchall()
    terms = []
    for word, known, near in rows:
        if known:
            terms.append(f"{word}:*")
        elif near:
            terms.append("(" + " | ".join(near) + ")")
        else:
            return None
    return " & ".join(terms)
