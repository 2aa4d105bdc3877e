from django.conf import settings
from django.http import HttpRequest

from alliance.i18n import language_links


def association(request: HttpRequest) -> dict:
    return {
        "association": settings.ASSOCIATION,
        # Views that show a page with a translated slug pass their own language_links.
        "language_links": language_links(request),
    }
