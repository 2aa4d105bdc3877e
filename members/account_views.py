from allauth.account import views as allauth_views
from allauth.account.views import LoginView as AllauthLoginView
from django.db import transaction
from django.forms.forms import NON_FIELD_ERRORS
from django.shortcuts import render


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
