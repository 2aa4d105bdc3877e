from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView
from django.views.static import serve

from alliance import views
from alliance.sitemaps import PageSitemap, StaticSitemap
from members.access import acts_as_staff
from members.sitemaps import CompanySitemap
from members.urls import area_patterns, committee_patterns, members_patterns
from members.views.accounts import LoginView, email
from news.sitemaps import ArticleSitemap, NewsletterSitemap

# The admin logs in through allauth: its rate limits and second factor apply there too.
admin.site.login = secure_admin_login(admin.site.login)
# The admin's own door asks the site's rule (a staff session that passed the second
# factor), not only is_staff: it holds even without members.middleware in front of it.
admin.site.has_permission = lambda request: acts_as_staff(request.user)

sitemaps = {
    "static": StaticSitemap,
    "pages": PageSitemap,
    "news": ArticleSitemap,
    "newsletter": NewsletterSitemap,
    "members": CompanySitemap,
}

page_patterns = (
    [
        path(_("about/"), views.page, {"key": "about"}, name="about"),
        path(_("privacy/"), views.page, {"key": "privacy"}, name="privacy"),
    ],
    "pages",
)

# A database out of reach answers the 503 page rather than the 500 one.
handler500 = "alliance.views.server_error"

urlpatterns = [
    # Staff bookmarks from before a person was called a Person in the code.
    re_path(
        r"^admin/members/representative/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/members/person/%(rest)s", query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    # Resolved per request: the hashed name exists only once collectstatic has run.
    path(
        "favicon.ico",
        RedirectView.as_view(
            url=lazy(static_url, str)("img/favicon.svg"), http_method_names=["get", "head"]
        ),
    ),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include(page_patterns)),
    path(_("news/"), include("news.urls")),
    path(_("newsletter/"), include("news.urls_newsletter")),
    path("", include(members_patterns)),
    path(_("member-area/"), include(area_patterns)),
    path(_("committees/"), include(committee_patterns)),
    path(
        _("account/"),
        include(
            [
                path("login/", LoginView.as_view()),
                path("email/", email),
                path("", include("allauth.urls")),
            ]
        ),
    ),
)
if "anymail" in settings.INSTALLED_APPS:
    # The provider's bounce and complaint webhooks (news/bounces.py).
    urlpatterns += [path("anymail/", include("anymail.urls"))]
if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            require_safe(serve),
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
