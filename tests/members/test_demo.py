import io
import random
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from members.demo import create_demo_companies, demo_companies
from members.models import (
    Application,
    Committee,
    Company,
    Document,
    Membership,
    MembershipCategory,
    MembershipStatus,
    Person,
    Process,
    Region,
    Seat,
)
from news.models import Newsletter, Subscriber
from tests.factories import MembershipCategoryFactory, ProcessFactory, SectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference():
    """The reference lists seed_reference makes, or a minimum of them if it does not
    make them (yet)."""
    call_command("seed_reference", stdout=io.StringIO())
    for slug, name in [
        ("plastiques", "Plastiques"),
        ("composites", "Composites"),
        ("caoutchouc", "Caoutchouc"),
    ]:
        SectorFactory(slug=slug, name_fr=name)
    for slug, name_fr, name_en in [
        ("moulage-par-injection", "Moulage par injection", "Injection moulding"),
        ("thermoformage", "Thermoformage", "Thermoforming"),
        ("pultrusion", "Pultrusion", "Pultrusion"),
    ]:
        ProcessFactory(slug=slug, name_fr=name_fr, name_en=name_en)
    if not MembershipCategory.objects.exists():
        MembershipCategoryFactory(name_fr="Membre manufacturier", annual_fee="850.00")


@pytest.fixture
def six_hundred(reference):
    assert create_demo_companies(600, logos=False) == 600
    return Company.objects.all()


def share(count: int, total: int) -> float:
    return 100 * count / total


def test_six_hundred_companies_spread_like_the_industry(six_hundred):
    companies = six_hundred
    assert companies.count() == demo_companies().count() == 600

    statuses = Counter(companies.with_status().values_list("status", flat=True))
    assert 75 <= share(statuses[MembershipStatus.ACTIVE], 600) <= 87
    assert 3 <= share(statuses[MembershipStatus.GRACE], 600) <= 8
    assert 7 <= share(statuses[MembershipStatus.LAPSED], 600) <= 14
    assert 1 <= share(statuses[MembershipStatus.PENDING], 600) <= 4
    assert 0.5 <= share(statuses[MembershipStatus.CANCELLED], 600) <= 3
    assert 12 <= companies.ending_within(30).count() <= 30  # for the renewal reminders

    regions = Counter(companies.values_list("region", flat=True))
    assert 60 <= regions[Region.CHAUDIERE_APPALACHES] <= 80
    assert regions[Region.MONTEREGIE] > regions[Region.LAVAL] > regions[Region.OUTAOUAIS]
    assert set(regions) >= {code for code, _label in Region.choices}
    outside = companies.exclude(province="QC")
    assert 6 <= outside.count() <= 20
    assert not outside.exclude(region="").exists()
    assert set(outside.values_list("province", flat=True)) <= {"ON", "NB"}

    sectors = Counter(
        frozenset(company.sectors.values_list("slug", flat=True))
        for company in companies.prefetch_related("sectors")
    )
    plastics_only = sectors[frozenset({"plastiques"})]
    composites_only = sectors[frozenset({"composites"})]
    both = sum(n for s, n in sectors.items() if {"plastiques", "composites"} <= s)
    rubber = sum(n for s, n in sectors.items() if "caoutchouc" in s)
    assert 50 <= share(plastics_only, 600) <= 64
    assert 20 <= share(composites_only, 600) <= 30
    assert 12 <= share(both, 600) <= 20
    assert 5 <= share(rubber, 600) <= 11

    french_only = companies.filter(description_en="").count()
    assert 7 <= share(french_only, 600) <= 13
    assert not companies.filter(description_fr="").exists()
    with_neq = list(companies.exclude(neq=None).values_list("neq", flat=True))
    assert 85 <= share(len(with_neq), 600) <= 95
    assert len(set(with_neq)) == len(with_neq)
    assert all(re.fullmatch(r"11\d{8}", neq) for neq in with_neq)
    assert Application.objects.filter(decision=Application.Decision.PENDING).count() == 5


def test_every_company_is_fictitious_and_complete(six_hundred):
    names = list(six_hundred.values_list("name", flat=True))
    assert len(set(names)) == 600
    for company in six_hundred.prefetch_related(
        "sectors", "roles", "processes", "materials", "markets", "certifications"
    ):
        assert company.website == f"https://{company.website[8:-8]}.example"
        assert company.email.endswith(".example")
        assert re.fullmatch(r"\d{3} 555-01\d\d", company.phone)
        assert company.description_fr.endswith("ne décrit une entreprise réelle.")
        assert company.description_en == "" or company.description_en.endswith(
            "Nothing on this profile describes a real company."
        )
        assert 1950 <= company.founded <= 2022
        assert company.naics in {"326111", "326121", "326122", "326130", "326150"} | {
            "326193",
            "326198",
            "326220",
            "326290",
            "325210",
        }
        assert 1 <= company.roles.count() <= 3
        for field in ("processes", "materials", "markets"):
            assert 1 <= getattr(company, field).count() <= 4, field
        assert company.certifications.count() <= 2
        first = company.postal_code[0]
        if company.province == "QC":
            assert first in "GHJ"
            assert first != "H" or company.region in (Region.MONTREAL, Region.LAVAL)
        else:
            assert first in ("E" if company.province == "NB" else "KLMNP")


def test_text_search_finds_companies_by_process(six_hundred):
    for word in ("injection", "thermoformage", "thermoforming"):
        assert six_hundred.search(word).count() >= 20, word


def test_people_and_membership_periods(six_hundred):
    people = Person.objects.filter(company__in=six_hundred)
    per_company = Counter(people.values_list("company_id", flat=True))
    assert set(per_company.values()) <= {1, 2, 3} and len(per_company) == 600
    assert people.filter(role=Person.Role.ADMIN).count() == 600
    languages = Counter(people.values_list("preferred_language", flat=True))
    assert 78 <= share(languages["fr"], people.count()) <= 92
    visibility = Counter(people.values_list("visibility", flat=True))
    assert 32 <= share(visibility["public"], people.count()) <= 48
    assert 22 <= share(visibility["hidden"], people.count()) <= 38
    for person in people[:200]:
        assert person.email.endswith(".example") and person.email == person.email.lower()

    fees = {c.pk: c.annual_fee for c in MembershipCategory.objects.all()}
    periods = Membership.objects.filter(company__in=six_hundred)
    for period in periods.select_related("category")[:300]:
        assert period.fee == fees[period.category_id]
        assert period.end.replace(day=1) > period.start  # about a year
        assert re.fullmatch(rf"F-{period.start.year}-\d{{4,}}", period.invoice_reference)
    today = timezone.localdate()
    assert not periods.filter(paid_on=None, end__lt=today).exists()  # the past is paid
    running = periods.filter(start__lte=today, end__gte=today)
    assert 8 <= share(running.filter(paid_on=None).count(), running.count()) <= 22
    assert not periods.filter(paid_on__gt=today).exists()


def test_injection_moulders_of_chaudiere_appalaches_are_listed(reference):
    create_demo_companies(60, logos=False)

    injection = Process.objects.get(slug="moulage-par-injection")
    found = (
        Company.objects.in_directory()
        .filter(
            region=Region.CHAUDIERE_APPALACHES,
            processes=injection,
            description_fr__icontains="injection",
            description_en__icontains="injection",
        )
        .distinct()
    )
    assert found.count() >= 8
    assert set(found.with_status().values_list("status", flat=True)) == {MembershipStatus.ACTIVE}
    listed = Company.objects.in_directory().search("injection")
    assert set(found.values_list("pk", flat=True)) <= set(listed.values_list("pk", flat=True))


def test_a_sample_passes_model_validation(reference):
    create_demo_companies(60, logos=False)

    for company in random.Random(7).sample(list(Company.objects.all()), 20):
        company.full_clean()  # NEQ, postal code, website, email, region…
        for period in company.memberships.all():
            period.full_clean()  # no overlapping periods
        for person in company.people.all():
            person.full_clean()
    for application in Application.objects.all():
        application.full_clean()
        assert application.consented_at and application.processes.exists()


def test_the_same_seed_gives_the_same_companies(reference):
    create_demo_companies(30, logos=False, seed=11)
    first = list(Company.objects.order_by("pk").values_list("name", "city", "neq"))
    # Periods keep a company from being deleted (it is archived instead): remove them first.
    Membership.objects.filter(company__in=demo_companies()).delete()
    demo_companies().delete()

    create_demo_companies(30, logos=False, seed=11)

    assert list(Company.objects.order_by("pk").values_list("name", "city", "neq")) == first


