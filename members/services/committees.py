"""Committee meetings: their calendar file and the notice emailed to the seats."""

import datetime as dt
import logging

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance.emails import EmailNotSent, send_email
from members.models import Meeting, Seat

log = logging.getLogger(__name__)

MEETING_LENGTH = dt.timedelta(hours=2)  # when a meeting has no end time


def meeting_to_ics(*, meeting: Meeting, language: str) -> bytes:
    """The meeting as an iCalendar file, in Québec time, for any calendar application."""
    with translation.override(language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Alliance Polymères Québec//Portail//FR")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{settings.ICS_UID_DOMAIN}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", timezone.localtime(meeting.starts_at))
        event.add(
            "dtend", timezone.localtime(meeting.ends_at or meeting.starts_at + MEETING_LENGTH)
        )
        event.add("summary", _("%(committee)s — meeting") % {"committee": meeting.committee.name})
        event.add("location", meeting.place or meeting.video_url or "")
        if meeting.video_url:
            event.add("url", meeting.video_url)
        agenda = strip_tags(meeting.agenda or "").strip()
        if agenda:
            event.add("description", agenda)
        event.add(
            "status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED"
        )
        calendar.add_component(event)
        calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_ics_filename(*, meeting: Meeting, language: str) -> str:
    with translation.override(language):
        return f"{slugify(_('meeting'))}-{meeting.pk}.ics"


def meeting_send_notice(*, meeting: Meeting) -> tuple[int, list[str]]:
    """Email the meeting's notice, with its calendar file, to everyone holding a seat on
    the committee that day (their company still a member), each in their language, and
    record when. Returns how many were handed to the outbox and the addresses that were
    refused (not an address); the worker sends them, and retries while the mail server
    fails (alliance/outbox.py)."""
    seats = (
        Seat.objects.in_force(timezone.localtime(meeting.starts_at).date())
        .filter(committee_id=meeting.committee_id)
        .select_related("person__user", "staff_member")
    )
    recipients = {seat.holder.email.lower(): seat.holder_language for seat in seats}
    sent, failed = 0, []
    for email, language in recipients.items():
        try:
            send_email(
                template="meeting_notice",
                to=[email],
                language=language,
                context={"meeting": meeting, "committee": meeting.committee},
                attachments=[
                    (
                        meeting_ics_filename(meeting=meeting, language=language),
                        meeting_to_ics(meeting=meeting, language=language),
                        "text/calendar",
                    )
                ],
            )
            sent += 1
        except EmailNotSent:
            log.exception("Meeting notice to %s failed", email)
            failed.append(email)
    if sent:
        meeting.notice_sent_at = timezone.now()
        meeting.save(update_fields=["notice_sent_at"])
    return sent, failed
