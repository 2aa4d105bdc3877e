import sys

import psycopg
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from alliance import outbox
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


# Seconds a visitor is asked to wait before trying again when the database is out of reach.
RETRY_AFTER = 30
# Seconds /healthz waits for a database connection: less than a page waits (the pool's
# timeout), so the load balancer hears within a second that this process is cut off.
HEALTHZ_DATABASE_WAIT = 0.5


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, except that a database out of reach is an outage, not a fault: the
    translated 503 page, and a time to come back.

    A handler rather than a middleware: the first query is often made by a middleware
    (the session, the user), where a middleware's process_exception never hears of it.
    Django calls the handler while it handles the exception, so sys.exc_info() holds it.
    """
    if _database_out_of_reach(sys.exc_info()[1]):
        # No request context: the context processors would query the database again.
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return defaults.server_error(request)


def _database_out_of_reach(error: BaseException | None) -> bool:
    """Whether ``error`` says the database could not be talked to: no answer at all (refused,
    timed out, no connection free in the pool; SQLite's errors carry no SQLSTATE either),
    a connection exception (SQLSTATE class 08) or the server going away (57P). Not a
    deadlock or a cancelled statement: the database answered, and that is a fault."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P"))


def _database_reachable() -> bool:
    pool = getattr(connection, "pool", None)
    try:
        if pool is None:  # SQLite, or PostgreSQL without a pool (the tests)
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            return True
        pool.open()  # idempotent; Django opens it on the first query otherwise
        with pool.connection(timeout=HEALTHZ_DATABASE_WAIT) as pooled:
            pooled.execute("SELECT 1")
        return True
    except (DatabaseError, psycopg.Error):
        return False


def _cache_reachable() -> bool:
    # Redis itself: the fail-soft backend (alliance.cache) hides its outages from pages.
    if reachable := getattr(cache, "reachable", None):
        return reachable()
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # Each cache backend raises its own errors (redis.ConnectionError…).
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and monitoring: can this process reach its database and
    cache, and are the emails going out (none waiting past its time longer than
    ``EMAIL_QUEUE_MAX_AGE``)?"""
    checks = {"database": "ok" if _database_reachable() else "unreachable"}
    checks["cache"] = "ok" if _cache_reachable() else "unreachable"
    report = {}
    if checks["database"] == "ok":
        report["email_queue"] = queue = outbox.queue_state()
        late = queue["oldest_seconds"] > settings.EMAIL_QUEUE_MAX_AGE
        checks["emails"] = "late" if late else "ok"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks, **report},
        status=200 if healthy else 503,
    )
