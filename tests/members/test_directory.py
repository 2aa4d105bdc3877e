"""The public directory: who is listed, search, filters and counts, the company page."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from members.models import Company, Person
from tests.client import Client
from tests.factories import (
    CompanyFactory,
    PersonFactory,
    ProcessFactory,
    SectorFactory,
    StaffFactory,
    log_in,
)

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"
DIRECTORY = "/fr/membres/"


def lapsed_period():
    today = timezone.localdate()
    return (today - dt.timedelta(days=500), today - dt.timedelta(days=136))


def names(response) -> list[str]:
    return [company.name for company in response.context["page_obj"].object_list]


def test_addresses_in_both_languages():
    company = CompanyFactory(name="Moules Beauce inc.")
    assert reverse("members:directory") == DIRECTORY
    assert company.get_absolute_url() == "/fr/membres/moules-beauce-inc/"
    from django.utils import translation

    with translation.override("en"):
        assert reverse("members:directory") == "/en/members/"
        assert reverse("members:join") == "/en/join/"
    assert reverse("members:join") == "/fr/adhesion/"


def test_lists_active_and_grace_members_only(client, settings):
    today = timezone.localdate()
    CompanyFactory(name="Active")
    CompanyFactory(
        name="En grâce", period=(today - dt.timedelta(days=380), today - dt.timedelta(days=5))
    )
    CompanyFactory(name="Échue", period=lapsed_period())
    CompanyFactory(
        name="À venir", period=(today + dt.timedelta(days=3), today + dt.timedelta(days=368))
    )
    CompanyFactory(name="Sans période", period=False)
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    assert names(response) == ["Active", "En grâce"]
    assert "Échue" not in response.content.decode()


def test_names_sorted_the_french_way(client):
    for name in ["Zénith", "écoPlast", "Ébénisterie", "Alpha", "Émeraude", "avance"]:
        CompanyFactory(name=name)
    assert names(client.get(DIRECTORY)) == [
        "Alpha",
        "avance",
        "Ébénisterie",
        "écoPlast",
        "Émeraude",
        "Zénith",
    ]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("resine", True),  # no accent typed
        ("RÉSINE", True),  # capitals, accent
        ("moulage", True),  # a word of "Moulage par injection"
        ("injection", True),
        ("moul", True),  # the beginning of a word
        ("thermoformage", False),
    ],
)
def test_search_ignores_accents_and_case(client, query, found):
    CompanyFactory(
        name="Polymères Fictifs",
        description_fr="Résine recyclée. Moulage par injection de pièces techniques.",
    )
    CompanyFactory(name="Autre firme", description_fr="Rien à voir.")
    assert names(client.get(DIRECTORY, {"q": query})) == (["Polymères Fictifs"] if found else [])


def test_search_covers_english_text_and_products(client):
    CompanyFactory(name="Bilingue", description_en="Rotational moulding.", products_fr="Réservoirs")
    assert names(client.get(DIRECTORY, {"q": "rotational"})) == ["Bilingue"]
    assert names(client.get(DIRECTORY, {"q": "reservoirs"})) == ["Bilingue"]


@pytest.mark.skipif(not POSTGRESQL, reason="typo tolerance is PostgreSQL's trigram search")
def test_postgresql_forgives_small_typos(client):
    CompanyFactory(name="Thermoformage Lévis", description_fr="Thermoformage de grandes pièces.")
    CompanyFactory(name="Autre firme", description_fr="Extrusion de tubes.")
    assert names(client.get(DIRECTORY, {"q": "thermoformag"})) == ["Thermoformage Lévis"]
    assert names(client.get(DIRECTORY, {"q": "termoformage"})) == ["Thermoformage Lévis"]


@pytest.mark.skipif(not POSTGRESQL, reason="typo tolerance is PostgreSQL's trigram search")
def test_postgresql_corrects_each_misspelt_word(client):
    CompanyFactory(name="Plastiques Beauce", description_fr="Extrusion de profilés.")
    CompanyFactory(name="Plastiques Montréal", description_fr="Extrusion de profilés.")
    assert names(client.get(DIRECTORY, {"q": "plastiqes beauce"})) == ["Plastiques Beauce"]
    assert names(client.get(DIRECTORY, {"q": "extrusoin"})) == [
        "Plastiques Beauce",
        "Plastiques Montréal",
    ]
    assert names(client.get(DIRECTORY, {"q": "zzyzx"})) == []


@pytest.mark.skipif(not POSTGRESQL, reason="typo tolerance is PostgreSQL's trigram search")
def test_postgresql_search_learns_the_words_of_an_edited_profile(client):
    company = CompanyFactory(name="Alpha", description_fr="Extrusion.")
    company.description_fr = "Rotomoulage de réservoirs."
    company.save()
    assert names(client.get(DIRECTORY, {"q": "rotomoulahe"})) == ["Alpha"]
    assert names(client.get(DIRECTORY, {"q": "extrusion"})) == []


def test_search_ranks_a_name_match_first(client):
    CompanyFactory(name="Alpha", description_fr="Nous travaillons avec Extrusions Beauce.")
    CompanyFactory(name="Extrusions Beauce", description_fr="Extrusion de profilés.")
    assert names(client.get(DIRECTORY, {"q": "extrusions beauce"}))[0] == "Extrusions Beauce"


def test_search_pages_keep_name_matches_first_without_repeating_a_firm(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 4
    for n in range(7):
        CompanyFactory(name=f"Firme {n}", description_fr="Moulage par injection.")
    CompanyFactory(name="Injection Nord", description_fr="Pièces.")
    CompanyFactory(name="Injection", description_fr="Pièces.")
    seen = []
    for page in (1, 2, 3):
        seen += names(client.get(DIRECTORY, {"q": "injection", "page": page}))
    assert seen == ["Injection", "Injection Nord"] + [f"Firme {n}" for n in range(7)]


def test_filters_combine_and_count(client):
    plastics = SectorFactory(slug="plastiques", name_fr="Plastiques")
    composites = SectorFactory(slug="composites", name_fr="Composites")
    injection = ProcessFactory(slug="moulage-par-injection", name_fr="Moulage par injection")
    a = CompanyFactory(name="A", region="12")
    a.sectors.add(plastics)
    a.processes.add(injection)
    b = CompanyFactory(name="B", region="12")
    b.sectors.add(composites)
    c = CompanyFactory(name="C", region="16")
    c.sectors.add(plastics)
    c.processes.add(injection)

    response = client.get(DIRECTORY, {"region": "12", "sector": "plastiques"})
    assert names(response) == ["A"]
    facets = {facet.key: facet for facet in response.context["facets"]}
    # Each filter counts with the others applied, not itself.
    regions = {o.value: o.count for o in facets["region"].options}
    assert regions["12"] == 1 and regions["16"] == 1
    sectors = {o.value: (o.count, o.selected) for o in facets["sector"].options}
    assert sectors == {"plastiques": (1, True), "composites": (1, False)}
    # Two values of one filter widen the search.
    both = client.get(DIRECTORY, {"region": "12", "sector": ["plastiques", "composites"]})
    assert names(both) == ["A", "B"]
    # The counts show on the page.
    assert "1 entreprise" in response.content.decode()


def test_lapsed_companies_never_counted(client):
    sector = SectorFactory(slug="plastiques")
    CompanyFactory(name="Échue", period=lapsed_period()).sectors.add(sector)
    CompanyFactory(name="Active").sectors.add(sector)
    response = client.get(DIRECTORY)
    sector_facet = next(f for f in response.context["facets"] if f.key == "sector")
    assert sector_facet.options[0].count == 1
    assert names(client.get(DIRECTORY, {"q": "echue"})) == []


def test_unknown_filter_value_is_a_clear_400(client):
    CompanyFactory(name="A")
    response = client.get(DIRECTORY, {"sector": "nexiste-pas", "region": "99"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "nexiste-pas" in content
    assert names(response) == ["A"]  # the rest of the page still works


@pytest.mark.parametrize("page", ["abc", "0", "999"])
def test_bad_page_is_404(client, page):
    company = CompanyFactory()
    assert names(client.get(DIRECTORY, {"page": 1})) == [company.name]
    response = client.get(DIRECTORY, {"page": page})
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_pagination_keeps_the_search(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    for n in range(5):
        CompanyFactory(name=f"Moules {n}", region="12")
    response = client.get(DIRECTORY, {"q": "moules", "region": "12"})
    assert 'href="?q=moules&amp;region=12&amp;page=2"' in response.content.decode()
    assert names(client.get(DIRECTORY, {"q": "moules", "region": "12", "page": 3})) == ["Moules 4"]


@pytest.mark.parametrize("filtered", [False, True])
def test_directory_query_count_does_not_grow(client, django_assert_max_num_queries, filtered):
    sector = SectorFactory(slug="plastiques")
    params = {"sector": "plastiques", "region": "12", "q": "plastiques"} if filtered else {}

    def count_queries(n):
        for company in CompanyFactory.create_batch(n, description_fr="Plastiques techniques"):
            company.sectors.add(sector)
        from django.core.cache import cache

        cache.clear()
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get(DIRECTORY, params)
            assert response.status_code == 200
        assert response.context["page_obj"].paginator.count == Company.objects.count()
        assert names(response)
        return len(queries)

    small = count_queries(10)
    large = count_queries(190)
    assert small == large
    assert large <= 18


def test_counts_are_cached_until_something_changes(client, django_assert_max_num_queries):
    CompanyFactory(name="A")
    client.get(DIRECTORY)
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as warm:
        client.get(DIRECTORY)
    CompanyFactory(name="B")
    response = client.get(DIRECTORY)
    assert names(response) == ["A", "B"]
    assert response.context["page_obj"].paginator.count == 2
    assert len(warm) <= 3


# --- Company page ------------------------------------------------------------------


def test_company_page_shows_the_profile(client):
    company = CompanyFactory(
        name="Composites Boréal",
        description_fr="Pièces composites pour le transport.",
        website="https://boreal.example",
    )
    company.processes.add(ProcessFactory(name_fr="Infusion", name_en="Infusion"))
    response = client.get(company.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Pièces composites pour le transport." in content
    assert "Infusion" in content
    assert "boreal.example" in content


def test_english_page_falls_back_to_french_marked_as_such(client):
    company = CompanyFactory(description_fr="Texte français seulement.", description_en="")
    content = client.get(f"/en/members/{company.slug}/").content.decode()
    assert '<div lang="fr"><p>Texte français seulement.</p></div>' in content


def test_lapsed_company_page_is_404_for_the_public(staff_client):
    company = CompanyFactory(name="Échue", period=lapsed_period())
    public = Client().get(company.get_absolute_url())
    assert public.status_code == 404 and "Page introuvable" in public.content.decode()
    staff_view = staff_client.get(company.get_absolute_url())
    assert staff_view.status_code == 200
    notice = staff_view.content.decode()
    assert "pas dans le répertoire public" in notice
    assert "Échue)." in notice  # the status, in the notice's parentheses


def test_people_shown_as_each_chose(client):
    company = CompanyFactory()
    PersonFactory(
        company=company,
        first_name="Public",
        email="public@ex.ca",
        visibility=Person.Visibility.PUBLIC,
    )
    PersonFactory(
        company=company,
        first_name="Membres",
        email="membres@ex.ca",
        visibility=Person.Visibility.MEMBERS,
    )
    PersonFactory(company=company, first_name="Cachée", email="cachee@ex.ca")
    content = client.get(company.get_absolute_url()).content.decode()
    assert "public@ex.ca" in content
    assert "Membres" not in content and "membres@ex.ca" not in content
    assert "Cachée" not in content and "cachee@ex.ca" not in content

    # Staff read what is for members (people of member companies will, with accounts).
    log_in(client, StaffFactory())
    content = client.get(company.get_absolute_url()).content.decode()
    assert "membres@ex.ca" in content
    assert "cachee@ex.ca" not in content


def test_hidden_people_appear_nowhere_public(client):
    company = CompanyFactory(name="Firme")
    PersonFactory(
        company=company, first_name="Secrète", last_name="Personne", email="secrete@ex.ca"
    )
    for url, shown in [
        (DIRECTORY, "Firme"),
        (company.get_absolute_url(), "<h1>Firme</h1>"),
        ("/sitemap.xml", f"/fr/membres/{company.slug}/"),
        (f"{DIRECTORY}?q=secrete", "<h1>Répertoire des membres</h1>"),
    ]:
        response = client.get(url)
        content = response.content.decode()
        assert response.status_code == 200 and shown in content, url
        assert "Secrète" not in content and "secrete@ex.ca" not in content, url
    assert names(client.get(DIRECTORY)) == ["Firme"]
    assert names(client.get(DIRECTORY, {"q": "secrete"})) == []


def test_staff_notes_never_public(client):
    company = CompanyFactory(staff_notes="Retard de paiement chronique")
    for url, shown in [
        (DIRECTORY, company.name),
        (company.get_absolute_url(), f"<h1>{company.name}</h1>"),
        (f"{DIRECTORY}?q=retard", "<h1>Répertoire des membres</h1>"),
    ]:
        response = client.get(url)
        assert response.status_code == 200 and shown in response.content.decode(), url
        assert "Retard de paiement" not in response.content.decode(), url
    assert names(client.get(DIRECTORY, {"q": "retard"})) == []  # notes are not searched


def test_sitemap_lists_members_not_lapsed(client):
    active = CompanyFactory(name="Active")
    lapsed = CompanyFactory(name="Échue", period=lapsed_period())
    content = client.get("/sitemap.xml").content.decode()
    assert f"/fr/membres/{active.slug}/" in content
    assert f"/en/members/{active.slug}/" in content
    assert lapsed.slug not in content


def test_company_page_query_count(client, django_assert_max_num_queries):
    company = CompanyFactory()
    PersonFactory.create_batch(3, company=company, visibility="public")
    with django_assert_max_num_queries(10):
        response = client.get(company.get_absolute_url())
        assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{company.name}</h1>" in content
    assert all(person.email in content for person in company.people.all())


def distinct_words(size: int) -> str:
    """About ``size`` characters of words that are all different: the worst case for a
    full-text vector."""
    words, length, n = [], 0, 0
    while length < size:
        word = f"mot{n:06d}"
        words.append(word)
        length += len(word) + 1
        n += 1
    return " ".join(words)


def test_a_megabyte_of_distinct_words_is_saved_and_searched(client):
    """Whatever wrote it (an import, the shell): the save does not fail on PostgreSQL's
    1 MB limit of a full-text vector, and the start of the text is found on both
    databases."""
    company = CompanyFactory(name="Alpha", description_fr=distinct_words(1_000_000))
    assert names(client.get(DIRECTORY, {"q": "mot000001"})) == ["Alpha"]
    company.refresh_from_db()
    assert len(company.search_text) <= 100_000
    assert "mot099999" not in company.search_text  # beyond what is searched


def test_search_text_written_around_the_model_is_indexed_within_the_limit(client):
    company = CompanyFactory(name="Alpha", description_fr="Extrusion.")
    type(company).objects.filter(pk=company.pk).update(search_text=distinct_words(1_000_000))
    assert names(client.get(DIRECTORY, {"q": "mot000001"})) == ["Alpha"]
