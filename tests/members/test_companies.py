"""The company admin staff run 600 firms with, and companies in and out of spreadsheets."""

import datetime as dt
import io

import openpyxl
import pytest
import reversion
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from reversion.models import Version

from members.admin.resources import COLUMNS, CompanyResource
from members.models import Company
from tests.factories import (
    CompanyFactory,
    PersonFactory,
    ProcessFactory,
    SectorFactory,
    StaffFactory,
    log_in,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/members/company/"


def listed(response) -> list[str]:
    return [company.name for company in response.context["cl"].result_list]


def test_changelist_defaults_to_active_members(staff_client):
    today = timezone.localdate()
    CompanyFactory(name="Active")
    CompanyFactory(
        name="Échue", period=(today - dt.timedelta(days=800), today - dt.timedelta(days=400))
    )
    response = staff_client.get(CHANGELIST)
    assert listed(response) == ["Active"]
    assert sorted(listed(staff_client.get(CHANGELIST, {"status": "all"}))) == ["Active", "Échue"]
    assert listed(staff_client.get(CHANGELIST, {"status": "lapsed"})) == ["Échue"]
    content = response.content.decode()
    assert "apq-badge--active" in content


def test_end_dates_coloured_by_urgency(staff_client):
    today = timezone.localdate()
    CompanyFactory(
        name="Bientôt", period=(today - dt.timedelta(days=350), today + dt.timedelta(days=10))
    )
    CompanyFactory(
        name="Tard", period=(today - dt.timedelta(days=10), today + dt.timedelta(days=350))
    )
    content = staff_client.get(CHANGELIST).content.decode()
    assert f'apq-due--soon">{(today + dt.timedelta(days=10)).isoformat()}' in content
    assert f'apq-due--ok">{(today + dt.timedelta(days=350)).isoformat()}' in content
    assert listed(staff_client.get(CHANGELIST, {"ending": "soon"})) == ["Bientôt"]


def test_ending_soon_follows_the_reminder_setting(staff_client, settings):
    settings.MEMBERSHIP_REMINDER_DAYS = 45
    today = timezone.localdate()
    end = today + dt.timedelta(days=40)
    CompanyFactory(name="Dans 40 jours", period=(today - dt.timedelta(days=320), end))
    CompanyFactory(
        name="Dans 60 jours",
        period=(today - dt.timedelta(days=300), today + dt.timedelta(days=60)),
    )
    response = staff_client.get(CHANGELIST)
    content = response.content.decode()
    assert f'apq-due--soon">{end.isoformat()}' in content
    assert f'apq-due--later">{(today + dt.timedelta(days=60)).isoformat()}' in content
    assert "Prend fin d’ici 45 jours" in content  # the filter's label
    assert listed(staff_client.get(CHANGELIST, {"ending": "soon"})) == ["Dans 40 jours"]


def test_search_by_person_email_and_neq(staff_client):
    company = CompanyFactory(name="Trouvée", neq="1145678901")
    PersonFactory(company=company, email="marie@trouvee.example")
    CompanyFactory(name="Autre")
    assert listed(staff_client.get(CHANGELIST, {"q": "marie@trouvee"})) == ["Trouvée"]
    assert listed(staff_client.get(CHANGELIST, {"q": "1145678901"})) == ["Trouvée"]


@pytest.mark.parametrize("count", [5, 50])
def test_changelist_queries_do_not_grow(staff_client, count):
    sector = SectorFactory()
    for company in CompanyFactory.create_batch(count):
        company.sectors.add(sector)
        PersonFactory(company=company)
    staff_client.get(CHANGELIST)  # warm the session
    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(CHANGELIST)
        assert response.status_code == 200
    # Session, user, second-factor check, then the page's own queries.
    assert len(queries) <= 9, [q["sql"][:120] for q in queries]
    assert len(listed(response)) == count


def test_classifications_are_autocompleted(staff_client):
    ProcessFactory(name_fr="Thermoformage", name_en="Thermoforming")
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": "thermo",
            "app_label": "members",
            "model_name": "company",
            "field_name": "processes",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Thermoformage"]


def test_staff_edit_a_company_in_french_and_english(staff_client):
    company = CompanyFactory(name="Firme", neq="1145678901")
    response = staff_client.get(f"{CHANGELIST}{company.pk}/change/")
    content = response.content.decode()
    assert 'name="description_fr"' in content and 'name="description_en"' in content
    assert 'name="staff_notes"' in content


def test_history_of_a_company_is_kept(staff_client):
    with reversion.create_revision():
        company = CompanyFactory(name="Avant")
    company.name = "Après"
    with reversion.create_revision():
        company.save()
    response = staff_client.get(f"/admin/members/company/{company.pk}/history/")
    assert response.status_code == 200
    assert Version.objects.get_for_object(company).count() == 2
    for version in Version.objects.get_for_object(company):  # each listed, to look at
        assert f"/history/{version.pk}/" in response.content.decode()


def test_a_mistyped_company_address_in_the_admin_is_not_an_error(staff_client):
    response = staff_client.get("/admin/members/company/abc/change/")
    assert response.status_code == 302  # back to the admin with "does not exist"
    told = staff_client.get(response["Location"]).content.decode()
    assert "Entreprise avec l’identifiant  «\xa0abc\xa0» n’existe pas" in told


# --- Import and export -------------------------------------------------------------


def export_response(staff_client, fmt: int = 0):
    """Export every company through the admin's export page (format index: 0 CSV, 1 XLSX)."""
    return staff_client.post(
        f"{CHANGELIST}export/?status=all",
        {"format": str(fmt), "resource": "0", **{f"companyresource_{k}": "on" for k in COLUMNS}},
    )


def export(staff_client, fmt: int) -> bytes:
    response = export_response(staff_client, fmt)
    assert response.status_code == 200, response.content[:500]
    return response.content


def import_file(staff_client, content: bytes, name: str, fmt: int, *, confirm: bool):
    upload = SimpleUploadedFile(name, content)
    response = staff_client.post(
        f"{CHANGELIST}import/", {"import_file": upload, "format": str(fmt), "resource": "0"}
    )
    if not confirm or "confirm_form" not in (response.context or {}):
        return response
    confirm_form = response.context["confirm_form"]
    data = {key: value for key, value in confirm_form.initial.items()}
    return staff_client.post(f"{CHANGELIST}process_import/", data, follow=True)


@pytest.fixture
def two_companies():
    sector = SectorFactory(slug="plastiques", name_fr="Plastiques")
    a = CompanyFactory(
        name="Élastomères Nord",
        neq="1145678901",
        description_fr="Pièces en caoutchouc.",
        description_en="Rubber parts.",
        phone="+1 418 555-0100",
    )
    a.sectors.add(sector)
    b = CompanyFactory(name="Sans NEQ", neq=None, staff_notes="=cmd|' /C calc'!A0")
    b.legal_name = '=HYPERLINK("http://evil.example")'
    b.save()
    return a, b


def test_export_csv_has_french_headers_and_escapes_formulas(staff_client, two_companies):
    content = export(staff_client, 0).decode("utf-8-sig")
    header = content.splitlines()[0]
    assert header.startswith("NEQ,Nom,")
    assert "Description (français)" in header
    assert "Rubber parts." in content and "Pièces en caoutchouc." in content
    assert "plastiques" in content
    # A cell a spreadsheet would run is neutralised; the phone's "+" too.
    assert "'=HYPERLINK" in content
    assert ",=HYPERLINK" not in content
    assert "'+1 418 555-0100" in content
    assert "staff" not in header.lower() and "calc" not in content  # notes stay in the admin


def test_export_in_english_has_english_headers(two_companies):
    with translation.override("en"):
        header = CompanyResource().export().csv.splitlines()[0]
    assert header.startswith("NEQ,Name,")


@pytest.mark.parametrize(("fmt", "name"), [(0, "entreprises.csv"), (1, "entreprises.xlsx")])
def test_export_reimported_changes_nothing(staff_client, two_companies, fmt, name):
    before = {c.pk: (c.name, c.legal_name, c.phone, c.updated_at) for c in Company.objects.all()}
    content = export(staff_client, fmt)
    preview = import_file(staff_client, content, name, fmt, confirm=False)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 2, result.totals
    import_file(staff_client, content, name, fmt, confirm=True)
    after = {c.pk: (c.name, c.legal_name, c.phone, c.updated_at) for c in Company.objects.all()}
    assert after == before


def test_import_creates_and_updates_by_neq(staff_client, two_companies):
    csv = (
        "NEQ,Nom,Ville,Code postal,Région (code),Secteurs\n"
        "1145678901,Élastomères Nord renommée,Lévis,G6V 6Z3,12,plastiques\n"
        "1199999999,Nouvelle firme,Granby,j2g1a1,16,\n"
    ).encode()
    response = import_file(staff_client, csv, "import.csv", 0, confirm=True)
    assert response.status_code == 200
    assert Company.objects.get(neq="1145678901").name == "Élastomères Nord renommée"
    created = Company.objects.get(neq="1199999999")
    assert (created.postal_code, created.region) == ("J2G 1A1", "16")


def test_english_headers_accepted_on_import(staff_client, two_companies):
    csv = "NEQ,Name,City\n1145678901,Renamed in English,Lévis\n".encode()
    import_file(staff_client, csv, "import.csv", 0, confirm=True)
    assert Company.objects.get(neq="1145678901").name == "Renamed in English"


def test_broken_rows_are_shown_and_nothing_is_written(staff_client, two_companies):
    csv = (
        "NEQ,Nom,Code postal,Région (code),Secteurs\n"
        "1188888888,Bonne ligne,G6V 6Z3,12,plastiques\n"
        "12345,NEQ invalide,G6V 6Z3,12,\n"
        "1177777777,Code postal invalide,99999,12,\n"
        "1166666666,Secteur inconnu,G6V 6Z3,12,nexiste-pas\n"
    ).encode()
    count = Company.objects.count()
    response = import_file(staff_client, csv, "import.csv", 0, confirm=False)
    assert response.status_code == 200
    content = response.content.decode()
    assert "confirm_form" not in response.context or not response.context["confirm_form"]
    assert "10 chiffres" in content
    assert "code postal canadien" in content
    assert Company.objects.count() == count


def test_wrong_encoding_gets_a_clear_message(staff_client):
    csv = "NEQ,Nom\n1145678901,Élastomères\n".encode("utf-16")
    response = import_file(staff_client, csv, "import.csv", 0, confirm=False)
    assert response.status_code == 200
    assert not Company.objects.exists()
    messages = [str(m) for m in response.context["messages"]] + [
        str(e) for e in response.context["form"].errors.get("import_file", [])
    ]
    assert messages, "no message for an unreadable file"


def test_formula_cells_imported_as_text_and_escaped_again(staff_client):
    csv = b"NEQ,Nom,Raison sociale\n1145678901,Firme,=cmd|' /C calc'!A0\n"
    import_file(staff_client, csv, "import.csv", 0, confirm=True)
    company = Company.objects.get()
    assert company.legal_name == "=cmd|' /C calc'!A0"  # stored as typed, never run
    assert "'=cmd|" in export(staff_client, 0).decode("utf-8-sig")


def test_excel_export_is_a_real_workbook(staff_client, two_companies):
    workbook = openpyxl.load_workbook(io.BytesIO(export(staff_client, 1)))
    rows = list(workbook.active.values)
    assert rows[0][:2] == ("NEQ", "Nom")
    assert {row[1] for row in rows[1:]} == {"Élastomères Nord", "Sans NEQ"}


# --- Who may import and export ----------------------------------------------------------


def staff_with(client, *codenames: str):
    """A staff member with a second factor and only the given permissions on companies."""
    user = StaffFactory(is_superuser=False)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    log_in(client, user)
    return client


def test_staff_without_permission_can_neither_export_nor_import(client, two_companies):
    staff_with(client)
    assert client.get(f"{CHANGELIST}export/").status_code == 403
    assert export_response(client).status_code == 403
    csv = b"NEQ,Nom\n1199999999,Firme pirate\n"
    assert import_file(client, csv, "import.csv", 0, confirm=False).status_code == 403
    assert client.post(f"{CHANGELIST}process_import/", {}).status_code == 403
    assert not Company.objects.filter(neq="1199999999").exists()


def test_viewing_and_editing_companies_is_not_enough(client, two_companies):
    staff_with(client, "view_company", "add_company", "change_company")
    assert client.get(CHANGELIST).status_code == 200
    assert export_response(client).status_code == 403
    csv = b"NEQ,Nom\n1199999999,Firme\n"
    assert import_file(client, csv, "import.csv", 0, confirm=False).status_code == 403
    content = client.get(f"{CHANGELIST}?status=all").content.decode()
    assert "Élastomères Nord" in content and "Sans NEQ" in content
    assert f"{CHANGELIST}export/" not in content and f"{CHANGELIST}import/" not in content


def test_export_and_import_permissions_each_open_their_own_door(client, two_companies):
    staff_with(client, "view_company", "export_company")
    assert b"Nord" in export(client, 0)
    csv = b"NEQ,Nom\n1199999999,Nouvelle firme\n"
    assert import_file(client, csv, "import.csv", 0, confirm=False).status_code == 403

    staff_with(client, "add_company", "change_company", "import_company")
    assert export_response(client).status_code == 403
    import_file(client, csv, "import.csv", 0, confirm=True)
    assert Company.objects.get(neq="1199999999").name == "Nouvelle firme"


@pytest.mark.parametrize(
    "csv",
    [
        b"Colonne,Autre\n1,2\n",  # no NEQ column: the whole file is refused
        "NEQ,Nom,Année de fondation\n1145678901,Firme,mille\n".encode(),  # an unreadable year
    ],
)
def test_a_bad_file_gets_a_translated_message_and_no_traceback(staff_client, csv):
    response = import_file(staff_client, csv, "import.csv", 0, confirm=False)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Traceback" not in content and "File &quot;" not in content
    assert "<class" not in content and "&lt;class" not in content
    assert "import_id_fields" not in content
    assert "Vérifiez" in content
    assert not Company.objects.exists()


def test_staff_reading_the_admin_in_english_see_the_company_list(staff_client):
    CompanyFactory(name="Plastiques Ébène")
    response = staff_client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert listed(response) == ["Plastiques Ébène"]
    assert "Select company to change" in response.content.decode()
