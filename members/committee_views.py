"""The committees: public pages, document downloads checked on every request, and the
member area's "My committees" with calendar files."""

import os

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from members import services
from members.models import Committee, Document, Meeting, Representative, Seat
from news.models import Article

PAST_MEETINGS_SHOWN = 10


def _seats(user, committees):
    """Current seats on ``committees`` whose holder ``user`` may see: people as each of
    them chose in the directory, staff secretaries always (they are the association's)."""
    visible = Representative.objects.visible_to(user)
    return (
        Seat.objects.current()
        .filter(committee__in=committees)
        .filter(Q(person__isnull=True) | Q(person__in=visible))
        .select_related("person__company", "staff_member")
    )


def committee_list(request: HttpRequest) -> HttpResponse:
    committees = list(Committee.objects.all())
    chairs = {
        seat.committee_id: seat
        for seat in _seats(request.user, committees).filter(role=Seat.Role.CHAIR)
    }
    for committee in committees:
        committee.chair = chairs.get(committee.pk)
    return render(request, "members/committees/list.html", {"committees": committees})


def committee_detail(request: HttpRequest, slug: str) -> HttpResponse:
    committee = get_object_or_404(Committee, slug=slug)
    documents = Document.objects.readable_by(request.user).order_by("kind", "title")
    meetings = committee.meetings.prefetch_related(
        Prefetch("documents", queryset=documents, to_attr="readable_documents")
    )
    context = {
        "committee": committee,
        "seats": sorted(
            _seats(request.user, [committee]),
            key=lambda seat: (SEAT_ORDER[seat.role], seat.holder_name),
        ),
        "upcoming": meetings.upcoming(),
        "past": meetings.past()[:PAST_MEETINGS_SHOWN],
        "documents": documents.filter(committee=committee, meeting__isnull=True),
        "articles": Article.objects.published()
        .filter(committees=committee)
        .for_cards()
        .order_by("-publish_at")[:6],
    }
    return render(request, "members/committees/detail.html", context)


SEAT_ORDER = {role: position for position, role in enumerate(Seat.Role.values)}


def document(request: HttpRequest, pk: int) -> HttpResponse:
    """A committee document, for whoever may open it — checked on every download."""
    doc = get_object_or_404(Document, pk=pk)
    if not Document.objects.readable_by(request.user).filter(pk=doc.pk).exists():
        raise PermissionDenied(
            _("This document is reserved. Log in with an account that has access to it.")
            if not request.user.is_authenticated
            else _("This document is reserved for other people.")
        )
    try:
        file = doc.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file of this document is missing.")) from error
    return FileResponse(file, as_attachment=True, filename=os.path.basename(doc.file.name))


def _my_seats(user):
    """``user``'s current seats, while their company is a member (staff's always)."""
    return (
        Seat.objects.current()
        .held_by(user)
        .with_company_listed()
        .filter(company_listed=True)
        .select_related("committee")
    )


@login_required
def my_committees(request: HttpRequest) -> HttpResponse:
    committees = {seat.committee for seat in _my_seats(request.user)}
    documents = Document.objects.readable_by(request.user).order_by("kind", "title")
    sections = []
    for committee in sorted(committees, key=lambda c: (c.position, c.pk)):
        meetings = committee.meetings.prefetch_related(
            Prefetch("documents", queryset=documents, to_attr="readable_documents")
        )
        sections.append(
            {
                "committee": committee,
                "upcoming": meetings.upcoming(),
                "past": meetings.past()[:PAST_MEETINGS_SHOWN],
                "documents": documents.filter(committee=committee, meeting__isnull=True),
                "seats": sorted(
                    Seat.objects.current()
                    .filter(committee=committee)
                    .select_related("person__company", "staff_member"),
                    key=lambda seat: (SEAT_ORDER[seat.role], seat.holder_name),
                ),
            }
        )
    return render(request, "members/area/committees.html", {"sections": sections})


@login_required
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    committees = _my_seats(request.user).values("committee")
    meetings = (
        Meeting.objects.all()
        if request.user.is_staff
        else Meeting.objects.filter(committee__in=committees)
    )
    meeting = get_object_or_404(meetings.select_related("committee"), pk=pk)
    response = HttpResponse(
        services.meeting_ics(meeting=meeting, language=translation.get_language()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="reunion-{meeting.pk}.ics"'
    return response
