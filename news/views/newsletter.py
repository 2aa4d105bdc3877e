"""The newsletter's public pages: sign-up, confirmation, unsubscribe and the archive."""

from django.http import Http404, HttpRequest, HttpResponse


def archive(request: HttpRequest) -> HttpResponse:
    raise Http404


def issue(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def subscribe(request: HttpRequest) -> HttpResponse:
    raise Http404


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
