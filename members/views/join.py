"""The public membership application form."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from members.forms import ApplicationForm
from members.services.applications import application_submit


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=False)
def join(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(request, "429.html", status=429)
        form = ApplicationForm(request.POST)
        if form.is_valid():
            application = form.save(commit=False)
            application.language = translation.get_language()
            application_submit(application=application, classifications=form.classifications())
            return redirect("members:join-done")
        status = 400
    else:
        form = ApplicationForm()
        status = 200
    return render(request, "members/join.html", {"form": form}, status=status)


@require_safe
def join_done(request: HttpRequest) -> HttpResponse:
    return render(request, "members/join_done.html")
