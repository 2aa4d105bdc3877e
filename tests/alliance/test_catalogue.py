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
