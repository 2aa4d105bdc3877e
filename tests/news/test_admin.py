import datetime as dt
import io
import struct
import zlib

import pytest
import reversion
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from news.models import Article
from tests.admin_forms import submitted
from tests.factories import ArticleFactory, CategoryFactory, image_upload, log_in

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/news/article/add/"


def article_form(category, **overrides) -> dict:
    data = {
        "title_fr": "Une nouvelle adhésion",
        "title_en": "A new membership",
        "slug_fr": "une-nouvelle-adhesion",
        "slug_en": "a-new-membership",
        "summary_fr": "Résumé.",
        "summary_en": "Summary.",
        "body_fr": "<p>Texte.</p>",
        "body_en": "<p>Text.</p>",
        "cover_alt_fr": "Une usine",
        "cover_alt_en": "A plant",
        "category": category.pk,
        "status": "published",
        "publish_at_0": "2026-01-15",
        "publish_at_1": "10:00:00",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_staff_write_an_article_in_both_languages_with_a_cover(staff_client):
    category = CategoryFactory()

    response = staff_client.post(ADD_URL, article_form(category, cover=image_upload()))

    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert (article.title_fr, article.title_en) == ("Une nouvelle adhésion", "A new membership")
    assert article.cover.name.endswith(".png")
    assert article.cover_list.url  # the list rendition is generated
    assert article.author is not None


def test_admin_uses_french_and_english_tabs_with_local_assets(staff_client):
    html = staff_client.get(ADD_URL).content.decode()

    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html and "cdn" not in html.lower()
    assert 'name="title_fr"' in html and 'name="title_en"' in html
    assert "django_prose_editor" in html


def _png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _truncated_jpeg() -> bytes:
    data = image_upload(fmt="JPEG", name="x.jpg").read()
    return data[: len(data) // 2]


NOT_AN_IMAGE = "Téléversez une image valide"
BAD_UPLOADS = {
    "not an image": lambda: SimpleUploadedFile(
        "rapport.png", b"%PDF-1.4 pas une image", "image/png"
    ),
    "truncated": lambda: SimpleUploadedFile("tronquee.jpg", _truncated_jpeg(), "image/jpeg"),
    "decompression bomb": lambda: SimpleUploadedFile(
        "bombe.png", _png_header_claiming(30000, 30000), "image/png"
    ),
    "svg": lambda: SimpleUploadedFile(
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "image/svg+xml",
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=list(BAD_UPLOADS))
def test_bad_cover_uploads_get_a_french_error_and_nothing_is_saved(staff_client, case):
    response = staff_client.post(
        ADD_URL, article_form(CategoryFactory(), cover=BAD_UPLOADS[case]())
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_cover_error"' in html
    assert NOT_AN_IMAGE in html
    assert not Article.objects.exists()


def test_the_model_refuses_bad_images_whatever_the_path():
    """Outside forms too: a truncated file or a bomb never reaches the media folder."""
    from django.core.exceptions import ValidationError

    for case in ("truncated", "decompression bomb"):
        article = ArticleFactory.build(category=CategoryFactory(), cover=BAD_UPLOADS[case]())
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "cover" in error.value.message_dict


def test_a_30_mb_cover_is_refused_with_the_limit(staff_client):
    big = io.BytesIO()
    big.write(image_upload(fmt="PNG").read())
    big.write(b"\0" * (30 * 1024 * 1024))
    upload = SimpleUploadedFile("enorme.png", big.getvalue(), "image/png")

    response = staff_client.post(ADD_URL, article_form(CategoryFactory(), cover=upload))

    html = response.content.decode()
    assert response.status_code == 200
    assert "la limite est de 10,0" in html or "la limite est de 10.0" in html
    assert not Article.objects.exists()


def test_a_bad_upload_leaves_the_existing_cover_untouched(staff_client):
    article = ArticleFactory(cover=image_upload(), cover_alt_fr="Image")
    original = article.cover.name
    data = article_form(
        article.category,
        cover=SimpleUploadedFile("x.png", b"nope", "image/png"),
        slug_fr=article.slug_fr,
        slug_en=article.slug_en,
    )

    response = staff_client.post(f"/admin/news/article/{article.pk}/change/", data)

    assert response.status_code == 200 and NOT_AN_IMAGE in response.content.decode()
    article.refresh_from_db()
    assert article.cover.name == original
    assert article.title_fr != "Une nouvelle adhésion"


def test_cover_requires_french_alt_text(staff_client):
    response = staff_client.post(
        ADD_URL, article_form(CategoryFactory(), cover=image_upload(), cover_alt_fr="")
    )

    assert "Décrivez l’image" in response.content.decode()
    assert not Article.objects.exists()


def test_french_title_is_required_english_is_not(staff_client):
    category = CategoryFactory()
    missing_french = staff_client.post(ADD_URL, article_form(category, title_fr="", slug_fr=""))
    english_missing = staff_client.post(
        ADD_URL,
        article_form(category, title_en="", slug_en="", summary_en="", body_en="", cover_alt_en=""),
    )

    assert missing_french.status_code == 200
    assert 'id="id_title_fr_error"' in missing_french.content.decode()
    assert english_missing.status_code == 302
    assert Article.objects.get().slug_en is None


HOSTILE = (
    '<p onclick="steal()">Bonjour<script>alert("x")</script></p>'
    '<p><a href="javascript:alert(1)">lien</a> <img src=x onerror=alert(1)></p>'
    '<iframe src="https://evil.example"></iframe><p><a href="https://ok.example">ok</a></p>'
)


def test_hostile_html_in_a_body_is_neutralised(staff_client):
    staff_client.post(ADD_URL, article_form(CategoryFactory(), body_fr=HOSTILE))
    article = Article.objects.get()

    for body in (article.body_fr, ArticleFactory(body_fr=HOSTILE).body_fr):
        assert "<script" not in body and "onclick" not in body and "onerror" not in body
        assert "javascript:" not in body and "<iframe" not in body
        assert "Bonjour" in body and 'href="https://ok.example"' in body


def test_publish_and_unpublish_actions_keep_history(staff_client, staff):
    drafts = ArticleFactory.create_batch(2, draft=True)

    staff_client.post(
        "/admin/news/article/", {"action": "publish", "_selected_action": [a.pk for a in drafts]}
    )

    assert Article.objects.published().count() == 2
    versions = Version.objects.get_for_object(drafts[0])
    assert versions.count() == 1
    assert versions[0].revision.user == staff

    staff_client.post(
        "/admin/news/article/", {"action": "unpublish", "_selected_action": [drafts[0].pk]}
    )
    assert Article.objects.published().count() == 1


def test_history_shows_who_changed_what_and_restores_an_old_version(staff_client, staff):
    category = CategoryFactory()
    staff_client.post(ADD_URL, article_form(category, title_fr="Titre original"))
    article = Article.objects.get()
    staff_client.post(
        f"/admin/news/article/{article.pk}/change/",
        article_form(category, title_fr="Titre modifié", summary_fr="Résumé modifié."),
    )

    history = staff_client.get(f"/admin/news/article/{article.pk}/history/").content.decode()
    assert staff.email in history
    assert "Titre [fr]" in history and "Résumé [fr]" in history  # what changed

    first = Version.objects.get_for_object(article).order_by("pk").first()
    revert_url = f"/admin/news/article/{article.pk}/history/{first.pk}/"
    form = staff_client.get(revert_url).content.decode()
    assert 'name="title_fr" value="Titre original"' in form
    # Staff confirm the old version as the form shows it, with its own values.
    staff_client.post(revert_url, article_form(category, title_fr="Titre original"))
    article.refresh_from_db()
    assert (article.title_fr, article.summary_fr) == ("Titre original", "Résumé.")


def test_english_missing_filter(staff_client):
    ArticleFactory(title_fr="Complète")
    ArticleFactory(title_fr="Sans anglais", french_only=True)

    html = staff_client.get("/admin/news/article/?english=missing").content.decode()

    assert "Sans anglais" in html and "Complète" not in html


def test_search_in_both_languages(staff_client):
    ArticleFactory(title_fr="Recyclage", title_en="Recycling drive")
    ArticleFactory(title_fr="Autre", title_en="Other")

    html = staff_client.get("/admin/news/article/?q=drive").content.decode()

    assert "Recyclage" in html and ">Autre<" not in html


@pytest.mark.parametrize("count", [5, 50])
def test_changelist_queries_do_not_grow(staff_client, django_assert_num_queries, count):
    category = CategoryFactory()
    ArticleFactory.create_batch(count, category=category)

    # session, user, counts, the page of articles, the category filter, the date hierarchy,
    # reversion's deleted-versions check: the same number for 5 and for 50 articles.
    with django_assert_num_queries(10):  # the second factor is read from the session
        response = staff_client.get("/admin/news/article/")
        assert response.status_code == 200
    assert len(response.context["cl"].result_list) == count
    assert Article.objects.first().title_fr in response.content.decode()


def test_visitors_cannot_reach_the_admin(client):
    response = client.get("/admin/news/article/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    login = client.get("/admin/news/article/", follow=True)
    assert login.redirect_chain[-1][0].startswith("/fr/compte/login/")
    assert 'name="password"' in login.content.decode()


def test_saving_in_the_english_admin_does_not_copy_french_into_english(client, staff):
    category = CategoryFactory()
    log_in(client, staff)
    data = article_form(
        category, title_en="", slug_en="", summary_en="", body_en="", cover_alt_en=""
    )

    client.post(ADD_URL, data, HTTP_ACCEPT_LANGUAGE="en")

    article = Article.objects.get()
    assert article.body_fr == "<p>Texte.</p>"
    assert article.body_en in ("", None)
    assert article.title_en in ("", None)


def test_publishing_dates_undated_drafts_and_keeps_chosen_dates(staff_client):
    undated = ArticleFactory(draft=True, publish_at=None)
    future = ArticleFactory(draft=True, publish_at=timezone.now() + dt.timedelta(days=3))
    year_old = timezone.now() - dt.timedelta(days=400)
    republished = ArticleFactory(draft=True, publish_at=year_old)

    staff_client.post(
        "/admin/news/article/",
        {"action": "publish", "_selected_action": [undated.pk, future.pk, republished.pk]},
    )

    for article in (undated, future, republished):
        article.refresh_from_db()
    assert timezone.now() - undated.publish_at < dt.timedelta(minutes=1)
    assert future.publish_at > timezone.now()  # scheduled
    assert republished.publish_at == year_old  # an old article does not jump to the top
    assert set(Article.objects.published()) == {undated, republished}


def test_a_draft_saved_without_a_date_is_dated_when_published_from_the_form(staff_client):
    category = CategoryFactory()
    staff_client.post(
        ADD_URL, article_form(category, status="draft", publish_at_0="", publish_at_1="")
    )
    article = Article.objects.get()
    assert article.publish_at is None

    staff_client.post(
        f"/admin/news/article/{article.pk}/change/",
        article_form(category, publish_at_0="", publish_at_1=""),
    )

    article.refresh_from_db()
    assert article.is_live


def test_feed_names_cannot_be_used_as_slugs(staff_client):
    response = staff_client.post(ADD_URL, article_form(CategoryFactory(), slug_fr="rss"))

    assert "réservé aux fils de nouvelles" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("taken_fr", "taken_en"),
    [
        ("meme-adresse", "other"),  # same language
        ("autre", "meme-adresse"),  # the new French slug is another article's English one
    ],
)
def test_an_address_is_used_by_one_article_only_in_either_language(
    staff_client, taken_fr, taken_en
):
    existing = ArticleFactory(slug_fr=taken_fr, slug_en=taken_en)

    response = staff_client.post(ADD_URL, article_form(existing.category, slug_fr="meme-adresse"))

    html = response.content.decode()
    assert 'id="id_slug_fr_error"' in html
    assert "Cette adresse est déjà utilisée par une autre page" in html
    assert Article.objects.count() == 1


def test_every_admin_save_is_recorded_for_history():
    assert reversion.is_registered(Article)


def test_changing_only_the_english_reminds_staff_to_update_the_french(staff_client):
    category = CategoryFactory()
    staff_client.post(ADD_URL, article_form(category))
    article = Article.objects.get()

    response = staff_client.post(
        f"/admin/news/article/{article.pk}/change/",
        article_form(category, title_en="A newer English title"),
        follow=True,
    )

    assert "mais pas le français" in response.content.decode()
    both = staff_client.post(
        f"/admin/news/article/{article.pk}/change/",
        article_form(category, title_en="Again", title_fr="Encore"),
        follow=True,
    )
    assert "a été modifié avec succès" in both.content.decode()
    assert "mais pas le français" not in both.content.decode()


def test_history_is_written_in_french_even_from_the_english_admin(client, staff):
    category = CategoryFactory()
    log_in(client, staff)
    client.post(ADD_URL, article_form(category), HTTP_ACCEPT_LANGUAGE="en")
    article = Article.objects.get()

    client.post(
        f"/admin/news/article/{article.pk}/change/",
        article_form(category, body_fr="<p>Nouveau texte.</p>", visibility="members"),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    comment = Version.objects.get_for_object(article).first().revision.get_comment()
    assert comment == "Modification de Texte [fr] et Visibilité."


def test_categories_share_no_address_across_languages(staff_client):
    CategoryFactory(slug_fr="evenements", slug_en="events")

    response = staff_client.post(
        "/admin/news/category/add/",
        {
            "name_fr": "Activités",
            "slug_fr": "events",
            "name_en": "Activities",
            "slug_en": "activities",
            "position": 1,
        },
    )

    assert "Cette adresse est déjà utilisée par une autre page" in response.content.decode()


def test_a_deleted_article_recovered_from_the_history_gets_its_cover_back(staff_client, client):
    staff_client.post(ADD_URL, article_form(CategoryFactory(), cover=image_upload()))
    article = Article.objects.get()
    cover = article.cover.name

    # django-cleanup removes files once the deletion is committed.
    staff_client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.exists()
    recover_list = staff_client.get("/admin/news/article/recover/").content.decode()
    version = Version.objects.get_deleted(Article).get()
    assert f"/admin/news/article/recover/{version.pk}/" in recover_list
    form = staff_client.get(f"/admin/news/article/recover/{version.pk}/")
    response = staff_client.post(f"/admin/news/article/recover/{version.pk}/", submitted(form))

    assert response.status_code == 302
    recovered = Article.objects.get()
    assert recovered.cover.name == cover
    assert recovered.cover.storage.exists(cover)
    client.logout()
    page = client.get(recovered.get_absolute_url()).content.decode()
    assert f'<img src="{recovered.cover_detail.url}" alt="Une usine"' in page


def test_an_article_never_edited_in_the_admin_can_be_recovered_once_deleted(staff_client):
    ArticleFactory(title_fr="Venue du contenu de référence")
    article = Article.objects.get()
    assert not Version.objects.get_for_object(article).exists()

    staff_client.post(
        "/admin/news/article/",
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert not Article.objects.exists()
    recover_list = staff_client.get("/admin/news/article/recover/").content.decode()
    assert "Venue du contenu de référence" in recover_list
