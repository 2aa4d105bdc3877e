"""Who is asking, behind the reverse proxy.

Behind nginx every request comes from the proxy's own address (``REMOTE_ADDR``); the
client's is the one the proxy appended to ``X-Forwarded-For``. Everything before it was
written by the client and can be anything, so the address is counted from the right, one
entry per proxy we run (``TRUSTED_PROXY_COUNT``). Every rate limit, allauth's and
django-ratelimit's, keys on this one function.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client that sent ``request``, as our own proxies saw it."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        # Not through all our proxies (e.g. a direct request to the app server): whoever
        # connected is the client.
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        # Our proxies write addresses; anything else means fewer proxies than configured.
        return remote
