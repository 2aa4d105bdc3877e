"""Reference content of the portal, seeded by ``manage.py seed_reference``: the news
categories, the home page's key figures, the about and privacy pages and the rebrand
announcement.

The texts are the YAML files beside this module (French (Québec) first, English
second); this module only reads them, once, when it is imported.
"""

from pathlib import Path

from alliance.datafiles import load_yaml

_HERE = Path(__file__).parent

NEWS_CATEGORIES: list[dict[str, str]] = load_yaml(_HERE / "news_categories.yaml")
# Shown on the home page, in this order.
KEY_FIGURES: list[dict[str, str]] = load_yaml(_HERE / "key_figures.yaml")
PAGES: dict[str, dict[str, str]] = load_yaml(_HERE / "pages.yaml")
REBRAND_ARTICLE: dict[str, str] = load_yaml(_HERE / "rebrand_article.yaml")
