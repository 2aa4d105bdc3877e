"""Committees, their seats, meetings and documents; the people who sit on them."""

import datetime as dt
import zoneinfo

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Committee, Document, Meeting, Seat, StrategicAxis
from members.models.people import NAME_FIELDS
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import CompanyFactory
from tests.factories.files import PDF
from tests.factories.people import PersonFactory

# Québec's time zone (settings.TIME_ZONE), in which meetings are planned and shown.
QUEBEC = zoneinfo.ZoneInfo("America/Toronto")


class CommitteeFactory(DjangoModelFactory):
    """A committee of its own; seed_reference makes the association's three."""

    class Meta:
        model = Committee

    name_fr = factory.Sequence(lambda n: f"Comité {n}")
    name_en = factory.Sequence(lambda n: f"Committee {n}")
    slug = factory.Sequence(lambda n: f"comite-{n}")
    axis = StrategicAxis.SALES
    mandate_fr = "Faire croître les ventes des membres."
    mandate_en = "Grow the members' sales."


class SeatFactory(DjangoModelFactory):
    """A member's seat, running from today with no end, held by an administrator of an
    active company unless told otherwise; ``secretary=True`` for the staff secretary's."""

    class Meta:
        model = Seat

    committee = factory.SubFactory(CommitteeFactory)
    person = factory.SubFactory(PersonFactory)
    role = Seat.Role.MEMBER

    class Params:
        chair = factory.Trait(role=Seat.Role.CHAIR)
        secretary = factory.Trait(
            role=Seat.Role.SECRETARY, person=None, staff_member=factory.SubFactory(StaffFactory)
        )


class MeetingFactory(DjangoModelFactory):
    """A planned meeting in ten days; ``held=True`` for one held a month ago."""

    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    agenda_fr = "<p>Ordre du jour de la rencontre</p>"

    class Params:
        held = factory.Trait(
            status=Meeting.Status.HELD,
            starts_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
        )


class DocumentFactory(DjangoModelFactory):
    """A committee-only PDF (``access`` to change it), stored in the private storage; given
    a meeting, it belongs to that meeting's committee."""

    class Meta:
        model = Document

    meeting = None
    committee = factory.Maybe(
        "meeting",
        yes_declaration=factory.SelfAttribute("meeting.committee"),
        no_declaration=factory.SubFactory(CommitteeFactory),
    )
    title_fr = factory.Sequence(lambda n: f"Procès-verbal {n}")
    access = Document.Access.COMMITTEE
    file = factory.django.FileField(filename="document.pdf", data=PDF)


def member(company=None, **person):
    """A person of a member company (a new one unless given), with a login; their name
    and language, if given, are the account's."""
    user = UserFactory(**{field: person.pop(field) for field in NAME_FIELDS if field in person})
    PersonFactory(company=company or CompanyFactory(), user=user, email=user.email, **person)
    return user


def seat(committee, user, role=Seat.Role.MEMBER, **fields):
    """A seat on ``committee`` for ``user``'s one person at a company."""
    return SeatFactory(committee=committee, person=user.people.get(), role=role, **fields)


def document(committee, access, title, meeting=None):
    """A committee's PDF, whose content starts with its title."""
    return DocumentFactory(
        committee=committee,
        meeting=meeting,
        title_fr=title,
        access=access,
        file__filename=f"{access}.pdf",
        file__data=b"%PDF-1.4 " + title.encode(),
    )
