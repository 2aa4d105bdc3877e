"""The demo's tables and texts, read once from the YAML files beside this module.

The files name places and company sizes the way members.models does (``MONTEREGIE``,
``ON``, ``B10``) so that they read well; here they become the values stored in the
database (``Region.MONTEREGIE`` is "16"). A misspelt name fails here, at import.
"""

from pathlib import Path

from alliance.datafiles import load_yaml
from members.models import EmployeeBand, Province, Region

_HERE = Path(__file__).parent

PLASTICS, COMPOSITES, RUBBER = "plastiques", "composites", "caoutchouc"
ANY_SECTOR = "any"  # the company-name words that go with every sector


def _place(name: str) -> str:
    """A Québec region by its name ("CHAUDIERE_APPALACHES"), a province by its code."""
    return Region[name] if name in Region.__members__ else Province[name]


def _by_place(table: dict) -> dict:
    return {_place(name): value for name, value in table.items()}


def _by_band(table: dict) -> dict:
    return {EmployeeBand[name]: value for name, value in table.items()}


def _pair(item: dict) -> tuple[str, str]:
    return item["fr"], item["en"]


# --- Where the companies are (places.yaml) --------------------------------------------

_places = load_yaml(_HERE / "places.yaml")
# Companies per 600, by region code (Québec) or province (elsewhere).
REGION_WEIGHTS: dict[str, int] = _by_place(_places["region_weights"])
# (town, its forward sortation areas), by region or province, the first ones likelier.
CITIES: dict[str, list[tuple[str, list[str]]]] = {
    place: list(towns.items()) for place, towns in _by_place(_places["cities"]).items()
}
AREA_CODES: dict[str, list[str]] = _by_place(_places["area_codes"])
POSTAL_LETTERS: str = _places["postal_letters"]

# --- Names (names.yaml) -----------------------------------------------------------------

_names = load_yaml(_HERE / "names.yaml")
# (word, grammatical gender) by sector slug, or ANY_SECTOR.
KINDS: dict[str, list[tuple[str, str]]] = {
    sector: list(words.items()) for sector, words in _names["kinds"].items()
}
ADJECTIVES: list[tuple[str, str]] = [tuple(forms) for forms in _names["adjectives"]]
PLACES: dict[str, list[str]] = _by_place(_names["places"])
FANCY: list[str] = _names["fancy"]
SUFFIXES: list[str] = _names["suffixes"]
SYLLABLES: list[str] = _names["syllables"]
ONTARIO_KINDS: list[str] = _names["ontario"]["kinds"]
ONTARIO_ADJECTIVES: list[str] = _names["ontario"]["adjectives"]
ONTARIO_PLACES: list[str] = _names["ontario"]["places"]
ONTARIO_SUFFIXES: list[str] = _names["ontario"]["suffixes"]
ADMIN_TITLES: list[tuple[str, str]] = [tuple(forms) for forms in _names["titles"]["admin"]]
COLLEAGUE_TITLES: list[tuple[str, str]] = [tuple(forms) for forms in _names["titles"]["colleague"]]

# --- Texts (texts.yaml), as (French, English) pairs --------------------------------------

_texts = load_yaml(_HERE / "texts.yaml")
DESCRIPTIONS: list[tuple[str, str]] = [_pair(item) for item in _texts["descriptions"]]
DISCLAIMER: tuple[str, str] = _pair(_texts["disclaimer"])
CERTIFIED: tuple[str, str] = _pair(_texts["certified"])
ROLES_SENTENCE: tuple[str, str] = _pair(_texts["roles"])
PRODUCTS: dict[str, list[str]] = _texts["products"]
OFFERINGS: list[tuple[str, str]] = [_pair(item) for item in _texts["offerings"]]
TEAM: dict[str, tuple[str, str]] = {
    band: _pair(item) for band, item in _by_band(_texts["team"]).items()
}
FALLBACKS: dict[str, dict[str, str]] = _texts["fallbacks"]
COMMITTEE_TEXTS: dict[str, str] = _texts["committees"]

# --- How the companies are spread (mix.yaml) ----------------------------------------------

_mix = load_yaml(_HERE / "mix.yaml")
# Membership situations, per 600 companies (see periods.py).
STATUS_WEIGHTS: dict[str, int] = _mix["statuses"]
SECTOR_WEIGHTS: dict[tuple[str, ...], int] = {
    tuple(item["sectors"]): item["weight"] for item in _mix["sectors"]
}
RUBBER_SHARE: float = _mix["rubber_share"]
FRENCH_ONLY_SHARE: float = _mix["french_only_share"]
EMPLOYEE_WEIGHTS: dict[str, int] = _by_band(_mix["employees"])
NAICS: dict[str, list[str]] = _mix["naics"]
# Words in a process or material name (French or English, folded) telling its sector.
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    sector: tuple(words) for sector, words in _mix["sector_words"].items()
}
