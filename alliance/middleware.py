from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
