"""The demo articles' data file (news/demo/articles.yaml)."""

import re

from alliance.reference_content import NEWS_CATEGORIES
from news.demo import demo_articles
from tests.datafiles import BODY_TAGS, LOOSE_PUNCTUATION, body_tags

TEXTS = ("title", "summary", "body")


def test_every_demo_article_has_its_french_and_its_english():
    articles = demo_articles()

    assert len(articles) == 40
    categories = {category["key"] for category in NEWS_CATEGORIES}
    for article in articles:
        assert article["category"] in categories
        assert isinstance(article["members_only"], bool) and isinstance(article["english"], bool)
        for field in TEXTS:
            # The English is kept even where the site shows the French fallback.
            assert article[f"{field}_fr"].strip() and article[f"{field}_en"].strip()
        assert body_tags(article["body_fr"]) | body_tags(article["body_en"]) <= BODY_TAGS
        for field in TEXTS:
            assert not LOOSE_PUNCTUATION.search(article[f"{field}_fr"]), article["title_fr"]
        assert "\n" not in article["body_fr"] and not re.search(r">\s+<", article["body_fr"])
    assert sum(article["english"] for article in articles) == 36
    assert sum(article["members_only"] for article in articles) >= 5
    assert len({article["title_fr"] for article in articles}) == 40  # their slugs
