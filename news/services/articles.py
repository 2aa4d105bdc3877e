"""Changes to articles that staff make in bulk; each one is kept in the article's history."""

import reversion
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from members.models import User
from news.models import Article


def _set_status(*, articles: QuerySet[Article], status: str, by: User, comment: str) -> int:
    changed = 0
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(comment)
        to_change = articles.exclude(status=status).select_related(None)
        for article in to_change.select_for_update(of=("self",)):
            article.status = status
            article.save(update_fields=["status", "updated_at"])
            reversion.add_to_revision(article)
            changed += 1
    return changed


def article_publish(*, articles: QuerySet[Article], by: User) -> int:
    """Publish articles: undated ones are dated now; one dated in the future stays
    scheduled until then."""
    return _set_status(
        articles=articles, status=Article.Status.PUBLISHED, by=by, comment=_("Published.")
    )


def article_unpublish(*, articles: QuerySet[Article], by: User) -> int:
    return _set_status(
        articles=articles, status=Article.Status.DRAFT, by=by, comment=_("Unpublished.")
    )
