"""Accounts: allauth's login and address pages as the portal adjusts them, and a
person's own profile, the export of their data and the closing of their account."""

import json

from allauth.account import views as allauth_views
from allauth.account.views import LoginView as AllauthLoginView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.forms import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from members.forms import CloseAccountForm, PersonalDetailsForm, RepresentationForm
from members.services.accounts import account_close, account_export, account_update_profile
from news.forms import NewsletterChoiceForm
from news.services.subscriptions import (
    SubscriptionError,
    consent_text,
    member_newsletter_state,
    subscriber_set_for_member,
)


class LoginView(AllauthLoginView):
    """allauth's login, except that too many wrong passwords get the rate-limit page (429)
    rather than one more form error."""

    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            return render(self.request, "429.html", status=429)
        return super().form_invalid(form)


# Adding an address saves it, then emails the link to verify it: in one transaction, so
# that when that email cannot be sent (members.adapters) the address is not left behind,
# and trying again later is the same step, not "this address is already yours".
email = transaction.atomic(allauth_views.email)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    data = request.POST or None
    details = PersonalDetailsForm(data, instance=user)
    places = [
        RepresentationForm(data, instance=person, prefix=f"person-{person.pk}")
        for person in user.people.select_related("company").order_by("company__sort_name")
    ]
    if request.method == "POST" and details.is_valid() and all(f.is_valid() for f in places):
        account_update_profile(details=details, places=places)
        messages.success(request, _("Your profile was saved."))
        return redirect("area:profile")
    address, subscribed = member_newsletter_state(user=user)
    context = {
        "details": details,
        "places": places,
        "newsletter": NewsletterChoiceForm(
            initial={"subscribe": subscribed}, consent_text=consent_text()
        ),
        "newsletter_address": address,
        "newsletter_subscribed": subscribed,
    }
    return render(
        request,
        "members/area/profile.html",
        context,
        status=400 if details.is_bound else 200,
    )


@login_required
@require_POST
def newsletter_choice(request: HttpRequest) -> HttpResponse:
    """The profile's "Receive the newsletter" box; the consent kept is its help text."""
    text = consent_text()
    form = NewsletterChoiceForm(request.POST, consent_text=text)
    form.is_valid()  # a box: unticked, or anything else, is False
    subscribe = form.cleaned_data.get("subscribe", False)
    try:
        subscriber_set_for_member(user=request.user, subscribe=subscribe, consent_text=text)
    except SubscriptionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You will receive the newsletter.")
            if subscribe
            else _("You will no longer receive the newsletter."),
        )
    return redirect("area:profile")


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
