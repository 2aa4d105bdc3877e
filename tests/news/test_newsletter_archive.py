"""The newsletter's archive on the site: sent issues left in the archive, each with its web
version; nothing else."""

import datetime as dt

import pytest
from django.utils import timezone

from news.models import Newsletter
from tests.factories import ArticleFactory, NewsletterFactory, SectionFactory

pytestmark = pytest.mark.django_db

ARCHIVE = "/fr/infolettre/"
SECRET = "Le texte réservé aux membres de l’association"


def test_archive_lists_sent_issues_in_the_archive_newest_first(client):
    now = timezone.now()
    old = NewsletterFactory(
        subject_fr="Numéro de janvier",
        preheader_fr="Le froid et le plastique",
        sent_at=now - dt.timedelta(days=60),
    )
    new = NewsletterFactory(subject_fr="Numéro de mars", sent_at=now - dt.timedelta(days=2))
    NewsletterFactory(subject_fr="Brouillon en cours", draft=True)
    NewsletterFactory(
        subject_fr="Numéro programmé", status=Newsletter.Status.SCHEDULED, sent_at=None
    )
    NewsletterFactory(
        subject_fr="Numéro en cours d’envoi", status=Newsletter.Status.SENDING, sent_at=None
    )
    NewsletterFactory(subject_fr="Numéro retiré", in_archive=False)

    response = client.get(ARCHIVE)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(new.subject_fr) < html.index(old.subject_fr)
    assert "Le froid et le plastique" in html
    assert f'href="{old.get_absolute_url()}"' in html
    assert f'datetime="{timezone.localtime(old.sent_at).isoformat(timespec="seconds")}"' in html
    for hidden in (
        "Brouillon en cours",
        "Numéro programmé",
        "Numéro en cours d’envoi",
        "Numéro retiré",
    ):
        assert hidden not in html
    assert 'href="/fr/infolettre/inscription/"' in html  # the call to sign up


def test_archive_is_paginated(client):
    NewsletterFactory.create_batch(13)

    first = client.get(ARCHIVE).content.decode()
    second = client.get(ARCHIVE + "?page=2").content.decode()

    assert first.count('class="issue-list__item"') == 12
    assert second.count('class="issue-list__item"') == 1
    assert client.get(ARCHIVE + "?page=3").status_code == 404


@pytest.mark.parametrize(
    "issue",
    [
        {"draft": True},
        {"status": Newsletter.Status.SCHEDULED, "sent_at": None},
        {"status": Newsletter.Status.SENDING},
        {"in_archive": False},
    ],
    ids=["draft", "scheduled", "sending", "not-in-archive"],
)
def test_an_issue_not_in_the_archive_is_a_404(client, staff_client, issue):
    newsletter = NewsletterFactory(**issue)

    assert client.get(newsletter.get_absolute_url()).status_code == 404
    assert staff_client.get(newsletter.get_absolute_url()).status_code == 404


def test_an_archived_issue_shows_its_text_and_its_published_articles_as_cards(client):
    newsletter = NewsletterFactory(
        subject_fr="Numéro d’avril",
        introduction_fr="Un mot de la direction.",
        closing_fr="À bientôt au salon.",
    )
    public = ArticleFactory(
        title_fr="Un nouveau membre", summary_fr="Bienvenue à Plastiques Lévis."
    )
    members = ArticleFactory(
        title_fr="Étude de marché",
        summary_fr="Les chiffres du secteur.",
        body_fr=f"<p>{SECRET}</p>",
        members_only=True,
    )
    draft = ArticleFactory(title_fr="Article pas encore publié", draft=True)
    SectionFactory(
        newsletter=newsletter,
        heading_fr="Vie associative",
        text_fr="Ce qui s’est passé.",
        articles=[public, members, draft],
    )

    response = client.get(newsletter.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Numéro d’avril</h1>" in html
    assert "Un mot de la direction." in html and "À bientôt au salon." in html
    assert "Vie associative" in html and "Ce qui s’est passé." in html
    assert html.count('<article class="card') == 2
    assert "Un nouveau membre" in html and f'href="{public.get_absolute_url()}"' in html
    assert "Étude de marché" in html and "Les chiffres du secteur." in html
    assert SECRET not in html
    assert "Article pas encore publié" not in html
    assert (
        html.index("Un mot de la direction.")
        < html.index("Vie associative")
        < html.index("À bientôt au salon.")
    )


def test_an_issue_in_english_falls_back_to_french_with_lang(client):
    newsletter = NewsletterFactory(
        subject_fr="Numéro en français", subject_en="", introduction_fr="Bonjour."
    )

    html = client.get(f"/en/newsletter/{newsletter.pk}/").content.decode()

    assert '<h1 lang="fr">Numéro en français</h1>' in html


def test_the_archive_and_its_issues_are_in_the_sitemap(client):
    archived = NewsletterFactory()
    draft = NewsletterFactory(draft=True)

    xml = client.get("/sitemap.xml").content.decode()

    assert "/fr/infolettre/</loc>" in xml and "/en/newsletter/</loc>" in xml
    assert f"/fr/infolettre/{archived.pk}/</loc>" in xml
    assert f"/infolettre/{draft.pk}/</loc>" not in xml


def test_the_footer_links_to_the_archive(client):
    html = client.get("/fr/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{ARCHIVE}"' in footer
