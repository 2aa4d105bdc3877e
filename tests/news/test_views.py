import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    KeyFigureFactory,
    StaffFactory,
    image_upload,
    log_in,
)

pytestmark = pytest.mark.django_db

SECRET = "Le texte secret réservé aux membres"


def test_news_list_shows_published_articles_newest_first(client):
    old = ArticleFactory(
        title_fr="Ancienne nouvelle", publish_at=timezone.now() - dt.timedelta(days=9)
    )
    new = ArticleFactory(
        title_fr="Nouvelle fraîche", publish_at=timezone.now() - dt.timedelta(days=1)
    )
    ArticleFactory(title_fr="Brouillon caché", draft=True)
    ArticleFactory(
        title_fr="Programmée plus tard", publish_at=timezone.now() + dt.timedelta(days=2)
    )

    response = client.get("/fr/nouvelles/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(new.title_fr) < html.index(old.title_fr)
    assert "Brouillon caché" not in html
    assert "Programmée plus tard" not in html


def test_scheduled_article_appears_by_itself_when_its_time_comes(client):
    publish_at = timezone.now() + dt.timedelta(hours=2)
    ArticleFactory(
        title_fr="Annonce programmée", slug_fr="annonce-programmee", publish_at=publish_at
    )

    listing = client.get("/fr/nouvelles/").content.decode()
    assert "<h1>Nouvelles</h1>" in listing and "Annonce programmée" not in listing
    not_yet = client.get("/fr/nouvelles/annonce-programmee/")
    assert not_yet.status_code == 404 and "Page introuvable" in not_yet.content.decode()

    later = publish_at + dt.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Annonce programmée" in client.get("/fr/nouvelles/").content.decode()
        assert client.get("/fr/nouvelles/annonce-programmee/").status_code == 200


def test_news_list_is_paginated_and_a_page_past_the_end_is_a_french_404(client):
    ArticleFactory.create_batch(13)

    first = client.get("/fr/nouvelles/")
    second = client.get("/fr/nouvelles/?page=2")
    past_end = client.get("/fr/nouvelles/?page=3")
    garbage = client.get("/fr/nouvelles/?page=abc")

    assert first.content.decode().count('<article class="card') == 12
    assert second.content.decode().count('<article class="card') == 1
    assert past_end.status_code == 404
    assert "Page introuvable" in past_end.content.decode()
    assert garbage.status_code == 404


def test_filter_by_category_in_both_languages(client):
    events = CategoryFactory(
        name_fr="Événements", slug_fr="evenements", name_en="Events", slug_en="events"
    )
    ArticleFactory(title_fr="Soirée réseautage", title_en="Networking evening", category=events)
    ArticleFactory(title_fr="Autre sujet", title_en="Other topic")

    fr = client.get("/fr/nouvelles/categorie/evenements/").content.decode()
    en = client.get("/en/news/category/events/").content.decode()

    assert "Soirée réseautage" in fr and "Autre sujet" not in fr
    assert "Networking evening" in en and "Other topic" not in en
    # The language switcher leads to the category's English address.
    assert 'href="/en/news/category/events/"' in fr


def test_unknown_category_or_article_is_a_404_in_the_visitors_language(client):
    fr = client.get("/fr/nouvelles/categorie/inexistante/")
    en = client.get("/en/news/no-such-article/")

    assert fr.status_code == 404 and "Page introuvable" in fr.content.decode()
    assert en.status_code == 404 and "Page not found" in en.content.decode()
    assert '<html lang="en">' in en.content.decode()


def test_article_detail_in_french_and_english_with_translated_slugs(client):
    article = ArticleFactory(
        title_fr="Le nouveau nom",
        slug_fr="le-nouveau-nom",
        title_en="The new name",
        slug_en="the-new-name",
    )

    fr = client.get("/fr/nouvelles/le-nouveau-nom/").content.decode()
    en = client.get("/en/news/the-new-name/").content.decode()

    assert "Le nouveau nom" in fr and article.body_fr in fr
    assert "The new name" in en and article.body_en in en
    assert 'href="/en/news/the-new-name/" hreflang="en"' in fr
    assert 'href="/fr/nouvelles/le-nouveau-nom/" hreflang="fr"' in en
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/news/the-new-name/">' in fr
    )
    assert '<link rel="canonical" href="http://testserver/fr/nouvelles/le-nouveau-nom/">' in fr


