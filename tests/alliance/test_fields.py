"""Text kept on one line: rows saved before the rule are put on one line by a migration."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from alliance.fields import single_line_rows
from members.models import Company, User
from news.models import Article
from tests.factories import ArticleFactory, CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_names_saved_with_line_breaks_before_the_rule_are_put_on_one_line():
    company = CompanyFactory(name="Moules", city="Lévis")
    Company.objects.filter(pk=company.pk).update(name="Moules\r\nBellechasse", city="Lévis\t")
    user = UserFactory(first_name="Alex")
    User.objects.filter(pk=user.pk).update(last_name="Tremblay\u2028Bcc: x@spam.example")
    article = ArticleFactory(title_fr="Titre")
    Article.objects.filter(pk=article.pk).update(title_fr="Un titre\nsur deux lignes")
    untouched = CompanyFactory(name="Plastiques Nets")

    # The models as the migrations know them, which is how the data migrations run.
    state = MigrationLoader(connection).project_state()
    for app in ("members", "news"):
        single_line_rows(app).code(state.apps, None)

    company.refresh_from_db()
    assert (company.name, company.city) == ("Moules Bellechasse", "Lévis")
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Alex", "Tremblay Bcc: x@spam.example")
    article.refresh_from_db()
    assert article.title_fr == "Un titre sur deux lignes"
    assert Company.objects.get(pk=untouched.pk).updated_at == untouched.updated_at


def test_each_app_with_single_line_fields_cleans_its_rows():
    loader = MigrationLoader(connection)
    cleaning = {
        app
        for (app, _name), migration in loader.disk_migrations.items()
        if any(
            getattr(op, "code", None) and "single_line_rows" in op.code.__qualname__
            for op in migration.operations
        )
    }
    assert cleaning == {"alliance", "members", "news"}
