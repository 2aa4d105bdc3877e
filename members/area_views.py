"""The member area: the pages of the people of member companies, and the invitation link
that lets them in. Every view reads only the companies the logged-in person belongs to."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from members import services
from members.forms import InvitationAccountForm, InvitationConsentForm
from members.models import IN_DIRECTORY, Company, Invitation, User

LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def my_companies(user: User):
    """The companies ``user`` is a person of, with their status and current period."""
    return (
        Company.objects.filter(representatives__user=user)
        .with_status()
        .with_current_period()
        .distinct()
    )


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    people = {person.company_id: person for person in request.user.representations.all()}
    companies = list(my_companies(request.user).order_by("sort_name"))
    for company in companies:
        company.person = people[company.pk]
        company.in_directory = company.status in IN_DIRECTORY
    return render(request, "members/area/dashboard.html", {"companies": companies})


@login_required
@require_POST
@ratelimit(key="user", rate="3/d", block=False)
def renewal_request(request: HttpRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(my_companies(request.user), slug=slug)
    if getattr(request, "limited", False):
        return render(request, "429.html", status=429)
    services.renewal_request(company=company, by=request.user)
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
        raise Http404(_("This invitation link is not valid. Check that it was copied whole."))
    if invitation.state != Invitation.State.PENDING:
        return _unusable(request, Invitation.UNUSABLE[invitation.state], status=410)
    account = User.objects.filter(email__iexact=invitation.email).first()
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
            "members/invitation_login.html",
            {"invitation": invitation, "login_url": login_url},
        )

    form_class = InvitationConsentForm if account else InvitationAccountForm
    form = form_class(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation, user=account, **form.account_fields()
            )
        except services.InvitationError as error:
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
