"""Fictitious demo articles, seeded by ``manage.py seed_demo`` (never on production).

Every company, event and figure in articles.yaml is invented for demonstration purposes.
When an article's ``english`` is false the builder leaves the English fields empty, so
the site shows the French fallback; the English text is kept in the file anyway. Dates,
slugs and covers are made by the builder.
"""

from news.demo.builder import build_demo, demo_articles
from news.demo.newsletters import build_demo_newsletters

__all__ = ["build_demo", "build_demo_newsletters", "demo_articles"]
