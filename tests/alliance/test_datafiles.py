"""The YAML data files: how they are read, and the reference content they hold."""

from alliance import reference_content
from alliance.datafiles import load_yaml
from tests.datafiles import BODY_TAGS, LOOSE_PUNCTUATION, body_tags, placeholders


def test_folded_text_reads_as_one_line_and_tags_close_up(tmp_path):
    path = tmp_path / "sample.yaml"
    path.write_text(
        "title: Un titre\n"
        "body: >-\n"
        "  <p>Une phrase coupée\n"
        "  en deux : « oui ».</p>\n"
        "  <ul>\n"
        "  <li>un</li>\n"
        "  <li><strong>deux</strong> trois</li>\n"
        "  </ul>\n"
        "items: ['ON', NB, '850.00']\n",
        encoding="utf-8",
    )

    assert load_yaml(path) == {
        "title": "Un titre",
        "body": (
            "<p>Une phrase coupée en deux : « oui ».</p>"
            "<ul><li>un</li><li><strong>deux</strong> trois</li></ul>"
        ),
        "items": ["ON", "NB", "850.00"],
    }


def test_the_pages_are_complete_in_both_languages():
    assert set(reference_content.PAGES) == {"about", "privacy"}
    for key, page in reference_content.PAGES.items():
        for field in ("title", "summary", "body"):
            assert page[f"{field}_fr"].strip() and page[f"{field}_en"].strip(), (key, field)
            assert not LOOSE_PUNCTUATION.search(page[f"{field}_fr"]), (key, field)
        assert body_tags(page["body_fr"]) <= BODY_TAGS and body_tags(page["body_en"]) <= BODY_TAGS
    privacy = reference_content.PAGES["privacy"]
    for lang in ("fr", "en"):
        assert {"privacy_email", "postal_address"} <= placeholders(privacy[f"body_{lang}"])


def test_the_rebrand_article_and_its_category_are_complete_in_both_languages():
    categories = reference_content.NEWS_CATEGORIES
    assert len(categories) == 6
    assert len({c["key"] for c in categories}) == len({c["slug_fr"] for c in categories}) == 6
    for category in categories:
        assert all(category[f] for f in ("name_fr", "name_en", "slug_fr", "slug_en"))
    rebrand = reference_content.REBRAND_ARTICLE
    assert rebrand["category"] in {c["key"] for c in categories}
    for field in ("slug", "title", "summary", "body"):
        assert rebrand[f"{field}_fr"].strip() and rebrand[f"{field}_en"].strip(), field
    assert not LOOSE_PUNCTUATION.search(rebrand["body_fr"] + rebrand["summary_fr"])
    assert body_tags(rebrand["body_fr"]) | body_tags(rebrand["body_en"]) <= BODY_TAGS


def test_the_key_figures_are_complete_in_both_languages():
    figures = reference_content.KEY_FIGURES
    assert [f["key"] for f in figures] == [
        "companies",
        "jobs",
        "revenue",
        "regional_companies",
        "regional_jobs",
    ]
    for figure in figures:
        assert all(isinstance(figure[f], str) and figure[f] for f in figure), figure
    assert figures[1]["value_fr"] == "22\u00a0000"  # the no-break space survives YAML
