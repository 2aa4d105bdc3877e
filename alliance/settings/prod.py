from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    DEBUG,
    EMAIL_DELIVERY_BACKEND,
    MEDIA_ROOT,
    PRIVATE_MEDIA_ROOT,
    SECRET_KEY,
    env,
)

if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must not be on in production.")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is missing or too short: set it to a random string of at least "
        "50 characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )
if not env.str("DATABASE_URL", default="").startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured(
        "DATABASE_URL is missing or not PostgreSQL: production runs on PostgreSQL, "
        "e.g. DATABASE_URL=postgres://alliance:secret@db.example.org:5432/alliance"
    )
if not env.str("REDIS_URL", default=""):
    raise ImproperlyConfigured(
        "REDIS_URL is missing: the cache, and the login rate limits counted in it, must be "
        "shared by every server process, e.g. REDIS_URL=redis://127.0.0.1:6379/0"
    )
if not env.str("EMAIL_URL", default=""):
    raise ImproperlyConfigured(
        "EMAIL_URL is missing: without it password resets and error reports are lost, "
        "e.g. EMAIL_URL=smtp+tls://user:secret@smtp.example.org:587"
    )
if EMAIL_PROVIDER and not ANYMAIL.get("WEBHOOK_SECRET"):  # noqa: F405
    raise ImproperlyConfigured(
        "ANYMAIL_WEBHOOK_SECRET is missing: with EMAIL_PROVIDER set, the provider's bounce "
        "webhooks would take anyone's word that an address bounced or complained; set it "
        "to user:password and give the provider https://user:password@<host>/anymail/…"
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is missing: set it to the site's host names, comma-separated, "
        "e.g. DJANGO_ALLOWED_HOSTS=portail.alliancepolymeres.quebec"
    )
# Every link in an email is built on SITE_URL (alliance.emails.absolute_url), never on the
# Host of the request that happened to send it; base.py's default is for development only.
_site = urlsplit(env.str("SITE_URL", default=""))
if not _site.geturl():
    raise ImproperlyConfigured(
        "SITE_URL is missing: the links in emails (invitations, password resets) are built "
        "on it, e.g. SITE_URL=https://portail.alliancepolymeres.quebec"
    )
# Nothing after the host: every link is SITE_URL followed by its path.
if (
    _site.scheme != "https"
    or not validate_host(_site.hostname or "", ALLOWED_HOSTS)
    or _site.path.strip("/")
    or _site.query
    or _site.fragment
):
    raise ImproperlyConfigured(
        "SITE_URL must be the portal's public https:// address, on one of "
        "DJANGO_ALLOWED_HOSTS, with nothing after the host, "
        "e.g. SITE_URL=https://portail.alliancepolymeres.quebec"
    )

if Path(PRIVATE_MEDIA_ROOT).resolve().is_relative_to(Path(MEDIA_ROOT).resolve()):
    raise ImproperlyConfigured(
        "DJANGO_PRIVATE_MEDIA_ROOT must not be inside DJANGO_MEDIA_ROOT: the web server "
        "would hand out committee documents without checking who asks."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Production runs behind one reverse proxy (gunicorn listens on 127.0.0.1 only); without
# it every visitor would share the proxy's address, and its rate limits.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000)
# Both apply to the whole domain and are slow to undo once browsers have them: turn them
# off here if the association's other sites are not all on HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "not_an_outage": {"()": "alliance.log.NotAnOutage"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            # Straight to the mail server: an error report must not depend on the database
            # the outbox is in (it may be the error).
            "email_backend": EMAIL_DELIVERY_BACKEND,
            "level": "ERROR",
            "filters": ["not_an_outage"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # Replaces Django's own "django" logger, which would email the admins a second
        # time; its records reach the console through the root logger.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # Anyone can send a forged Host header, a body over the upload limits or a
        # thousand fields, as often as they like (Django's SuspiciousOperation): each gets
        # the 400 page and a line in the log, never an email.
        "django.security": {"handlers": ["console"], "propagate": False},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
ADMINS = [("Admin", a) for a in env.list("DJANGO_ADMINS", default=[])]
