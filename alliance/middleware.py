from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

# Every page is read with GET (HEAD) and changed with a form's POST; nothing here takes PUT,
# PATCH, DELETE or OPTIONS, though Django's class-based views (allauth's forms, the
# admin's) would treat PUT as POST and answer OPTIONS.
ALLOWED_METHODS = ("GET", "HEAD", "POST")


class AllowedMethodsMiddleware:
    """Answer 405 to any method other than GET, HEAD and POST, on every address.

    Views that only read say so themselves (``require_safe``), so a POST to them gets
    405 too. Django's 405 has no body: every one gets the translated page instead, with
    its ``Allow`` header kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            response = HttpResponseNotAllowed(ALLOWED_METHODS)
        else:
            response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response["Allow"]
            return page
        return response


class RejectNullBytesMiddleware:
    """Answer 400 to a NUL character in the address or the query.

    No page has a use for one, and PostgreSQL refuses it in a query: a filter or search
    that passed it on (the admin's list filters do) would fail with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return render(request, "400.html", status=400)
        return self.get_response(request)
