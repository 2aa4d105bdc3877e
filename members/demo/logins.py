"""The demo's logins: the staff account and a few member accounts, all with the password
seed_demo draws for the run (a new one each time, printed at the end)."""

from allauth.account.models import EmailAddress
from django.utils import timezone

from members.demo.companies import demo_companies
from members.models import MembershipStatus, Person, User
from members.services.people import person_link_account

STAFF_EMAIL = "equipe@alliancepolymeres.quebec"
DEMO_LOGIN_COMPANIES = 5


def _verified(user: User) -> None:
    """The account's address as allauth wants it to log in: verified and primary."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def create_demo_staff(password: str) -> User:
    """The demo staff account (a superuser), made once; its password is ``password``."""
    staff, _created = User.objects.get_or_create(
        email=STAFF_EMAIL,
        defaults={
            "first_name": "Équipe",
            "last_name": "Démo",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    staff.set_password(password)
    staff.save()
    _verified(staff)
    return staff


def create_demo_logins(password: str, *, stdout) -> Person | None:
    """Give the people of a few demo companies an account (all with ``password``): both
    people of the first five companies in the directory, and the administrator of one
    lapsed company. Returns the administrator whose login to show, or ``None`` when there
    are no demo companies."""
    listed = list(demo_companies().in_directory().order_by("sort_name")[:DEMO_LOGIN_COMPANIES])
    lapsed = (
        demo_companies()
        .with_status()
        .filter(status=MembershipStatus.LAPSED)
        .order_by("sort_name")[:1]
    )
    people = list(
        Person.objects.filter(company__in=[*listed, *lapsed])
        .select_related("company")
        .order_by("company__sort_name", "-role", "pk")
    )
    people = [p for p in people if p.company in listed or p.role == Person.Role.ADMIN]
    for person in people:
        user, _created = User.objects.get_or_create(
            email=person.email,
            defaults={
                "preferred_language": person.preferred_language,
                "privacy_consented_at": timezone.now(),
            },
        )
        user.set_password(password)
        user.save()
        _verified(user)
        person_link_account(person=person, user=user)
        person.save(update_fields=["user"])
    stdout.write(f"  ready    {len(people)} demo member logins (same password)\n")
    return next((p for p in people if p.company in listed and p.role == Person.Role.ADMIN), None)
