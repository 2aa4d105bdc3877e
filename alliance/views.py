from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from alliance.i18n import urls_by_language
from alliance.models import KeyFigure, Page
from news.models import Article


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published().for_cards()
    featured = published.filter(featured=True).first() or published.first()
    latest = published.exclude(pk=featured.pk) if featured else published
    return render(
        request,
        "alliance/home.html",
        {
            "featured": featured,
            "latest": latest[:6],
            "key_figures": KeyFigure.objects.all(),
        },
    )


@require_safe
def page(request: HttpRequest, key: str) -> HttpResponse:
    return render(request, "alliance/page.html", {"page": get_object_or_404(Page, key=key)})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    # The account pages' folder in each language, e.g. /fr/compte/ and /en/account/.
    account_pages = urls_by_language(lambda: reverse("account_login").rsplit("/", 2)[0] + "/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {url}" for url in account_pages.values()),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and monitoring: can this process reach its database and cache?"""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "unreachable"
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "unreachable"
    except Exception:  # Each cache backend raises its own errors (redis.ConnectionError…).
        checks["cache"] = "unreachable"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )
