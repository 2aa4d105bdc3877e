import time

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from members.access import acts_as_staff, mark_second_factor
from members.adapters import SECOND_FACTORS

# allauth's pages that add a factor or show recovery codes: whoever already has a factor
# proves it first, so that a password alone never yields a second factor of one's own.
ADDING_A_FACTOR = {
    "mfa_activate_totp",
    "mfa_add_webauthn",
    "mfa_generate_recovery_codes",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
}


class StaffSecondFactorMiddleware:
    """Staff privileges need a session that passed the second factor (see
    ``members.access.acts_as_staff``). Staff without one reach the admin only once they
    have set up an authenticator app or a security key (they are sent to set one up, which
    asks for the password again); staff who have one but whose session did not pass it
    are asked for it. Adding a factor to an account that has one asks for that one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        mark_second_factor(request)
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff
            and not acts_as_staff(user)
            and request.path.startswith(reverse("admin:index"))
        ):
            if get_mfa_adapter().is_mfa_enabled(user, SECOND_FACTORS):
                return _confirm_second_factor(request)
            messages.warning(
                request,
                _(
                    "Staff accounts need a second factor. Set up an authenticator app to "
                    "reach the administration."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if (
            request.resolver_match.url_name in ADDING_A_FACTOR
            and request.user.is_authenticated
            and get_mfa_adapter().is_mfa_enabled(request.user, SECOND_FACTORS)
            and not _recently_confirmed_second_factor(request)
        ):
            return _confirm_second_factor(request)
        return None


def _recently_confirmed_second_factor(request: HttpRequest) -> bool:
    """Whether the last time this session confirmed who it is, within allauth's
    reauthentication timeout, it did so with a second factor (not only the password)."""
    confirmations = [
        record
        for record in get_authentication_records(request, request.user)
        if record.get("reauthenticated")
    ]
    return bool(
        confirmations
        and confirmations[-1].get("method") == "mfa"
        and time.time() - confirmations[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
    )


def _confirm_second_factor(request: HttpRequest) -> HttpResponse:
    """allauth's page that asks for the second factor, then comes back here."""
    has_app = get_mfa_adapter().is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
    url = reverse("mfa_reauthenticate" if has_app else "mfa_reauthenticate_webauthn")
    messages.info(request, _("Confirm with your second factor to continue."))
    return redirect(f"{url}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")
