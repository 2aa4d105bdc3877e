"""Changes to articles that staff make in bulk; each one is kept in the article's history."""

import reversion
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import User
from news.models import Article


def _set_status(*, articles: QuerySet[Article], status: str, by: User, comment: str) -> int:
    changed = 0
    now = timezone.now()
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(comment)
        to_change = articles.exclude(status=status).select_related(None)
        for article in to_change.select_for_update(of=("self",)):
            article.status = status
            fields = ["status", "updated_at"]
            if status == Article.Status.PUBLISHED and article.publish_at < now:
                # A draft's date is when it was started; published now, it is news now.
                article.publish_at = now
                fields.append("publish_at")
            article.save(update_fields=fields)
            reversion.add_to_revision(article)
            changed += 1
    return changed


def article_publish(*, articles: QuerySet[Article], by: User) -> int:
    """Publish articles dated now; one dated in the future stays scheduled until then."""
    return _set_status(
        articles=articles, status=Article.Status.PUBLISHED, by=by, comment=_("Published.")
    )


def article_unpublish(*, articles: QuerySet[Article], by: User) -> int:
    return _set_status(
        articles=articles, status=Article.Status.DRAFT, by=by, comment=_("Unpublished.")
    )
