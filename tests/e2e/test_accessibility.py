import io

import pytest
from django.core.management import call_command

from alliance.reference_content import REBRAND_ARTICLE
from members.models import Company

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/fr/",
    "/en/",
    "/fr/nouvelles/",
    "/en/news/",
    f"/fr/nouvelles/{REBRAND_ARTICLE['slug_fr']}/",
    f"/en/news/{REBRAND_ARTICLE['slug_en']}/",
    "/fr/membres/",
    "/en/members/?q=injection&region=12",
    "/fr/adhesion/",
    "/en/join/",
    "/fr/compte/login/",
    "/en/account/login/",
]


@pytest.fixture
def seeded():
    call_command("seed_demo", force=True, verbosity=0, stdout=io.StringIO())


def test_no_serious_or_critical_accessibility_violation(page, axe_js, seeded):
    company = Company.objects.in_directory().exclude(logo="").order_by("sort_name").first()
    problems = []
    for url in [*PAGES, f"/fr/membres/{company.slug}/", f"/en/members/{company.slug}/"]:
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            page.add_script_tag(content=axe_js)
            result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    problems.append(f"{url} @{width}px: {violation['id']} {targets}")
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth > window.innerWidth"
            )
            if overflow:
                problems.append(f"{url} @{width}px: scrolls horizontally")

    assert problems == []
