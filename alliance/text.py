"""Text folded for searching and sorting the same way on SQLite and PostgreSQL."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed: "Résine, Moulage" → "resine moulage".

    Stored beside what it was made from, it lets both databases compare text without
    regard to accents or case, and sort names the way a French reader expects (É with E,
    "L'Islet" with "Lislet"), with an ordinary index.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", stripped.casefold()).split())
