import re
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_french_catalogue_is_complete():
    po = polib.pofile(LOCALE / "fr" / "LC_MESSAGES" / "django.po")

    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]

    assert untranslated == []
    assert fuzzy == []
    assert len(po.translated_entries()) > 100


def test_french_punctuation_has_its_no_break_spaces():
    """French typography: a no-break space before : ; ! ? and inside « », so that a line
    never starts with the sign (the Office québécois de la langue française's rule)."""
    po = polib.pofile(LOCALE / "fr" / "LC_MESSAGES" / "django.po")
    texts = [e.msgstr for e in po] + [t for e in po for t in e.msgstr_plural.values()]

    plain = [text for text in texts if re.search(r" [:;!?»]|« ", text)]

    assert plain == []
