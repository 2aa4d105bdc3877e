from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from members.adapters import SECOND_FACTORS


class StaffSecondFactorMiddleware:
    """Staff reach the admin only once their account has a second factor (an
    authenticator app or a security key); until then they are sent to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff
            and request.path.startswith(reverse("admin:index"))
            and not get_mfa_adapter().is_mfa_enabled(user, SECOND_FACTORS)
        ):
            messages.warning(
                request,
                _(
                    "Staff accounts need a second factor. Set up an authenticator app to "
                    "reach the administration."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
