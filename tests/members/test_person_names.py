"""A person's name and language are stored once: on their account when they have one, on
their row at the company when they do not (docs/decisions.md, "stored once")."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from members.models import Person, User
from members.services.accounts import account_close
from tests.factories import CompanyFactory, PersonFactory, UserFactory, log_in

pytestmark = pytest.mark.django_db

AREA = "/fr/espace-membre/"


def test_a_name_changed_in_the_profile_is_the_one_every_page_shows(client):
    company = CompanyFactory(name="Moules Fictifs")
    user = UserFactory(first_name="Alex", last_name="Roy")
    me = PersonFactory(company=company, user=user, email=user.email, visibility="public")
    log_in(client, user)
    response = client.post(
        f"{AREA}profil/",
        {
            "first_name": "Alexandra",
            "last_name": "Roy-Gagnon",
            "preferred_language": "en",
            f"person-{me.pk}-job_title": "Présidente",
            f"person-{me.pk}-phone": "",
            f"person-{me.pk}-visibility": "public",
        },
    )
    assert response.status_code == 302
    directory = client.get(company.get_absolute_url()).content.decode()
    colleagues = client.get(f"{AREA}entreprises/{company.slug}/collegues/").content.decode()
    for page in (directory, colleagues):
        assert "Alexandra Roy-Gagnon" in page
        assert "Alex Roy<" not in page
    me.refresh_from_db()
    assert (me.first_name, me.last_name, me.preferred_language) == ("", "", "")
    assert me.language == "en"


def test_a_person_without_an_account_keeps_their_own_name_and_language():
    contact = PersonFactory(first_name="Rosalie", last_name="Bédard", preferred_language="en")
    contact.refresh_from_db()
    assert (contact.full_name, contact.given_name, contact.language) == (
        "Rosalie Bédard",
        "Rosalie",
        "en",
    )


def test_linking_an_account_leaves_no_second_copy_of_the_name():
    user = UserFactory(first_name="Jeanne", last_name="Paré", preferred_language="fr")
    contact = PersonFactory(first_name="J.", last_name="Paré-ancien", preferred_language="en")
    contact.user = user
    contact.save()
    contact = Person.objects.get(pk=contact.pk)
    assert (contact.first_name, contact.last_name, contact.preferred_language) == ("", "", "")
    assert (contact.full_name, contact.language) == ("Jeanne Paré", "fr")


def test_the_database_refuses_a_second_copy_and_a_nameless_contact():
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email)
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(first_name="Copie")
    contact = PersonFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=contact.pk).update(last_name="")


def test_a_contact_without_a_name_is_refused_in_french():
    contact = Person(company=CompanyFactory(), email="sans.nom@exemple.qc.ca")
    with pytest.raises(ValidationError) as refused:
        contact.full_clean()
    assert refused.value.message_dict["last_name"] == ["Nécessaire pour une personne sans compte."]


def test_people_with_and_without_an_account_sort_together_by_last_name():
    company = CompanyFactory()
    user = UserFactory(first_name="Bruno", last_name="Cloutier")
    PersonFactory(company=company, user=user, email=user.email)
    PersonFactory(company=company, first_name="Anne", last_name="Dion")
    PersonFactory(company=company, first_name="Zoé", last_name="Béland")
    assert [p.full_name for p in company.people.all()] == [
        "Zoé Béland",
        "Bruno Cloutier",
        "Anne Dion",
    ]


def test_listing_a_company_s_people_costs_one_query(django_assert_num_queries):
    company = CompanyFactory()
    for _ in range(3):
        user = UserFactory()
        PersonFactory(company=company, user=user, email=user.email)
    PersonFactory(company=company)
    with django_assert_num_queries(1):
        names = [person.full_name for person in company.people.all()]
    assert len(names) == 4 and all(names)


def test_closing_an_account_erases_the_name_and_its_rows():
    user = UserFactory(first_name="Éloïse", last_name="Nadeau")
    PersonFactory(user=user, email=user.email)
    account_close(user=user)
    assert not User.objects.filter(last_name="Nadeau").exists()
    assert not Person.objects.filter(email=user.email).exists()


def test_the_admin_shows_an_account_s_name_read_only_and_keeps_the_company_s_people(
    staff_client,
):
    company = CompanyFactory()
    user = UserFactory(first_name="Maxime", last_name="Lavoie")
    person = PersonFactory(company=company, user=user, email=user.email)
    page = staff_client.get(f"/admin/members/person/{person.pk}/change/").content.decode()
    assert 'value="Maxime"' in page and "disabled" in page
    assert "Du compte\u00a0: la personne le modifie elle-même." in page

    # Deleting that account would take the person off the company's list: refused.
    response = staff_client.post(f"/admin/members/user/{user.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "Maxime Lavoie" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    assert company.people.get().full_name == "Maxime Lavoie"


def test_an_old_admin_bookmark_to_representatives_finds_the_people(staff_client):
    response = staff_client.get("/admin/members/representative/?q=Roy")
    assert response.status_code == 302
    assert response["Location"] == "/admin/members/person/?q=Roy"
    assert staff_client.get(response["Location"]).status_code == 200


def _migrate(target: str):
    """Migrate the members app alone to ``target``; returns the models as they were then."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("members", target)])
    return executor.loader.project_state(("members", target)).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_the_names_onto_the_accounts_and_back():
    old = _migrate("0019_person")
    try:
        User = old.get_model("members", "User")
        Company = old.get_model("members", "Company")
        Person = old.get_model("members", "Person")
        company = Company.objects.create(name="Extrusions Anciennes", slug="extrusions-anciennes")
        nameless = User.objects.create(email="sans.nom@exemple.qc.ca")
        named = User.objects.create(
            email="nomme@exemple.qc.ca", first_name="Gabriel", last_name="Roy"
        )
        rows = {
            "nameless": Person.objects.create(
                company=company,
                user=nameless,
                email=nameless.email,
                first_name="Léa",
                last_name="Fortin",
                preferred_language="en",
            ),
            "named": Person.objects.create(
                company=company,
                user=named,
                email=named.email,
                first_name="Gab",
                last_name="Roy-copie",
            ),
            "contact": Person.objects.create(
                company=company,
                email="contact@exemple.qc.ca",
                first_name="Noé",
                last_name="Bois",
                preferred_language="en",
            ),
        }

        new = _migrate("0021_person_name_constraints")
        User = new.get_model("members", "User")
        Person = new.get_model("members", "Person")
        assert User.objects.get(pk=nameless.pk).last_name == "Fortin"
        assert User.objects.get(pk=named.pk).first_name == "Gabriel"  # the account's name wins
        linked = Person.objects.filter(pk__in=[rows["nameless"].pk, rows["named"].pk])
        assert set(linked.values_list("first_name", "last_name", "preferred_language")) == {
            ("", "", "")
        }
        contact = Person.objects.get(pk=rows["contact"].pk)
        assert (contact.first_name, contact.last_name, contact.preferred_language) == (
            "Noé",
            "Bois",
            "en",
        )

        back = _migrate("0019_person")
        Person = back.get_model("members", "Person")
        assert Person.objects.get(pk=rows["named"].pk).first_name == "Gabriel"
    finally:
        # Every app, not members alone: going back undid the migrations of other apps that
        # depend on members' (news' newsletter), and the tests after this one need them.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
