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
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from members.access import reads_everything
from members.models import Committee, Document, Meeting, Person, Seat
from members.services.committees import meeting_ics_filename, meeting_to_ics
from news.models import Article

PAST_MEETINGS_SHOWN = 10
SEAT_ORDER = {role: position for position, role in enumerate(Seat.Role.values)}


def _seats(committees, *, shown_to=None) -> list[Seat]:
    """The seats in force on ``committees``, chair first. With ``shown_to``, only those
    whose holder that visitor may see: people as each chose for the directory, the staff
    secretary always (the association's own)."""
    seats = Seat.objects.in_force().filter(committee__in=committees)
    if shown_to is not None:
        visible = Person.objects.visible_to(shown_to)
        seats = seats.filter(Q(person__isnull=True) | Q(person__in=visible))
    return sorted(
        seats.select_related("person__company", "staff_member"),
        key=lambda seat: (SEAT_ORDER[seat.role], seat.holder_name),
    )


def _meetings(committee: Committee, user) -> dict:
    """A committee's meetings and loose documents, with what ``user`` may open of them."""
    documents = Document.objects.readable_by(user).order_by("kind", "title")
    meetings = committee.meetings.prefetch_related(
        Prefetch("documents", queryset=documents, to_attr="readable_documents")
    )
    return {
        "upcoming": meetings.upcoming(),
        "past": meetings.past()[:PAST_MEETINGS_SHOWN],
        "documents": documents.filter(committee=committee, meeting__isnull=True),
    }


@require_safe
def committee_list(request: HttpRequest) -> HttpResponse:
    committees = list(Committee.objects.all())
    chairs = {
        seat.committee_id: seat
        for seat in _seats(committees, shown_to=request.user)
        if seat.role == Seat.Role.CHAIR
    }
    for committee in committees:
        committee.chair = chairs.get(committee.pk)
    return render(request, "members/committees/list.html", {"committees": committees})


@require_safe
def committee_detail(request: HttpRequest, slug: str) -> HttpResponse:
    committee = get_object_or_404(Committee, slug=slug)
    context = {
        "committee": committee,
        "seats": _seats([committee], shown_to=request.user),
        **_meetings(committee, request.user),
        "articles": Article.objects.published()
        .filter(committees=committee)
        .for_cards()
        .order_by("-publish_at")[:6],
    }
    return render(request, "members/committees/detail.html", context)


@require_safe
@never_cache  # no shared cache may keep a reserved document
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
    except (OSError, ValueError) as error:
        raise Http404(_("The file of this document is missing.")) from error
    return FileResponse(file, as_attachment=True, filename=os.path.basename(doc.file.name))


@require_safe
@login_required
def my_committees(request: HttpRequest) -> HttpResponse:
    committees = Committee.objects.sat_on_by(request.user)
    sections = [
        {"committee": committee, "seats": _seats([committee]), **_meetings(committee, request.user)}
        for committee in committees
    ]
    return render(request, "members/area/committees.html", {"sections": sections})


@require_safe
@login_required
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meetings = Meeting.objects.select_related("committee")
    if not reads_everything(request.user):
        meetings = meetings.filter(committee__in=Committee.objects.sat_on_by(request.user))
    meeting = get_object_or_404(meetings, pk=pk)
    language = translation.get_language()
    response = HttpResponse(
        meeting_to_ics(meeting=meeting, language=language),
        content_type="text/calendar; charset=utf-8",
    )
    filename = meeting_ics_filename(meeting=meeting, language=language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
