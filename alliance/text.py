"""Text folded for searching and sorting the same way on SQLite and PostgreSQL, and text
kept on one line."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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


# Line breaks and control characters: ASCII and Latin-1 controls, and Unicode's line and
# paragraph separators (which str.splitlines() and mail readers also break on).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def validate_single_line(value: str) -> None:
    """Refuse a line break or a control character in text meant to stay on one line.

    A name or a title can end up in an email's subject, where a line break would start a
    new header: the email would be refused, or worse, carry a header the sender chose.
    """
    if value and _CONTROL.search(value):
        raise ValidationError(
            _("Write this on a single line, without line breaks or control characters."),
            code="single_line",
        )


def single_line(text: str) -> str:
    """``text`` on one line: each run of spaces, line breaks and control characters
    becomes one space."""
    return _BLANKS.sub(" ", text).strip()
