"""The members' data files: the reference lists seed_reference writes and the words,
texts and tables the demo companies are made of."""

from members import reference_content
from members.demo import data
from members.models import Committee, EmployeeBand, Province, Region
from tests.datafiles import placeholders

PLACES = {*Region, Province.ON, Province.NB}


def test_the_reference_lists_are_complete_in_both_languages():
    assert list(reference_content.CLASSIFICATIONS) == [
        "Sector",
        "ValueChainRole",
        "Process",
        "Material",
        "EndMarket",
        "Certification",
    ]
    for items in reference_content.CLASSIFICATIONS.values():
        for item in items:
            assert set(item) == {"slug", "name_fr", "name_en"}
            assert all(isinstance(value, str) and value for value in item.values()), item
    categories = reference_content.MEMBERSHIP_CATEGORIES
    assert [c["annual_fee"] for c in categories] == ["850.00", "650.00", "500.00"]
    for category in categories:
        assert all(category[f] for f in ("name_fr", "name_en", "description_fr", "description_en"))
    committees = reference_content.COMMITTEES
    axes = {value for value, _label in Committee._meta.get_field("axis").choices}
    assert {c["axis"] for c in committees} == axes
    for committee in committees:
        assert all(committee[f] for f in ("slug", "name_fr", "name_en", "mandate_fr", "mandate_en"))


def test_every_demo_company_text_has_its_french_and_its_english():
    assert len(data.DESCRIPTIONS) == 4
    values = {
        "name": "N",
        "city": "C",
        "founded": 2000,
        "team": "T",
        "team_en": "T",
        "processes": "P",
        "processes_article": "le P",
        "materials": "M",
        "materials_de": "de M",
        "materials_article": "la M",
        "markets": "K",
    }
    for french, english in data.DESCRIPTIONS:
        assert french.format(**values) and english.format(**values)
        for template in (french, english):
            # French has its forms with articles: {materials_de}, {processes_article}…
            kinds = {name.split("_")[0] for name in placeholders(template)}
            assert {"name", "city", "processes", "materials", "markets"} <= kinds, template
    for pair in (data.DISCLAIMER, data.CERTIFIED, data.ROLES_SENTENCE, *data.OFFERINGS):
        assert all(isinstance(text, str) and text for text in pair) and len(pair) == 2
    assert set(data.TEAM) == set(data.EMPLOYEE_WEIGHTS) == set(EmployeeBand)
    assert all(french and english for french, english in data.TEAM.values())
    assert [placeholders(t) for t in data.PRODUCTS["fr"]] == [{"processes"}, {"materials"}]
    assert [placeholders(t) for t in data.PRODUCTS["en"]] == [{"processes"}, {"materials"}]
    for kind in ("processes", "materials", "markets"):
        assert data.FALLBACKS[kind]["fr"] and data.FALLBACKS[kind]["en"]
    texts = data.COMMITTEE_TEXTS
    assert texts["agenda"].startswith("<ol><li>") and "{date}" in texts["minutes"]


def test_every_place_of_the_demo_has_its_towns_postal_codes_and_area_codes():
    assert set(data.REGION_WEIGHTS) == PLACES  # every Québec region, Ontario, New Brunswick
    assert set(data.CITIES) == set(data.AREA_CODES) == PLACES
    for place, towns in data.CITIES.items():
        assert towns, place
        for town, areas in towns:
            assert town and areas, (place, town)
            for area in areas:
                assert len(area) == 3 and area[0] not in "DFIOQUW", area
    assert set(data.PLACES) <= PLACES
    assert all(
        len(code) == 3 and code.isdigit() for codes in data.AREA_CODES.values() for code in codes
    )
    assert set(data.POSTAL_LETTERS).isdisjoint("DFIOQU")


def test_the_demo_company_name_words_are_there():
    assert set(data.KINDS) == {data.PLASTICS, data.COMPOSITES, data.RUBBER, data.ANY_SECTOR}
    for words in data.KINDS.values():
        assert words and all(word and gender in ("m", "f") for word, gender in words)
    for forms in (*data.ADJECTIVES, *data.ADMIN_TITLES, *data.COLLEAGUE_TITLES):
        assert len(forms) == 2 and all(forms), forms
    assert data.FANCY and data.SUFFIXES and data.SYLLABLES
    assert data.ONTARIO_KINDS and data.ONTARIO_ADJECTIVES and data.ONTARIO_SUFFIXES
    assert set(data.NAICS) == set(data.SECTOR_WORDS) | {data.PLASTICS}
    assert sum(data.STATUS_WEIGHTS.values()) == 599  # per 600, as the old per-100 shares