def test_refuses_without_membership_categories():
    with pytest.raises(CommandError, match="seed_reference"):
        create_demo_companies(10, logos=False)
    assert not Company.objects.exists()


def test_seed_demo_adds_companies_with_logos_once(reference):
    out = io.StringIO()
    call_command("seed_demo", "--companies", "60", "--force", stdout=out)

    assert "created  60 demo companies" in out.getvalue()
    assert "password:" in out.getvalue()  # the staff login is still printed
    companies = Company.objects.all()
    with_logo = companies.exclude(logo="")
    assert 40 <= with_logo.count() <= 56  # about 80 %
    company = with_logo.first()
    with default_storage.open(company.logo.name) as file, Image.open(file) as image:
        assert image.format == "PNG" and image.size == (320, 320)
    assert default_storage.exists(company.logo_small.name)
    assert default_storage.exists(company.logo_large.name)
    counts = (
        companies.count(),
        Membership.objects.count(),
        Person.objects.count(),
        Application.objects.count(),
    )
    assert Membership.objects.filter(fee__gt=Decimal(0)).count() == counts[1]

    again = io.StringIO()
    call_command("seed_demo", "--companies", "60", "--force", stdout=again)

    assert "kept     60 demo companies" in again.getvalue()
    assert "password:" in again.getvalue()
    assert (
        Company.objects.count(),
        Membership.objects.count(),
        Person.objects.count(),
        Application.objects.count(),
    ) == counts


def test_seed_demo_prints_a_member_login_that_works(reference, client):
    out = io.StringIO()
    call_command("seed_demo", "--companies", "60", "--force", stdout=out)
    text = out.getvalue()
    member = re.search(r"Member login.*?email:\s+(\S+)\s+password:\s+(\S+)", text, re.S)
    assert member, text
    email, password = member.groups()
    people = Person.objects.filter(user__isnull=False)
    assert people.values("company").distinct().count() >= 5  # several companies
    response = client.post("/fr/compte/login/", {"login": email, "password": password})
    assert response.status_code == 302 and response["Location"] == "/fr/espace-membre/"
    dashboard = client.get("/fr/espace-membre/").content.decode()
    assert Person.objects.get(email=email).company.name in dashboard


def test_seed_demo_fills_the_committees(reference, client):
    out = io.StringIO()
    call_command("seed_demo", "--companies", "60", "--force", stdout=out)
    email, password = re.search(
        r"Member login.*?email:\s+(\S+)\s+password:\s+(\S+)", out.getvalue(), re.S
    ).groups()
    for committee in Committee.objects.all():
        seats = Seat.objects.current().filter(committee=committee)
        assert seats.filter(role=Seat.Role.CHAIR).count() == 1
        assert seats.filter(role=Seat.Role.SECRETARY).count() == 1
        assert seats.count() >= 4
        assert committee.meetings.upcoming().exists() and committee.meetings.past().exists()
        minutes = Document.objects.filter(committee=committee, kind=Document.Kind.MINUTES)
        assert minutes.exists() and minutes.first().file.open().read(4) == b"%PDF"
    client.post("/fr/compte/login/", {"login": email, "password": password})
    page = client.get("/fr/espace-membre/comites/").content.decode()
    assert "Procès-verbal du" in page


def test_seed_demo_puts_three_past_issues_in_the_newsletter_archive(reference, client):
    call_command("seed_demo", "--companies", "60", "--force", stdout=io.StringIO())
    archive = client.get("/fr/infolettre/").content.decode()
    for month in ("de septembre", "d’octobre", "de novembre"):
        assert f"L’infolettre {month}" in archive
    latest = Newsletter.objects.order_by("-sent_at").first()
    page = client.get(f"/fr/infolettre/{latest.pk}/").content.decode()
    assert "Notre nouveau nom" in page and latest.sections.first().articles.exists()
    # Public subscribers, and people of member companies who chose it in the member area.
    subscribed = Subscriber.objects.subscribed()
    assert subscribed.filter(source=Subscriber.Source.FOOTER).exists()
    assert Newsletter(audience=Newsletter.Audience.MEMBERS).recipients().count() > 20
    assert all(s.consent_text.startswith(("Oui", "Yes")) for s in subscribed)
    # Each past issue shows as delivered to its readers in the admin.
    assert latest.deliveries.in_state("sent").count() == latest.recipient_count > 20
