"""The news part of ``manage.py seed_demo``: the fictitious articles of articles.yaml,
spread over 18 months (a few scheduled, a few drafts, some members-only), most with a
generated cover."""

import datetime as dt
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from alliance.covers import COVER_ALT_EN, COVER_ALT_FR, make_cover
from alliance.datafiles import load_yaml
from alliance.reference_content import NEWS_CATEGORIES
from members.models import User
from news.models import Article, Category

ARTICLES_FILE = Path(__file__).with_name("articles.yaml")


def demo_articles() -> list[dict]:
    """The articles of articles.yaml, in the order of the file (the builder dates them by it)."""
    return load_yaml(ARTICLES_FILE)


def build_demo(*, author: User, stdout) -> int:
    """Add the demo articles not there yet (known by their French slug), by ``author``;
    return how many were added."""
    categories = {c.slug_fr: c for c in Category.objects.all()}
    by_key = {c["key"]: categories[c["slug_fr"]] for c in NEWS_CATEGORIES}
    now = timezone.now()
    created = 0
    for index, item in enumerate(demo_articles()):
        slug_fr = slugify(item["title_fr"])[:190]
        if Article.objects.filter(slug_fr=slug_fr).exists():
            continue
        article = Article(
            category=by_key[item["category"]],
            author=author,
            title_fr=item["title_fr"],
            slug_fr=slug_fr,
            summary_fr=item["summary_fr"],
            body_fr=item["body_fr"],
            visibility=(
                Article.Visibility.MEMBERS if item["members_only"] else Article.Visibility.PUBLIC
            ),
            **_schedule(index, now),
        )
        if item["english"]:
            article.title_en = item["title_en"]
            article.slug_en = slugify(item["title_en"])[:190]
            article.summary_en = item["summary_en"]
            article.body_en = item["body_en"]
        if index % 5 != 4:  # most articles have a picture, some don't
            article.cover.save(f"{slug_fr[:60]}.jpg", make_cover(seed=index + 1), save=False)
            article.cover_alt_fr = COVER_ALT_FR
            if item["english"]:
                article.cover_alt_en = COVER_ALT_EN
        article.full_clean()
        article.save()
        created += 1
    stdout.write(f"  created  {created} demo articles\n")
    return created


def _schedule(index: int, now: dt.datetime) -> dict:
    """Spread the articles over 18 months; a few are scheduled, a few are drafts."""
    if index % 13 == 5:
        return {
            "status": Article.Status.PUBLISHED,
            "publish_at": now + dt.timedelta(days=3 + index),
        }
    status = Article.Status.DRAFT if index % 11 == 7 else Article.Status.PUBLISHED
    return {
        "status": status,
        "publish_at": now - dt.timedelta(days=2 + index * 13, hours=index % 9),
    }
