"""Every public page parses as valid HTML and has the landmarks people navigate by."""

import html5lib
import pytest

from tests.factories import ArticleFactory, KeyFigureFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    PageFactory(key="about")
    PageFactory(key="privacy", title_fr="Confidentialité", title_en="Privacy")
    KeyFigureFactory()
    ArticleFactory(slug_fr="une-nouvelle", slug_en="a-news-item", featured=True)
    ArticleFactory(slug_fr="reservee", slug_en="members", members_only=True)


URLS = [
    "/fr/",
    "/en/",
    "/fr/nouvelles/",
    "/en/news/",
    "/fr/nouvelles/une-nouvelle/",
    "/en/news/a-news-item/",
    "/en/news/members/",
    "/fr/a-propos/",
    "/en/privacy/",
    "/fr/nouvelles/?q=nouvelle",
    "/fr/compte/login/",
    "/en/nowhere/",
]


@pytest.mark.parametrize("url", URLS)
def test_page_is_valid_html_with_landmarks(client, content, url):
    response = client.get(url)
    assert response.status_code == (404 if url == "/en/nowhere/" else 200)
    html = response.content.decode()

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)  # raises on any parse error

    assert document.find(".//header") is not None
    assert document.find(".//main[@id='main']") is not None
    assert document.find(".//footer") is not None
    assert len(document.findall(".//h1")) == 1
    assert document.find(".//a[@class='skip-link']").get("href") == "#main"