def test_the_other_languages_slug_redirects_to_the_right_address(client):
    article = ArticleFactory(slug_fr="le-nouveau-nom", slug_en="the-new-name")

    response = client.get("/en/news/le-nouveau-nom/")

    assert response.status_code == 301
    assert response["Location"] == "/en/news/the-new-name/"
    target = client.get(response["Location"]).content.decode()
    assert f"<h1>{article.title_en}</h1>" in target


def test_english_falls_back_to_french_marked_with_lang_fr(client):
    ArticleFactory(
        title_fr="Seulement en français", slug_fr="seulement-en-francais", french_only=True
    )

    html = client.get("/en/news/seulement-en-francais/").content.decode()

    assert '<h1 lang="fr">Seulement en français</h1>' in html
    assert '<div class="prose" lang="fr">' in html
    listing = client.get("/en/news/").content.decode()
    assert 'lang="fr">Seulement en français</a>' in listing


def test_article_page_has_opengraph_twitter_and_previous_next(client):
    older = ArticleFactory(
        title_fr="Plus ancienne", publish_at=timezone.now() - dt.timedelta(days=5)
    )
    article = ArticleFactory(
        title_fr="Au milieu",
        summary_fr="Résumé du milieu",
        category=older.category,
        publish_at=timezone.now() - dt.timedelta(days=3),
    )
    newer = ArticleFactory(
        title_fr="Plus récente", publish_at=timezone.now() - dt.timedelta(days=1)
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<meta property="og:title" content="Au milieu">' in html
    assert '<meta property="og:description" content="Résumé du milieu">' in html
    assert '<meta name="twitter:card"' in html
    assert f'rel="prev" href="{older.get_absolute_url()}"' in html
    assert f'rel="next" href="{newer.get_absolute_url()}"' in html
    # Related: the older article shares the category.
    assert html.count("Plus ancienne") >= 2


def test_members_only_article_shows_visitors_title_and_summary_and_a_login_invitation(client):
    article = ArticleFactory(
        title_fr="Veille réservée",
        summary_fr="Le résumé public.",
        body_fr=f"<p>{SECRET}</p>",
        members_only=True,
        featured=True,
    )

    pages = [
        client.get(article.get_absolute_url()),
        client.get("/fr/nouvelles/"),
        client.get("/fr/"),
        client.get("/fr/nouvelles/rss/"),
        client.get("/fr/nouvelles/atom/"),
        client.get("/sitemap.xml"),
        client.get("/fr/nouvelles/?q=secret"),
    ]

    # Each page is the one it should be, with the article's title and summary where it lists
    # articles; the search for a word of the body finds nothing.
    shown = [
        "Veille réservée",
        "Veille réservée",
        "Veille réservée",
        "Le résumé public.",
        "Le résumé public.",
        article.get_absolute_url(),
        "0 article correspond à «\xa0secret\xa0».",
    ]
    for response, text in zip(pages, shown, strict=True):
        assert response.status_code == 200
        assert text in response.content.decode(), response.request["PATH_INFO"]
        assert SECRET not in response.content.decode()
    detail = pages[0].content.decode()
    assert "Veille réservée" in detail and "Le résumé public." in detail
    assert "Se connecter pour le lire" in detail


def test_search_does_not_reveal_words_of_a_members_only_body(client, staff):
    ArticleFactory(title_fr="Veille", body_fr="<p>Prix du polypropylène</p>", members_only=True)
    ArticleFactory(title_fr="Article public", body_fr="<p>Prix du polypropylène aussi</p>")

    anonymous = client.get("/fr/nouvelles/?q=polypropylène").content.decode()
    log_in(client, staff)
    as_staff = client.get("/fr/nouvelles/?q=polypropylène").content.decode()

    assert "Article public" in anonymous and ">Veille<" not in anonymous
    assert "Article public" in as_staff and ">Veille<" in as_staff


def test_staff_read_members_only_bodies(client, staff):
    article = ArticleFactory(body_fr=f"<p>{SECRET}</p>", members_only=True)
    log_in(client, staff)

    assert SECRET in client.get(article.get_absolute_url()).content.decode()


def test_staff_preview_drafts_visitors_get_404(client):
    draft = ArticleFactory(title_fr="Brouillon en cours", draft=True)

    hidden = client.get(draft.get_absolute_url())
    assert hidden.status_code == 404 and "Page introuvable" in hidden.content.decode()
    log_in(client, StaffFactory())
    preview = client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "Aperçu" in preview.content.decode()
    assert '<meta name="robots" content="noindex">' in preview.content.decode()


def test_search_finds_words_in_either_language(client):
    ArticleFactory(title_fr="Moulage par injection", title_en="Injection moulding")
    ArticleFactory(title_fr="Autre chose", title_en="Something else")

    html = client.get("/fr/nouvelles/?q=moulding").content.decode()

    assert "Moulage par injection" in html and "Autre chose" not in html


def test_feeds_per_language_carry_summaries(client):
    ArticleFactory(title_fr="Titre FR", title_en="Title EN", summary_en="English summary")

    rss_en = client.get("/en/news/rss/")
    atom_fr = client.get("/fr/nouvelles/atom/")

    assert rss_en["Content-Type"].startswith("application/rss+xml")
    assert "Title EN" in rss_en.content.decode() and "English summary" in rss_en.content.decode()
    assert atom_fr["Content-Type"].startswith("application/atom+xml")
    assert "Titre FR" in atom_fr.content.decode()


def test_sitemap_lists_published_articles_with_language_alternates(client):
    ArticleFactory(slug_fr="publie", slug_en="published")
    ArticleFactory(slug_fr="brouillon", draft=True)

    xml = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/fr/nouvelles/publie/" in xml
    assert 'hreflang="en" href="http://testserver/en/news/published/"' in xml
    assert "brouillon" not in xml


@pytest.mark.parametrize("count", [5, 50])
def test_query_counts_do_not_grow_with_articles(client, django_assert_num_queries, count):
    category = CategoryFactory()
    KeyFigureFactory.create_batch(4)
    articles = [
        ArticleFactory(
            category=category,
            cover=image_upload(size=(320, 180)),
            cover_alt_fr="Image",
            featured=(i == 0),
            members_only=(i % 3 == 0),
        )
        for i in range(count)
    ]
    article = articles[len(articles) // 2]

    # list: count, categories, the page of articles (covers need no query)
    with django_assert_num_queries(3):
        listing = client.get("/fr/nouvelles/")
        assert listing.status_code == 200
    # home: the featured article, key figures, latest news
    with django_assert_num_queries(3):
        home = client.get("/fr/")
        assert home.status_code == 200
    # detail: the article, related, previous, next
    with django_assert_num_queries(4):
        detail = client.get(article.get_absolute_url())
        assert detail.status_code == 200
    newest = max(articles, key=lambda a: a.publish_at)
    assert listing.content.decode().count('<article class="card') == min(count, 12)
    assert newest.title_fr in listing.content.decode()
    assert articles[0].title_fr in home.content.decode()  # the featured one
    assert f"<h1>{article.title_fr}</h1>" in detail.content.decode()


def test_published_queryset_excludes_drafts_and_future():
    live = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(publish_at=timezone.now() + dt.timedelta(minutes=5))

    assert list(Article.objects.published()) == [live]


def test_slugs_shared_across_languages_lead_to_the_right_article(client):
    ArticleFactory(title_fr="Article A", slug_fr="polymeres", slug_en="a-polymers")
    ArticleFactory(title_en="Article B", slug_fr="b-polymeres", slug_en="polymeres")

    fr = client.get("/fr/nouvelles/polymeres/")
    en = client.get("/en/news/polymeres/")

    assert fr.status_code == 200 and "Article A" in fr.content.decode()
    assert en.status_code == 200 and "Article B" in en.content.decode()


def test_an_english_slug_on_a_french_url_redirects_and_keeps_the_query(client):
    ArticleFactory(title_fr="Le nouveau nom", slug_fr="le-nouveau-nom", slug_en="the-new-name")
    CategoryFactory(name_en="Events", slug_fr="evenements", slug_en="events")

    article = client.get("/fr/nouvelles/the-new-name/?utm_source=infolettre")
    category = client.get("/en/news/category/evenements/?page=1&q=soiree")

    assert article.status_code == 301
    assert article["Location"] == "/fr/nouvelles/le-nouveau-nom/?utm_source=infolettre"
    assert category.status_code == 301
    assert category["Location"] == "/en/news/category/events/?page=1&q=soiree"
    assert "<h1>Le nouveau nom</h1>" in client.get(article["Location"]).content.decode()
    assert "<h1><span>Events</span></h1>" in client.get(category["Location"]).content.decode()


def test_a_very_long_search_gets_a_message_not_an_error_page(client):
    ArticleFactory(title_fr="Recyclage")

    response = client.get("/fr/nouvelles/", {"q": "x" * 5000})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="news-q-errors"' in html and "100" in html
    assert "Recyclage" in html  # the news are still listed


@pytest.mark.parametrize(
    "url",
    [
        "/fr/nouvelles/?q=a%00b",
        "/en/news/?page=%00",
        "/admin/news/article/?status__exact=%00",  # the admin's filters reach the database
        "/fr/nouvelles/caf%00e/",
    ],
)
def test_a_nul_character_anywhere_is_a_clear_400(staff_client, url):
    response = staff_client.get(url)

    assert response.status_code == 400
    lang = "en" if url.startswith("/en/") else "fr"
    heading = "Invalid request" if lang == "en" else "Requête invalide"
    assert heading in response.content.decode()


def test_french_only_article_is_not_announced_as_english(client):
    ArticleFactory(slug_fr="seulement-en-francais", french_only=True)

    html = client.get("/en/news/seulement-en-francais/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert 'hreflang="en"' not in html.split("</head>")[0]
    assert '<meta property="og:locale" content="fr_CA">' in html
    assert "/en/news/seulement-en-francais/" not in sitemap
    assert "/fr/nouvelles/seulement-en-francais/" in sitemap


def test_search_pages_are_not_indexed_and_canonical_drops_tracking(client):
    ArticleFactory()

    search = client.get("/fr/nouvelles/?q=nouvelle").content.decode()
    tracked = client.get("/fr/nouvelles/?utm_source=x").content.decode()

    assert '<meta name="robots" content="noindex">' in search
    assert '<link rel="canonical" href="http://testserver/fr/nouvelles/">' in tracked


def test_a_missing_cover_file_is_a_broken_image_not_an_error_page(client, settings):
    import shutil

    article = ArticleFactory(cover=image_upload(), cover_alt_fr="Une usine", featured=True)
    shutil.rmtree(settings.MEDIA_ROOT)

    for url in ("/fr/", "/fr/nouvelles/", article.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert article.title_fr in response.content.decode(), url


def test_french_only_category_is_not_announced_as_english(client):
    CategoryFactory(name_fr="Vie associative", slug_fr="vie-associative", name_en="", slug_en=None)

    html = client.get("/en/news/category/vie-associative/").content.decode()

    assert 'hreflang="en"' not in html.split("</head>")[0]
    assert '<h1><span lang="fr">Vie associative</span></h1>' in html
