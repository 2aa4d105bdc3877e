"""The member area: the pages of the people of member companies. Every view reads only
the companies the logged-in person belongs to."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from alliance.emails import EMAIL_FAILED, EmailNotSent
from members.forms import ColleagueInvitationForm, CompanyProfileForm
from members.models import Committee, Company, Invitation, Meeting, Person, User
from members.services.companies import company_update_profile
from members.services.invitations import invitation_revoke, invitation_send
from members.services.memberships import membership_request_renewal
from members.services.people import (
    LastAdministratorError,
    person_remove,
    person_set_role,
)

log = logging.getLogger(__name__)

DASHBOARD_MEETINGS = 3


def my_companies(user: User):
    """The companies ``user`` is a person of, with their status and current period."""
    return (
        Company.objects.not_archived()
        .filter(people__user=user)
        .with_status()
        .with_current_period()
        .distinct()
    )


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    people = {person.company_id: person for person in request.user.people.all()}
    companies = list(my_companies(request.user).order_by("sort_name"))
    for company in companies:
        company.person = people[company.pk]
        company.manageable = company.can_be_managed_by(company.person)
    meetings = (
        Meeting.objects.filter(committee__in=Committee.objects.sat_on_by(request.user))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
        .upcoming()[:DASHBOARD_MEETINGS]
    )
    return render(
        request, "members/area/dashboard.html", {"companies": companies, "meetings": meetings}
    )


@login_required
@require_POST
@ratelimit(key="user", rate="3/d", block=False)
def renewal_request(request: HttpRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(my_companies(request.user), slug=slug)
    if getattr(request, "limited", False):
        return render(request, "429.html", status=429)
    try:
        membership_request_renewal(company=company, by=request.user)
    except EmailNotSent:
        log.exception("Renewal request for company %s not sent.", company.pk)
        messages.error(request, EMAIL_FAILED)
    else:
        messages.success(
            request,
            _("Your request to renew %(company)s was sent to the association's staff.")
            % {"company": company.name},
        )
    return redirect("area:dashboard")


def _company_of(request: HttpRequest, slug: str, *, manage: bool = False):
    """The company at ``slug``, the logged-in person's row in it, and whether they may
    manage it (its administrators, while it is a member). Someone who is not one of its
    people gets a 404, as if it did not exist; with ``manage``, a person who may not
    manage it gets a 403."""
    company = get_object_or_404(my_companies(request.user), slug=slug)
    person = company.people.get(user=request.user)
    can_manage = company.can_be_managed_by(person)
    if manage and not can_manage:
        raise PermissionDenied(
            _("Only the company's administrators can do this, while it is a member.")
        )
    return company, person, can_manage


@login_required
@require_http_methods(["GET", "POST"])
def company_profile(request: HttpRequest, slug: str) -> HttpResponse:
    company, _person, can_edit = _company_of(request, slug, manage=request.method == "POST")
    form = CompanyProfileForm(request.POST or None, request.FILES or None, instance=company)
    if request.method == "POST" and form.is_valid():
        company_update_profile(form=form, by=request.user)
        messages.success(request, _("The company profile was saved."))
        return redirect("area:company-profile", slug=company.slug)
    if not can_edit:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "members/area/company_profile.html",
        {"company": company, "form": form, "can_edit": can_edit},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def colleagues(request: HttpRequest, slug: str) -> HttpResponse:
    company, me, _can_manage = _company_of(request, slug, manage=True)
    invite = ColleagueInvitationForm(
        request.POST if request.POST.get("action") == "invite" else None,
        instance=Invitation(company=company, language=request.LANGUAGE_CODE),
    )
    if request.method == "POST":
        response = _colleagues_action(request, company, invite)
        if response:
            return response
    people = company.people.all()
    context = {
        "company": company,
        "me": me,
        "people": people,
        "invitations": company.invitations.usable().order_by("-created_at"),
        "invite": invite,
        "roles": Person.Role.choices,
    }
    return render(
        request,
        "members/area/colleagues.html",
        context,
        status=400 if invite.is_bound else 200,
    )


def _colleagues_action(request, company: Company, invite) -> HttpResponse | None:
    """Carry out one of the colleagues page's buttons; ``None`` to show the page again."""
    action = request.POST.get("action")
    if action == "invite":
        if not invite.is_valid():
            return None
        try:
            invitation_send(invitation=invite.instance, by=request.user)
        except EmailNotSent:
            log.exception("Invitation for company %s not sent.", company.pk)
            messages.error(request, EMAIL_FAILED)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": invite.instance.email},
            )
    elif action == "revoke":
        invitation = get_object_or_404(
            company.invitations, pk=_posted_pk(request.POST, "invitation")
        )
        invitation_revoke(invitations=Invitation.objects.filter(pk=invitation.pk))
        messages.success(request, _("The invitation was revoked."))
    elif action in ("role", "remove"):
        person = get_object_or_404(company.people, pk=_posted_pk(request.POST, "person"))
        try:
            if action == "remove":
                person_remove(person=person)
                messages.success(request, _("%(name)s was removed.") % {"name": person.full_name})
            else:
                role = request.POST.get("role")
                if role not in Person.Role.values:
                    return render(request, "400.html", status=400)
                person_set_role(person=person, role=role)
                messages.success(
                    request, _("The role of %(name)s was changed.") % {"name": person.full_name}
                )
        except LastAdministratorError as error:
            messages.error(request, str(error))
            return redirect("area:colleagues", slug=company.slug)
    else:
        return render(request, "400.html", status=400)
    if not company.people.filter(user=request.user).exists():
        return redirect("area:dashboard")  # they removed themselves
    return redirect("area:colleagues", slug=company.slug)


def _posted_pk(data, name: str) -> int:
    """A row id posted by a form; anything else is a row that does not exist."""
    value = data.get(name, "")
    if not (value.isascii() and value.isdigit() and len(value) < 19):  # fits a bigint
        raise Http404
    return int(value)
