"""The member area: which of its pages each person reaches, a company's request to renew,
and the dashboard."""

import json

import pytest
from django.core import mail

from alliance.models import OutgoingEmail
from members.models import Company
from tests.factories import PersonFactory, as_, profile_data

pytestmark = pytest.mark.django_db
AREA = "/fr/espace-membre/"


# --- The access matrix ----------------------------------------------------------------------

# (who, GET company profile, POST company profile, colleagues page, renewal request)
MATRIX = [
    (None, 302, 302, 302, 302),
    ("outsider", 404, 404, 404, 404),
    ("colleague", 200, 403, 403, 302),
    ("admin", 200, 302, 200, 302),
    ("lapsed_admin", 404, 404, 404, 404),
    ("staff", 404, 404, 404, 404),
]


ERROR_PAGE = {403: "Accès refusé", 404: "Page introuvable"}


@pytest.mark.parametrize(("who", "read", "write", "people", "renew"), MATRIX)
def test_each_person_reaches_only_their_own_company(world, who, read, write, people, renew):
    client = as_(world[who] if who else None)
    slug = world["company"].slug
    responses = {
        "read": client.get(f"{AREA}entreprises/{slug}/"),
        "write": client.post(f"{AREA}entreprises/{slug}/", profile_data(city="Piratée")),
        "people": client.get(f"{AREA}entreprises/{slug}/collegues/"),
        "invite": client.post(
            f"{AREA}entreprises/{slug}/collegues/",
            {
                "action": "invite",
                "email": "intrus@exemple.qc.ca",
                "role": "admin",
                "language": "fr",
            },
        ),
        "renew": client.post(f"{AREA}entreprises/{slug}/renouvellement/"),
    }
    expected = {"read": read, "write": write, "people": people, "invite": people, "renew": renew}
    if people == 200:
        expected["invite"] = 302
    assert {k: r.status_code for k, r in responses.items()} == expected
    if who is None:
        assert responses["read"]["Location"].startswith("/fr/compte/login/")
    # Each answer is the page it says: the company's own, or the error page.
    for response in responses.values():
        content = response.content.decode()
        if response.status_code == 200:
            assert "Moules Bellechasse" in content
        elif response.status_code in ERROR_PAGE:
            assert ERROR_PAGE[response.status_code] in content
        elif who is None:
            assert response["Location"].startswith("/fr/compte/login/")
        else:  # a form sent: back to the member area
            assert response["Location"].startswith(AREA)
    company = Company.objects.get(pk=world["company"].pk)
    assert (company.city == "Piratée") == (who == "admin")
    for response in responses.values():
        assert "Note interne secrète" not in response.content.decode()


@pytest.mark.parametrize("who", ["outsider", "colleague", "admin", "lapsed_admin", "staff"])
def test_personal_pages_answer_everyone_with_their_own_data(world, who):
    client = as_(world[who])
    for path, heading in ((AREA, "Espace membre"), (f"{AREA}profil/", "Mon profil")):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f"<h1>{heading}</h1>" in response.content.decode(), path
    assert client.get(f"{AREA}profil/mes-donnees/").status_code == 200
    export = json.loads(client.get(f"{AREA}profil/mes-donnees/").content)
    assert export["account"]["email"] == world[who].email
    # Staff accounts are closed in the admin, not by their owner.
    closing = client.get(f"{AREA}profil/fermer/")
    assert closing.status_code == (403 if who == "staff" else 200)
    heading = "Accès refusé" if who == "staff" else "Fermer mon compte"
    assert f"<h1>{heading}</h1>" in closing.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    for path in (AREA, f"{AREA}profil/", f"{AREA}profil/mes-donnees/", f"{AREA}profil/fermer/"):
        response = client.get(path, follow=True)
        assert response.redirect_chain[0][1] == 302, path
        assert response.redirect_chain[-1][0].startswith("/fr/compte/login/?next="), path
        assert 'name="password"' in response.content.decode(), path  # the login form


def test_the_lapsed_companys_people_read_but_cannot_change(world):
    client = as_(world["lapsed_admin"])
    slug = world["lapsed"].slug
    page = client.get(f"{AREA}entreprises/{slug}/")
    assert page.status_code == 200 and "Seuls les gestionnaires du profil" in page.content.decode()
    assert client.post(f"{AREA}entreprises/{slug}/", profile_data()).status_code == 403
    assert client.get(f"{AREA}entreprises/{slug}/collegues/").status_code == 403
    dashboard = client.get(AREA).content.decode()
    assert "Firme Échue" in dashboard
    assert '<span class="status status--lapsed">Échue</span>' in dashboard


# --- Renewal requests, the dashboard --------------------------------------------------------


def test_a_renewal_request_with_the_mail_server_down_is_taken_and_waits_in_the_outbox(
    world, mail_server_down, settings
):
    settings.MEMBERSHIP_STAFF_EMAILS = ["adhesions@alliance.example"]
    client = as_(world["colleague"])
    url = f"{AREA}entreprises/{world['company'].slug}/renouvellement/"
    response = client.post(url, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "a été transmise" in page and "pas pu être envoyé" not in page
    (waiting,) = OutgoingEmail.objects.all()
    assert waiting.recipients == "adhesions@alliance.example"
    assert waiting.status == OutgoingEmail.Status.QUEUED
    assert waiting.last_error.startswith("SMTPServerDisconnected")
    assert not mail.outbox


def test_requesting_a_renewal_tells_staff_and_is_limited(world, settings):
    settings.MEMBERSHIP_STAFF_EMAILS = ["adhesions@alliance.example"]
    client = as_(world["colleague"])
    url = f"{AREA}entreprises/{world['company'].slug}/renouvellement/"
    response = client.post(url, follow=True)
    assert "a été transmise" in response.content.decode()
    message = mail.outbox[-1]
    assert message.to == ["adhesions@alliance.example"]
    assert "Moules Bellechasse" in message.subject
    assert world["colleague"].email in message.body
    for _again in range(2):
        client.post(url)
    limited = client.post(url)
    assert limited.status_code == 429 and "Trop de tentatives" in limited.content.decode()
    assert len(mail.outbox) == 3


def test_the_dashboard_shows_each_company_with_its_status_and_end(world):
    other = world["other"]
    PersonFactory(company=other, user=world["admin"], email=world["admin"].email)
    page = as_(world["admin"]).get(AREA).content.decode()
    assert "Moules Bellechasse" in page and "Autre Firme" in page
    assert "Active" in page and "se termine le" in page
