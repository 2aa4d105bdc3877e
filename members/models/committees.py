"""Committees: their seats, meetings and documents, and the private storage the
documents are kept in."""

import datetime as dt
import os
from typing import TYPE_CHECKING

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.fields import RichTextField, SingleLineField, WebsiteField
from alliance.images import file_too_large
from members.access import can_read_members_content, reads_everything
from members.models.companies import Company
from members.models.people import Person

if TYPE_CHECKING:
    from members.models.accounts import User


# Committee documents live outside MEDIA_ROOT, with no URL of their own: the only way to
# them is members.committee_views.document, which checks who is asking.
class PrivateStorage(FileSystemStorage):
    """Files with no public URL (``url()`` refuses), in ``PRIVATE_MEDIA_ROOT`` — read
    each time, so that tests can move it."""

    def __init__(self, **kwargs):
        super().__init__(base_url=None, **kwargs)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL: link to the view that checks access.")


private_storage = PrivateStorage()


class DocumentFieldFile(FieldFile):
    @property
    def url(self) -> str:
        """The download view, which checks who asks; the storage has no address."""
        self._require_file()
        return self.instance.get_absolute_url()


class DocumentFileField(models.FileField):
    attr_class = DocumentFieldFile


DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"]


class StrategicAxis(models.TextChoices):
    """The three axes of the association's five-year strategic plan."""

    SALES = "sales", _("Sales and market development")
    INNOVATION = "innovation", _("Innovation and sustainable development")
    VISIBILITY = "visibility", _("The sector's visibility (rayonnement)")


class CommitteeQuerySet(models.QuerySet):
    def sat_on_by(self, user) -> "CommitteeQuerySet":
        """The committees where ``user`` holds a seat in force."""
        return self.filter(pk__in=Seat.objects.in_force().held_by(user).values("committee"))


# Kept in the history like articles and companies: a committee's revision holds its seats,
# its meetings and their documents, which the admin edits on the committee's page.
@reversion.register(follow=("seats", "meetings", "documents"))
class Committee(models.Model):
    """One of the industrial sub-committees, one per axis of the strategic plan. Its seats,
    meetings and documents are its history: they keep it from being deleted."""

    name = SingleLineField(_("name"), max_length=150)
    # Language-neutral, like the classifications: /fr/comites/<slug>/ = /en/committees/<slug>/.
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    axis = models.CharField(_("strategic axis"), max_length=20, choices=StrategicAxis.choices)
    mandate = models.TextField(_("mandate"), max_length=10_000)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committees:detail", kwargs={"slug": self.slug})


class SeatQuerySet(models.QuerySet):
    def current(self, today: dt.date | None = None) -> "SeatQuerySet":
        """Seats whose term runs today (a term without an end runs on)."""
        today = today or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=today), start__lte=today)

    def with_company_in_good_standing(self, today: dt.date | None = None) -> "SeatQuerySet":
        """Annotate ``company_in_good_standing``: whether the person's company is a member
        in good standing. Staff secretaries have no company: always true for them."""
        standing = Company.objects.in_good_standing(today).filter(pk=OuterRef("person__company_id"))
        return self.annotate(
            company_in_good_standing=Case(
                When(person__isnull=True, then=Value(True)),
                default=Exists(standing),
                output_field=models.BooleanField(),
            )
        )

    def in_force(self, on: dt.date | None = None) -> "SeatQuerySet":
        """Seats running ``on`` that day (today) whose holder's company is a member in
        good standing on that same day: the seats that open a committee's documents and
        meetings, and that a meeting's notice goes to."""
        return (
            self.current(on).with_company_in_good_standing(on).filter(company_in_good_standing=True)
        )

    def held_by(self, user) -> "SeatQuerySet":
        """The seats of ``user``: through their rows at companies, or as staff."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(person__user=user) | Q(staff_member=user))


@reversion.register()
class Seat(models.Model):
    """A person's seat on a committee for a term. Past terms stay as history."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary (staff)")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="seats", verbose_name=_("committee")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="seats",
        verbose_name=_("person of a member company"),
    )
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="secretary_seats",
        limit_choices_to={"is_staff": True},
        verbose_name=_("staff member"),
        help_text=_("For the staff secretary only."),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    start = models.DateField(_("start of term"), default=timezone.localdate)
    end = models.DateField(_("end of term"), null=True, blank=True)

    objects = SeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["committee", "role", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee"],
                condition=Q(role="chair", end__isnull=True),
                name="members_seat_one_open_chair",
                violation_error_message=_("The committee already has a chair during this term."),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="members_seat_end_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(role="secretary", person__isnull=True, staff_member__isnull=False)
                    | (~Q(role="secretary") & Q(person__isnull=False, staff_member__isnull=True))
                ),
                name="members_seat_holder",
                violation_error_message=_(
                    "The secretary is a staff member; every other seat is held by a person "
                    "of a member company."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} — {self.committee}"

    @classmethod
    def from_db(cls, db, field_names, values):
        seat = super().from_db(db, field_names, values)
        seat._stored = (seat.person_id, seat.committee_id, seat.end)
        return seat

    @property
    def holder(self) -> "Person | User | None":
        """Who holds the seat: a company's person, or the staff member (secretary)."""
        return self.person or self.staff_member

    @property
    def holder_name(self) -> str:
        return self.person.full_name if self.person else str(self.staff_member or "")

    @property
    def holder_language(self) -> str:
        """The language to write to the holder in."""
        return self.person.language if self.person else self.staff_member.preferred_language

    def overlapping(self) -> "SeatQuerySet":
        """Other seats on the same committee whose term overlaps this one's."""
        seats = Seat.objects.filter(committee_id=self.committee_id).exclude(pk=self.pk)
        if self.end:
            seats = seats.filter(start__lte=self.end)
        return seats.filter(Q(end__isnull=True) | Q(end__gte=self.start))

    def clean(self) -> None:
        super().clean()
        if not self.start or (self.end and self.end < self.start):
            return
        errors = {}
        if self.person_id and self._gives_a_seat() and not self.person.company_in_good_standing():
            errors["person"] = _(
                "Only people of companies whose membership is active or in grace can be "
                "given a seat."
            )
        if self.committee_id:
            others = self.overlapping()
            if self.person_id and others.filter(person_id=self.person_id).exists():
                errors["start"] = _(
                    "This person already has a seat on this committee during this term."
                )
            if self.role == self.Role.CHAIR and others.filter(role=self.Role.CHAIR).exists():
                errors["role"] = _("The committee already has a chair during this term.")
        if errors:
            raise ValidationError(errors)

    def _gives_a_seat(self) -> bool:
        """Whether saving would give a running seat: a new one, one moved to another person
        or committee, or one whose term is extended. Editing a seat whose company has
        since lapsed (to end it) gives nothing; past terms are history."""
        if self.end and self.end < timezone.localdate():
            return False
        stored = getattr(self, "_stored", None)
        if stored is None:
            return True
        person_id, committee_id, end = stored
        extended = end is not None and (self.end is None or self.end > end)
        return (self.person_id, self.committee_id) != (person_id, committee_id) or extended


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now: dt.datetime | None = None) -> "MeetingQuerySet":
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now: dt.datetime | None = None) -> "MeetingQuerySet":
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


@reversion.register(follow=("documents",))
class Meeting(models.Model):
    """A committee meeting. Times are stored in UTC and shown in Québec time."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("committee")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = SingleLineField(_("place"), max_length=200, blank=True)
    video_url = WebsiteField(_("video link"), blank=True)
    agenda = RichTextField(_("agenda"), max_length=50_000, blank=True)
    summary = models.TextField(
        _("public summary"),
        max_length=20_000,
        blank=True,
        help_text=_("Shown to everyone on the committee page."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    notice_sent_at = models.DateTimeField(_("notice sent on"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="members_meeting_ends_after_start",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.committee} — {local:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.documents.exclude(committee_id=self.committee_id).update(
            committee_id=self.committee_id
        )


class DocumentQuerySet(models.QuerySet):
    def readable_by(self, user) -> "DocumentQuerySet":
        """The documents ``user`` may open: public ones; members' ones for people of
        member companies (and staff); a committee's own ones for its current members
        (and staff)."""
        if reads_everything(user):
            return self
        allowed = Q(access=Document.Access.PUBLIC)
        if can_read_members_content(user):
            allowed |= Q(access=Document.Access.MEMBERS)
            allowed |= Q(
                access=Document.Access.COMMITTEE, committee__in=Committee.objects.sat_on_by(user)
            )
        return self.filter(allowed)


def document_path(instance: "Document", filename: str) -> str:
    return f"committees/{instance.committee.slug}/{filename}"


@reversion.register()
class Document(models.Model):
    """A committee's document (minutes, presentation…): stored outside the public media
    folder and served only through a view that checks ``access`` on every download."""

    class Access(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members")
        COMMITTEE = "committee", _("Committee only")

    class Kind(models.TextChoices):
        MINUTES = "minutes", _("Minutes")
        AGENDA = "agenda", _("Agenda")
        OTHER = "other", _("Other document")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="documents", verbose_name=_("committee")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    title = SingleLineField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    access = models.CharField(
        _("who can open it"), max_length=10, choices=Access.choices, default=Access.COMMITTEE
    )
    file = DocumentFileField(
        _("file"),
        upload_to=document_path,
        storage=private_storage,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
        help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument, 20 MB at most."),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-added_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.meeting_id:
            self.committee_id = self.meeting.committee_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("committees:document", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        if self.meeting_id:
            self.committee_id = self.meeting.committee_id  # a meeting's documents are its
        limit = settings.DOCUMENT_UPLOAD_MAX_BYTES
        if self.file and not self.file._committed and self.file.size > limit:
            raise ValidationError({"file": file_too_large(self.file, limit)})
