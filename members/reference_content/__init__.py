"""Reference lists of the member companies, seeded by ``manage.py seed_reference``: the
classifications, the membership categories and the committees.

The lists are the YAML files beside this module (French (Québec) first, English
second); this module only reads them, once, when it is imported. ``CLASSIFICATIONS`` is
keyed by model name and lists each model's terms in display order. Slugs are
language-neutral identifiers taken from the French name: once seeded they are what the
directory's addresses carry (``?process=extrusion``), so they are not to be changed.
"""

from pathlib import Path

from alliance.datafiles import load_yaml

_HERE = Path(__file__).parent

CLASSIFICATIONS: dict[str, list[dict[str, str]]] = load_yaml(_HERE / "classifications.yaml")
# Offered on the application form, in this order.
MEMBERSHIP_CATEGORIES: list[dict] = load_yaml(_HERE / "membership_categories.yaml")
# The three industrial sub-committees, one per axis of the five-year strategic plan.
COMMITTEES: list[dict[str, str]] = load_yaml(_HERE / "committees.yaml")
