"""A company's people, as its administrators manage them in the member area: inviting
colleagues, changing their role, removing them, and the company always keeping an
administrator (members.services.people)."""

import pytest
from django.core import mail

from alliance.models import OutgoingEmail
from members.models import Invitation, Person, User
from tests.factories import InvitationFactory, PersonFactory, as_

pytestmark = pytest.mark.django_db
AREA = "/fr/espace-membre/"


def test_ids_of_another_company_typed_into_a_form_are_refused(world):
    client = as_(world["admin"])
    foreign_person = world["other"].people.get()
    foreign_invitation = InvitationFactory(company=world["other"], email="x@exemple.qc.ca")
    url = f"{AREA}entreprises/{world['company'].slug}/collegues/"
    own_page = client.get(url)  # the page of the form is there, for its own people
    assert own_page.status_code == 200
    assert "<h1>Personnes de Moules Bellechasse</h1>" in own_page.content.decode()
    for data in (
        {"action": "remove", "person": foreign_person.pk},
        {"action": "role", "person": foreign_person.pk, "role": "colleague"},
        {"action": "revoke", "invitation": foreign_invitation.pk},
        {"action": "remove", "person": "pas-un-nombre"},
        {"action": "remove", "person": "99999999999999999999999"},
    ):
        assert client.post(url, data).status_code == 404, data
    assert client.post(url, {"action": "autre"}).status_code == 400
    foreign_person.refresh_from_db()
    assert foreign_person.role == "admin"
    foreign_invitation.refresh_from_db()
    assert foreign_invitation.revoked_at is None


def test_an_administrator_invites_changes_roles_and_removes_colleagues(world):
    client = as_(world["admin"])
    url = f"{AREA}entreprises/{world['company'].slug}/collegues/"
    response = client.post(
        url,
        {
            "action": "invite",
            "email": "nouvelle@exemple.qc.ca",
            "role": "colleague",
            "language": "en",
        },
    )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["nouvelle@exemple.qc.ca"]
    assert "member area" in mail.outbox[-1].subject
    colleague = Person.objects.get(user=world["colleague"])
    client.post(url, {"action": "role", "person": colleague.pk, "role": "admin"})
    colleague.refresh_from_db()
    assert colleague.role == "admin"
    client.post(url, {"action": "remove", "person": colleague.pk})
    assert not Person.objects.filter(pk=colleague.pk).exists()
    assert User.objects.filter(pk=world["colleague"].pk).exists()  # the account stays


def test_an_administrator_without_an_account_does_not_count(world):
    client = as_(world["admin"])
    url = f"{AREA}entreprises/{world['company'].slug}/collegues/"
    contact = PersonFactory(company=world["company"], role="colleague")  # no login
    client.post(url, {"action": "role", "person": contact.pk, "role": "admin"})
    me = Person.objects.get(user=world["admin"])
    response = client.post(url, {"action": "remove", "person": me.pk}, follow=True)
    assert "toujours au moins un gestionnaire" in response.content.decode()
    assert Person.objects.filter(pk=me.pk).exists()


def test_a_company_always_keeps_an_administrator(world):
    client = as_(world["admin"])
    url = f"{AREA}entreprises/{world['company'].slug}/collegues/"
    me = Person.objects.get(user=world["admin"])
    response = client.post(
        url, {"action": "role", "person": me.pk, "role": "colleague"}, follow=True
    )
    assert "toujours au moins un gestionnaire" in response.content.decode()
    response = client.post(url, {"action": "remove", "person": me.pk}, follow=True)
    assert "toujours au moins un gestionnaire" in response.content.decode()
    me.refresh_from_db()
    assert me.role == "admin"


def test_an_invitation_with_the_mail_server_down_is_saved_and_its_email_waits(
    world, mail_server_down
):
    client = as_(world["admin"])
    response = client.post(
        f"{AREA}entreprises/{world['company'].slug}/collegues/",
        {"action": "invite", "email": "nouvelle@exemple.qc.ca", "role": "colleague"}
        | {"language": "fr"},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Une invitation a été envoyée à nouvelle@exemple.qc.ca" in page
    assert "pas pu être envoyé" not in page
    assert Invitation.objects.get().email == "nouvelle@exemple.qc.ca"
    (waiting,) = OutgoingEmail.objects.all()
    assert (waiting.recipients, waiting.status) == ("nouvelle@exemple.qc.ca", "queued")
    assert waiting.last_error.startswith("SMTPServerDisconnected")
    assert not mail.outbox


def test_inviting_a_colleague_with_a_bad_address_is_explained(world):
    client = as_(world["admin"])
    response = client.post(
        f"{AREA}entreprises/{world['company'].slug}/collegues/",
        {"action": "invite", "email": "pas une adresse", "role": "colleague", "language": "fr"},
    )
    assert response.status_code == 400
    assert "adresse de courriel valide" in response.content.decode()
    assert not mail.outbox
