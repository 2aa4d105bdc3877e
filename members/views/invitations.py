"""The invitation link: where someone invited by a company's administrator or by staff
creates their account (or logs in) and joins the company's people."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members.forms import InvitationAccountForm, InvitationConsentForm
from members.models import Invitation
from members.services.accounts import account_for_email
from members.services.invitations import InvitationError, invitation_accept

LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


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
