import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from alliance.reference_content import REBRAND_ARTICLE
from members.models import Committee, Company, Seat
from news.models import Newsletter
from tests.factories import (
    PASSWORD,
    CompanyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    UserFactory,
)

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
    "/fr/comites/",
    "/en/committees/innovation-developpement-durable/",
    "/fr/infolettre/",
    "/en/newsletter/subscribe/",
]


@pytest.fixture
def seeded():
    call_command("seed_demo", force=True, verbosity=0, stdout=io.StringIO())


def scan(page, axe_js, urls) -> list[str]:
    problems = []
    for url in urls:
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(url)
            if response.status != 200:  # the scan would pass on an error page
                problems.append(f"{url} @{width}px: answered {response.status}")
                continue
            # Evaluated by the browser's devtools, which the page's CSP does not govern: an
            # inline <script> with axe-core would be refused, as the policy means it to be.
            page.evaluate(axe_js)
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
    return problems


def test_no_serious_or_critical_accessibility_violation(page, axe_js, seeded):
    company = Company.objects.in_directory().exclude(logo="").order_by("sort_name").first()
    issue = Newsletter.objects.order_by("-sent_at").first()
    urls = [
        *PAGES,
        f"/fr/membres/{company.slug}/",
        f"/en/members/{company.slug}/",
        f"/fr/infolettre/{issue.pk}/",
        f"/en/newsletter/{issue.pk}/",
    ]
    assert scan(page, axe_js, urls) == []


def test_member_area_pages_are_accessible(page, axe_js):
    company = CompanyFactory()
    user = UserFactory()
    person = PersonFactory(company=company, user=user, email=user.email, role="admin")
    call_command("seed_reference", verbosity=0, stdout=io.StringIO())
    committee = Committee.objects.first()
    SeatFactory(committee=committee, person=person, role=Seat.Role.CHAIR)
    MeetingFactory(
        committee=committee,
        starts_at=timezone.now() + dt.timedelta(days=7),
        agenda_fr="<ol><li>Ouverture</li></ol>",
        video_url="https://visio.example/comite",
    )
    page.goto("/fr/compte/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/espace-membre/")
    area = "/fr/espace-membre/"
    urls = [
        area,
        f"{area}entreprises/{company.slug}/",
        f"{area}entreprises/{company.slug}/collegues/",
        f"{area}profil/",
        f"{area}profil/fermer/",
        "/en/member-area/profile/",
        "/fr/compte/email/",
        "/fr/compte/password/change/",
        "/fr/compte/2fa/",
        f"{area}comites/",
    ]
    assert scan(page, axe_js, urls) == []
