"""The pages visitors and members read are valid HTML, as the Nu HTML Checker (the W3C's
validator, vnu.jar) judges them."""

import io
import json
import subprocess

import pytest
from django.core.management import call_command

from alliance.reference_content import REBRAND_ARTICLE
from members.models import Company, Person
from news.models import Newsletter
from tests.client import Client
from tests.factories import log_in

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/fr/",
    "/en/",
    "/fr/nouvelles/",
    f"/fr/nouvelles/{REBRAND_ARTICLE['slug_fr']}/",
    "/en/news/?q=recyclage",
    "/fr/membres/",
    "/en/members/?q=injection&region=12",
    "/fr/adhesion/",
    "/fr/comites/",
    "/fr/a-propos/",
    "/fr/confidentialite/",
    "/fr/infolettre/",
    "/fr/infolettre/inscription/",
    "/en/newsletter/subscribe/",
    "/fr/compte/login/",
    "/fr/page-qui-n-existe-pas/",
]
MEMBER_AREA = ["/fr/espace-membre/", "/fr/espace-membre/comites/", "/fr/espace-membre/profil/"]


def test_public_and_member_pages_are_valid_html(vnu_jar, tmp_path):
    call_command("seed_demo", "--companies", "60", "--force", stdout=io.StringIO())
    company = Company.objects.in_directory().order_by("sort_name").first()
    issue = Newsletter.objects.archived().first()
    visitor = Client()
    pages = {}
    for url in [*PUBLIC, company.get_absolute_url(), f"/fr/infolettre/{issue.pk}/"]:
        response = visitor.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        pages[url] = response.content
    member = Person.objects.filter(user__isnull=False, role="admin").first().user
    as_member = log_in(Client(), member)
    for url in [
        *MEMBER_AREA,
        f"/fr/espace-membre/entreprises/{member.people.first().company.slug}/",
    ]:
        response = as_member.get(url)
        assert response.status_code == 200, (url, response.status_code)
        pages[url] = response.content

    files = {}
    for n, (url, content) in enumerate(pages.items()):
        path = tmp_path / f"page{n}.html"
        path.write_bytes(content)
        files[f"file:{path}"] = url
    checked = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *(str(tmp_path / f"page{n}.html") for n in range(len(pages))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(checked.stderr or checked.stdout)
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
        if message["type"] == "error"
    ]
    assert errors == [], "\n".join(errors)
