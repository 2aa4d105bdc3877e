"""Committees, their seats, meetings and documents."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Committee, Document, Meeting, Seat, StrategicAxis
from tests.factories.accounts import StaffFactory
from tests.factories.files import PDF
from tests.factories.people import PersonFactory


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
