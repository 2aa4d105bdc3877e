from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from alliance.i18n import language_links


def association(request: HttpRequest) -> dict:
    return {
        "association": settings.ASSOCIATION,
        # Views that show a page with a translated slug pass their own language_links; the
        # default is worked out only for the pages that use it.
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }
