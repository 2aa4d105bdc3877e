"""The demo committees: seats for demo people and the demo staff account (secretary),
past meetings with their minutes and summaries, upcoming ones. Texts in texts.yaml."""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from members.demo.companies import demo_companies
from members.demo.data import COMMITTEE_TEXTS as TEXTS
from members.models import Committee, Document, Meeting, Person, Seat, User


def _demo_pdf(title: str, lines: list[str]) -> ContentFile:
    """A one-page PDF with a title and a few lines, drawn with Pillow."""
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((120, 140), title, fill="black", font_size=44)
    for index, line in enumerate(lines):
        draw.text((120, 260 + index * 56), line, fill="black", font_size=30)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return ContentFile(buffer.getvalue())


def create_demo_committees(staff: User, *, stdout) -> int:
    """Seat demo people on the three committees (the people with demo logins first),
    with past meetings, their minutes and summaries, and upcoming ones. Does nothing when
    the committees already have seats."""
    committees = list(Committee.objects.order_by("position", "pk"))
    if not committees or Seat.objects.exists():
        return 0
    people = list(
        Person.objects.filter(company__in=demo_companies().in_good_standing())
        .order_by(F("user").desc(nulls_last=True), "company__sort_name", "pk")
        .select_related("company")[: 7 * len(committees)]
    )
    today = timezone.localdate()
    now = timezone.now()
    seats = meetings = 0
    for index, committee in enumerate(committees):
        group = people[index :: len(committees)]
        roles = [Seat.Role.CHAIR, Seat.Role.VICE_CHAIR] + [Seat.Role.MEMBER] * (len(group) - 2)
        for person, role in zip(group, roles, strict=False):
            Seat.objects.create(
                committee=committee, person=person, role=role, start=today.replace(day=1, month=1)
            )
            seats += 1
        Seat.objects.create(
            committee=committee, staff_member=staff, role=Seat.Role.SECRETARY, start=today
        )
        for months_ago in (5, 3, 1):
            starts = (now - dt.timedelta(days=30 * months_ago)).replace(
                hour=13 + index, minute=30, second=0, microsecond=0
            )
            meeting = Meeting.objects.create(
                committee=committee,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                place=TEXTS["place"],
                agenda_fr=TEXTS["agenda"],
                summary_fr=TEXTS["summary_fr"].format(committee=committee.name),
                summary_en=TEXTS["summary_en"].format(committee=committee.name),
                status=Meeting.Status.HELD,
                notice_sent_at=starts - dt.timedelta(days=14),
            )
            date = timezone.localtime(starts).date().isoformat()
            for template, kind, access in (
                (TEXTS["minutes"], Document.Kind.MINUTES, Document.Access.COMMITTEE),
                (TEXTS["presentation"], Document.Kind.OTHER, Document.Access.PUBLIC),
            ):
                title = template.format(date=date)
                document = Document(
                    committee=committee, meeting=meeting, title_fr=title, kind=kind, access=access
                )
                document.file.save(
                    f"{slugify(title)}.pdf",
                    _demo_pdf(title, [committee.name, TEXTS["document_line"]]),
                    save=True,
                )
            meetings += 1
        for weeks in (2, 8):
            starts = (now + dt.timedelta(weeks=weeks)).replace(
                hour=9 + index, minute=0, second=0, microsecond=0
            )
            Meeting.objects.create(
                committee=committee,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                video_url="https://visio.example/alliance",
                agenda_fr=TEXTS["agenda"],
            )
            meetings += 1
    stdout.write(f"  created  {seats} demo committee seats and {meetings} meetings\n")
    return seats
