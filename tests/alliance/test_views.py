import contextlib
import json
from unittest import mock

import psycopg
import pytest
from django.db import OperationalError

from tests.factories import ArticleFactory, KeyFigureFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("fr-CA,fr;q=0.9,en;q=0.8", "/fr/"),
        ("en-CA,en;q=0.9", "/en/"),
        ("de-DE", "/fr/"),
    ],
)
def test_root_sends_visitors_to_their_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == target
    home = client.get(target).content.decode()
    assert f'<html lang="{target[1:3]}">' in home and "<h1>Alliance Polymères Québec</h1>" in home


def test_home_shows_featured_latest_key_figures_and_a_call_to_join(client):
    ArticleFactory(title_fr="Nouvelle ordinaire")
    ArticleFactory(title_fr="L’annonce à la une", featured=True)
    KeyFigureFactory(value_fr="22 000", label_fr="emplois")

    html = client.get("/fr/").content.decode()

    featured = html.index('id="featured-title"')
    assert html.index("L’annonce à la une") > featured
    assert html.index("L’annonce à la une") < html.index('id="latest-title"')
    assert "Nouvelle ordinaire" in html
    assert "22 000" in html and "emplois" in html
    assert 'id="join-title"' in html


def test_about_page_in_both_languages(client):
    PageFactory(key="about", title_fr="À propos de l’Alliance", title_en="About the Alliance")

    fr = client.get("/fr/a-propos/")
    en = client.get("/en/about/")

    assert "À propos de l’Alliance" in fr.content.decode()
    assert "About the Alliance" in en.content.decode()


def test_privacy_policy_names_the_privacy_officer(client, settings):
    PageFactory(
        key="privacy",
        title_fr="Confidentialité",
        body_fr="<p>Écrivez à {privacy_email}, {postal_address}.</p>",
    )

    html = client.get("/fr/confidentialite/").content.decode()

    assert settings.ASSOCIATION["privacy_email"] in html
    assert "{privacy_email}" not in html
    # Every page's footer links to the policy and names the person in charge.
    assert 'href="/fr/confidentialite/"' in client.get("/fr/").content.decode()


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "emails": "ok",
        "email_queue": {"waiting": 0, "oldest_seconds": 0, "failed": 0},
    }


def test_healthz_is_503_when_the_database_is_unreachable(client):
    with mock.patch("alliance.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unreachable"


def test_healthz_is_503_when_the_cache_is_unreachable(client):
    with mock.patch("alliance.views.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["cache"] == "unreachable"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
    assert "Disallow: /fr/compte/\n" in response.content.decode()
    assert "Disallow: /en/account/\n" in response.content.decode()
    assert "/fr/account/" not in response.content.decode()


@pytest.mark.parametrize(
    ("url", "text", "lang"),
    [
        ("/fr/nouvelles/nulle-part/", "Page introuvable", "fr"),
        ("/en/news/nowhere/", "Page not found", "en"),
        ("/fr/page-inexistante/", "Page introuvable", "fr"),
    ],
)
def test_404_pages_speak_the_visitors_language(client, url, text, lang):
    response = client.get(url)

    assert response.status_code == 404
    assert text in response.content.decode()
    assert f'<html lang="{lang}">' in response.content.decode()


def test_500_page_is_translated(client):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        english = render_to_string("500.html")
    french = render_to_string("500.html")

    assert "Something went wrong" in english
    assert "Un problème est survenu" in french


@contextlib.contextmanager
def database_down(client):
    """Every query fails, as they do while PostgreSQL is out of reach."""
    client.raise_request_exception = False  # answer as in production, don't re-raise
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        yield


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/fr/", "Le portail est momentanément indisponible"),
        ("/en/", "The portal is briefly unavailable"),
    ],
)
def test_a_database_out_of_reach_gets_the_translated_503_page(client, url, text):
    with database_down(client):
        response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()


def test_a_database_out_of_reach_under_a_logged_in_session_is_a_503_too(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())  # the session middleware makes the first query
    with database_down(client):
        response = client.get("/fr/espace-membre/")

    assert response.status_code == 503
    assert "Le portail est momentanément indisponible" in response.content.decode()


def test_other_errors_still_get_the_500_page(client):
    client.raise_request_exception = False
    with mock.patch("alliance.views.Article.objects.published", side_effect=ValueError):
        response = client.get("/fr/")

    assert response.status_code == 500
    assert "Un problème est survenu" in response.content.decode()


def test_a_deadlock_is_a_fault_reported_with_the_500_page_not_an_outage(client):
    # The database answered: a deadlock (or a cancelled statement) is a fault to fix, not
    # "come back in 30 seconds" — and a 503 would never email the admins.
    error = OperationalError("deadlock detected")
    error.__cause__ = psycopg.errors.DeadlockDetected("deadlock detected")
    client.raise_request_exception = False
    with mock.patch("alliance.views.Article.objects.published", side_effect=error):
        response = client.get("/fr/")

    assert response.status_code == 500
    assert "Un problème est survenu" in response.content.decode()


@pytest.mark.parametrize(
    ("template", "lang", "text"),
    [
        ("403.html", "fr", "Accès refusé"),
        ("403.html", "en", "Access denied"),
        ("429.html", "fr", "Trop de tentatives"),
        ("429.html", "en", "Too many attempts"),
    ],
)
def test_403_and_429_pages_in_both_languages(rf, template, lang, text):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get(f"/{lang}/")
    request.user = AnonymousUser()
    with translation.override(lang):
        html = render_to_string(template, request=request)

    assert text in html
    assert f'<html lang="{lang}">' in html


def test_login_page_speaks_french_and_accepts_a_verified_member(client):
    from tests.factories import PASSWORD, UserFactory

    user = UserFactory(email="membre@exemple.qc.ca")

    page = client.get("/fr/compte/login/").content.decode()
    response = client.post("/fr/compte/login/", {"login": user.email, "password": PASSWORD})

    assert "Connexion" in page and "Mot de passe" in page
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_there_is_no_open_signup(client):
    from members.models import User

    page = client.get("/fr/compte/signup/").content.decode()
    client.post(
        "/fr/compte/signup/",
        {
            "email": "intrus@exemple.com",
            "password1": "Un-mot-de-passe-42",
            "password2": "Un-mot-de-passe-42",
        },
    )

    assert "Inscriptions fermées" in page
    assert not User.objects.filter(email="intrus@exemple.com").exists()


def test_healthz_is_503_when_redis_cannot_be_reached(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["cache"] == "unreachable"


@pytest.mark.parametrize("url", ["/healthz", "/robots.txt"])
def test_monitors_may_probe_with_head(client, url):
    assert client.head(url).status_code == 200
