from allauth.account.views import LoginView as AllauthLoginView
from django.forms.forms import NON_FIELD_ERRORS
from django.shortcuts import render


class LoginView(AllauthLoginView):
    """allauth's login, except that too many wrong passwords get the rate-limit page (429)
    rather than one more form error."""

    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            return render(self.request, "429.html", status=429)
        return super().form_invalid(form)
