"""The newsletter's public pages: sign-up, confirmation, unsubscribe and the archive.
No login: the signed link is the only key (news/services/subscriptions.py)."""

import logging

from django.core import signing
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from alliance.emails import EMAIL_FAILED, EmailNotSent
from news.forms import SubscribeForm
from news.models import Article, Newsletter, Section, Subscriber
from news.services.subscriptions import (
    ConfirmationOutdated,
    consent_text,
    subscriber_confirm,
    subscriber_from_confirm_token,
    subscriber_from_unsubscribe_token,
    subscriber_sign_up,
    subscriber_unsubscribe,
)

log = logging.getLogger(__name__)

ARCHIVE_PAGE_SIZE = 12


def _address_key(group: str, request: HttpRequest) -> str:
    """Sign-ups are limited per address too: nobody floods someone's inbox from many IPs."""
    return request.POST.get("email", "").strip().lower()


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=False)
@ratelimit(key=_address_key, rate="3/h", method="POST", block=False)
def subscribe(request: HttpRequest) -> HttpResponse:
    text = consent_text()
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(request, "429.html", status=429)
        form = SubscribeForm(request.POST, consent_text=text)
        if form.is_valid():
            try:
                subscriber_sign_up(
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                    source=form.cleaned_data["source"],
                    consent_text=text,
                )
            except EmailNotSent:
                log.exception("Newsletter confirmation not sent.")
                form.add_error(None, EMAIL_FAILED)
            else:
                return redirect("newsletter:subscribe-done")
    else:
        # The footer's form sends the address here, where the consent is asked.
        form = SubscribeForm(
            initial={
                "email": request.GET.get("email", "")[:254],
                "language": translation.get_language(),
                "source": request.GET.get("source", ""),
            },
            consent_text=text,
        )
    return render(request, "news/newsletter/subscribe.html", {"form": form})


@require_safe
def subscribe_done(request: HttpRequest) -> HttpResponse:
    return render(request, "news/newsletter/subscribe_done.html")


def _link_problem(request: HttpRequest, error: Exception, *, purpose: str) -> HttpResponse:
    """The page of a link that does nothing: tampered with (400), expired or outdated
    (410), or naming an address erased since (404)."""
    if isinstance(error, Subscriber.DoesNotExist):
        problem, status = "erased", 404
    elif isinstance(error, signing.SignatureExpired):
        problem, status = "expired", 410
    elif isinstance(error, ConfirmationOutdated):
        problem, status = "outdated", 410
    else:
        problem, status = "tampered", 400
    return render(
        request,
        "news/newsletter/link_problem.html",
        {"problem": problem, "purpose": purpose},
        status=status,
    )


LINK_ERRORS = (signing.BadSignature, Subscriber.DoesNotExist)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A link scanner that opens the link confirms nothing: it takes the page's button."""
    try:
        if request.method == "POST":
            subscriber = subscriber_confirm(token=token)
            return render(request, "news/newsletter/confirmed.html", {"subscriber": subscriber})
        subscriber, _asked_at = subscriber_from_confirm_token(token)
    except LINK_ERRORS as error:
        return _link_problem(request, error, purpose="confirm")
    return render(request, "news/newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every issue. A mail client's one-click request (RFC 8058) comes
    without cookies or CSRF token: the signed link is its proof, and it alone skips the
    CSRF check; the page's own button keeps it."""
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        return _unsubscribe(request, token)
    return _unsubscribe_page(request, token)


@csrf_protect
def _unsubscribe_page(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        return _unsubscribe(request, token)
    try:
        subscriber = subscriber_from_unsubscribe_token(token)
    except LINK_ERRORS as error:
        return _link_problem(request, error, purpose="unsubscribe")
    return render(request, "news/newsletter/unsubscribe.html", {"subscriber": subscriber})


def _unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = subscriber_from_unsubscribe_token(token)
    except LINK_ERRORS as error:
        return _link_problem(request, error, purpose="unsubscribe")
    subscriber = subscriber_unsubscribe(subscriber=subscriber)
    return render(request, "news/newsletter/unsubscribed.html", {"subscriber": subscriber})


@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    issues = Newsletter.objects.archived().order_by("-sent_at", "-pk")
    try:
        page = Paginator(issues, ARCHIVE_PAGE_SIZE).page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc
    context = {
        "page_obj": page,
        "canonical_path": request.path + (f"?page={page.number}" if page.number > 1 else ""),
    }
    return render(request, "news/newsletter/archive.html", context)


@require_safe
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """An archived issue's web version. Its cards are those of the news list: published
    articles only, a members-only one by its title and summary."""
    articles = Article.objects.published().for_cards()
    sections = Section.objects.prefetch_related(Prefetch("articles", queryset=articles))
    newsletter = get_object_or_404(
        Newsletter.objects.archived().prefetch_related(Prefetch("sections", queryset=sections)),
        pk=pk,
    )
    return render(request, "news/newsletter/issue.html", {"newsletter": newsletter})
