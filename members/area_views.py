"""The member area: the pages of the people of member companies, and the invitation link
that lets them in. Every view reads only the companies the logged-in person belongs to."""

import json
import logging

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from alliance.emails import EMAIL_FAILED, EmailNotSent
from members.forms import (
    CloseAccountForm,
    ColleagueInvitationForm,
    CompanyProfileForm,
    InvitationAccountForm,
    InvitationConsentForm,
    PersonalDetailsForm,
    RepresentationForm,
)
from members.models import (
    Committee,
    Company,
    Invitation,
    Meeting,
    Representative,
    User,
)
from members.services.accounts import (
    account_close,
    account_export,
    account_for_email,
    account_update_profile,
)
from members.services.companies import company_update_profile
from members.services.invitations import (
    InvitationError,
    invitation_accept,
    invitation_revoke,
    invitation_send,
)
from members.services.memberships import membership_request_renewal
from members.services.people import (
    LastAdministratorError,
    representative_remove,
    representative_set_role,
)

log = logging.getLogger(__name__)

DASHBOARD_MEETINGS = 3

LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def my_companies(user: User):
    """The companies ``user`` is a person of, with their status and current period."""
    return (
        Company.objects.not_archived()
        .filter(representatives__user=user)
        .with_status()
        .with_current_period()
        .distinct()
    )


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    people = {person.company_id: person for person in request.user.representations.all()}
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


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = (
        Invitation.objects.select_related("company", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )
    if invitation is None:
        return _unusable(
            request,
            _("This invitation link is not valid. Check that it was copied whole."),
            status=404,
        )
    if invitation.state != Invitation.State.PENDING:
        return _unusable(request, Invitation.UNUSABLE[invitation.state], status=410)
    account = account_for_email(email=invitation.email)
    if request.user.is_authenticated and request.user != account:
        return _unusable(
            request,
            _(
                "This invitation was sent to %(email)s, but you are logged in with another "
                "address. Log out, then open the link again."
            )
            % {"email": invitation.email},
            status=403,
        )
    if account and not request.user.is_authenticated:
        login_url = reverse("account_login") + "?next=" + request.path
        return render(
            request,
            "members/invitation_accept.html",
            {"invitation": invitation, "login_url": login_url},
        )

    form_class = InvitationConsentForm if account else InvitationAccountForm
    form = form_class(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(invitation=invitation, user=account, **form.account_fields())
        except InvitationError as error:
            return _unusable(request, str(error), status=409)
        if not account:
            login(request, user, backend=LOGIN_BACKEND)
        messages.success(
            request,
            _("Welcome! You are now in the member area of %(company)s.")
            % {"company": invitation.company.name},
        )
        return redirect("area:dashboard")
    return render(
        request,
        "members/invitation_accept.html",
        {"invitation": invitation, "form": form, "has_account": bool(account)},
        status=400 if form.is_bound else 200,
    )


def _unusable(request: HttpRequest, message: str, *, status: int) -> HttpResponse:
    return render(request, "members/invitation_unusable.html", {"message": message}, status=status)


def _company_of(request: HttpRequest, slug: str, *, manage: bool = False):
    """The company at ``slug``, the logged-in person's row in it, and whether they may
    manage it (its administrators, while it is a member). Someone who is not one of its
    people gets a 404, as if it did not exist; with ``manage``, a person who may not
    manage it gets a 403."""
    company = get_object_or_404(my_companies(request.user), slug=slug)
    person = company.representatives.get(user=request.user)
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
    people = company.representatives.select_related("user").order_by("last_name", "first_name")
    context = {
        "company": company,
        "me": me,
        "people": people,
        "invitations": company.invitations.usable().order_by("-created_at"),
        "invite": invite,
        "roles": Representative.Role.choices,
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
        invitation = get_object_or_404(company.invitations, pk=_id(request.POST, "invitation"))
        invitation_revoke(invitations=Invitation.objects.filter(pk=invitation.pk))
        messages.success(request, _("The invitation was revoked."))
    elif action in ("role", "remove"):
        person = get_object_or_404(company.representatives, pk=_id(request.POST, "person"))
        try:
            if action == "remove":
                representative_remove(person=person)
                messages.success(request, _("%(name)s was removed.") % {"name": person.full_name})
            else:
                role = request.POST.get("role")
                if role not in Representative.Role.values:
                    return render(request, "400.html", status=400)
                representative_set_role(person=person, role=role)
                messages.success(
                    request, _("The role of %(name)s was changed.") % {"name": person.full_name}
                )
        except LastAdministratorError as error:
            messages.error(request, str(error))
            return redirect("area:colleagues", slug=company.slug)
    else:
        return render(request, "400.html", status=400)
    if not company.representatives.filter(user=request.user).exists():
        return redirect("area:dashboard")  # they removed themselves
    return redirect("area:colleagues", slug=company.slug)


def _id(data, name: str) -> int:
    """A row id posted by a form; anything else is a row that does not exist."""
    value = data.get(name, "")
    if not (value.isascii() and value.isdigit() and len(value) < 19):  # fits a bigint
        raise Http404
    return int(value)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    data = request.POST or None
    details = PersonalDetailsForm(data, instance=user)
    places = [
        RepresentationForm(data, instance=person, prefix=f"person-{person.pk}")
        for person in user.representations.select_related("company").order_by("company__sort_name")
    ]
    if request.method == "POST" and details.is_valid() and all(f.is_valid() for f in places):
        account_update_profile(details=details, places=places)
        messages.success(request, _("Your profile was saved."))
        return redirect("area:profile")
    return render(
        request,
        "members/area/profile.html",
        {"details": details, "places": places},
        status=400 if details.is_bound else 200,
    )


@require_safe
@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    data = account_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"alliance-polymeres-quebec-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def close_account(request: HttpRequest) -> HttpResponse:
    if request.user.is_staff:
        raise PermissionDenied(
            _("Staff accounts are closed by the association's administrators, in the admin.")
        )
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_close(user=request.user)
        logout(request)
        messages.success(request, _("Your account is closed and your personal data erased."))
        return redirect("home")
    return render(
        request,
        "members/area/close_account.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
