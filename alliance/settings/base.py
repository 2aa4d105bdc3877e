"""Settings shared by every environment; each value that differs comes from the environment."""

import os
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes take over.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # search lookups; inert on SQLite
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_prose_editor",
    "imagekit",
    "reversion",
    "import_export",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "alliance",
    "members",
    "news",
    # Last, as its documentation asks: deletes a file when its row is deleted or the file
    # replaced (committee documents must not linger; nor logos and covers).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the locale: its 405 page is in the language of the address.
    "alliance.middleware.AllowedMethodsMiddleware",
    "alliance.middleware.RejectNullBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.StaffSecondFactorMiddleware",
]

ROOT_URLCONF = "alliance.urls"
WSGI_APPLICATION = "alliance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "alliance.context_processors.association",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# Unset DATABASE_URL means the zero-setup SQLite file; postgres://… means production.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock when a transaction starts, so concurrent writers
        # wait for each other (busy timeout) instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "pool": {
                "min_size": env.int("DATABASE_POOL_MIN", default=2),
                "max_size": env.int("DATABASE_POOL_MAX", default=10),
                # Seconds a request waits for a connection (psycopg_pool's default is 30):
                # with the database down, every worker would hang that long. Past it the
                # visitor gets the 503 page (alliance.views.server_error).
                "timeout": env.float("DATABASE_POOL_TIMEOUT", default=2.0),
            },
            # libpq's, in seconds: a server that does not answer is given up this soon.
            "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=2),
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections; Django must not.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
if REDIS_URL := env.str("REDIS_URL", default=""):
    # Seconds: Redis answers in a millisecond, so this soon it is out of reach and the
    # fallback answers instead (redis-py would wait for ever).
    _redis_timeout = env.float("REDIS_TIMEOUT", default=0.5)
    CACHES = {
        "default": {
            # Redis, or the table below while Redis cannot be reached (alliance/cache.py).
            "BACKEND": "alliance.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "apq",
            "FALLBACK": "fallback",
            "OPTIONS": {"socket_connect_timeout": _redis_timeout, "socket_timeout": _redis_timeout},
        },
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_fallback",  # created by alliance/migrations/0004
            "KEY_PREFIX": "apq",
            # Rate-limit counts, one per address and action: room for an attack's worth.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Behind the reverse proxy ------------------------------------------------
# How many proxies of ours stand in front of the app server, each appending the address
# it received from to X-Forwarded-For: the client's address is that many entries from the
# right (alliance.proxy.client_ip). 0 = clients connect directly, and the header is ignored.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# django-ratelimit's limits (the join form, renewal requests) key on the same address as
# allauth's (members.adapters.AccountAdapter.get_client_ip).
RATELIMIT_IP_META_KEY = "alliance.proxy.client_ip"

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "area:dashboard"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Counted in the cache: Redis in production, so the limits hold across server processes;
# while Redis is out of reach, its fallback table in the database (alliance/cache.py).
ACCOUNT_RATE_LIMITS = {
    # The eleventh wrong password in a row meets the rate-limit page (members/views/accounts.py).
    "login_failed": "10/m/ip,10/15m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_LOGIN_BY_CODE_ENABLED = True  # a code by email instead of the password
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
# Setting up a second factor, and other sensitive changes, ask for the password (or, once
# there is a factor, that factor: members/middleware.py) again if it was given more than
# five minutes ago.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_NOTIFICATIONS = True  # password changed, email added, second factor on/off…
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
# Unknown addresses get the same answer as known ones, and an email saying no account uses
# them: the login-by-code and password-reset forms (members/forms.py) rely on it for
# addresses that are only claimed, never verified, by another account.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_FORMS = {
    "request_login_code": "members.forms.LoginByCodeForm",
    "reset_password": "members.forms.PasswordResetForm",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alliance Polymères Québec] "

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Alliance Polymères Québec"
MFA_ADAPTER = "members.adapters.MFAAdapter"

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"  # Québec's time zone
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
# modeltranslation reads these names; served from our own static files so the admin
# works without internet access.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and media ---------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Committee documents: never served by the web server, only through a view that checks
# who asks (members.views.committees.document). Keep it outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = env.path("DJANGO_PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
# Where "manage.py backup" writes its archives (database and both media folders).
BACKUP_ROOT = env.path("DJANGO_BACKUP_ROOT", default=BASE_DIR / "backups")
STORAGES = {
    # Switch to S3-compatible storage by pointing this at storages.backends.s3.S3Storage
    # (django-storages) and giving it its OPTIONS; nothing else in the code changes.
    "default": {
        "BACKEND": env.str(
            "DJANGO_MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"
        ),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# --- Upload sizes -------------------------------------------------------------
# The largest file of each kind; a form refuses a larger one, saying what the limit is.
IMAGE_UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # logos and covers (alliance/images.py)
DOCUMENT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024  # committee documents (members.Document)
# Django does not cap a request's files, the reverse proxy does: it must let through the
# largest document and its form, and no more — nginx `client_max_body_size 21m` (README).
# Django caps the rest of a form (its fields, without the files) and keeps a file above
# FILE_UPLOAD_MAX_MEMORY_SIZE on disk rather than in memory while it is checked.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Renditions are made when an image is saved; pages then only build their URL, never
# touching the storage (a missing file is a broken image, not an error page).
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"

# --- Background tasks ---------------------------------------------------------
# Django's tasks API (the django-tasks backport). On the database by default: one worker,
# `manage.py db_worker --queue-name '*'`, beside the web server. TASKS_BACKEND=rq puts the
# queue on the Redis of REDIS_URL, for workers on several machines:
# `manage.py rqworker --with-scheduler --job-class django_tasks_rq.Job email default`.
TASK_QUEUES = ["default", "email"]
# Defined even on the database: django-imagekit reads it as soon as django-rq is installed.
RQ_QUEUES = {queue: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"} for queue in TASK_QUEUES}
if env.str("TASKS_BACKEND", default="database") == "rq":
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}

# --- Email --------------------------------------------------------------------
# Every email goes through the outbox and a worker (alliance/outbox.py); the worker sends
# through the mail server of EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587
# (unset: printed on the worker's console).
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = "alliance.outbox.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = _email["EMAIL_BACKEND"]
# Seconds between attempts while the mail server fails: five attempts over about an hour,
# then the email is marked failed and shown to staff in the admin.
EMAIL_RETRY_DELAYS = env.list("EMAIL_RETRY_DELAYS", cast=int, default=[60, 300, 900, 2400])
# /healthz answers 503 when the oldest waiting email has waited longer (seconds).
EMAIL_QUEUE_MAX_AGE = env.int("EMAIL_QUEUE_MAX_AGE", default=1800)
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
# Seconds to wait on the mail server: one that takes connections and never answers would
# otherwise hold the page that sends an email for as long as the operating system lets it.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Or through a provider's API with django-anymail: EMAIL_PROVIDER names its backend
# (mailgun, postmark, amazon_ses, sendgrid, brevo…) and the ANYMAIL_* variables its
# settings without the prefix (ANYMAIL_MAILGUN_API_KEY, ANYMAIL_WEBHOOK_SECRET…). Its
# bounce and complaint webhooks are then at /anymail/<provider>/tracking/ (news/bounces.py).
EMAIL_PROVIDER = env.str("EMAIL_PROVIDER", default="")
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_")
}
if EMAIL_PROVIDER:
    INSTALLED_APPS.append("anymail")
    EMAIL_DELIVERY_BACKEND = f"anymail.backends.{EMAIL_PROVIDER}.EmailBackend"
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Alliance Polymères Québec <info@alliancepolymeres.quebec>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- What browsers may load and use -------------------------------------------
# Scripts, styles, fonts and images come from our own origin only; no inline script or
# style attribute applies. The one inline script is the prose editor's import map in the
# admin, which carries the request's nonce (templates/admin/change_form.html). Images may be
# data: URIs: the authenticator app's QR code (allauth's TOTP setup page) is one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # Tiptap, inside the prose editor's script, adds its base styles as a <style>
        # element: this is their hash (django-prose-editor 0.28). When an upgrade changes
        # them, the browser test of the policy (tests/e2e/test_security.py) says so.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "font-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Nothing on the portal uses the camera, the microphone, the location or payments; the
# security keys and passkeys of the second factor (WebAuthn) are for our own pages only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
}

# --- Rich text ----------------------------------------------------------------
DJANGO_PROSE_EDITOR_ASSETS = None

# --- The association, as shown in the footer and on the privacy page ----------
ASSOCIATION = {
    "name": "Alliance Polymères Québec",
    "email": env.str("ASSOCIATION_EMAIL", default="info@alliancepolymeres.quebec"),
    "phone": env.str("ASSOCIATION_PHONE", default="418 555-0134"),
    "phone_link": env.str("ASSOCIATION_PHONE_LINK", default="+14185550134"),  # for tel:
    "postal_address": env.str(
        "ASSOCIATION_POSTAL_ADDRESS",
        default="5100, boulevard Guillaume-Couture, bureau 200, Lévis (Québec) G6W 0R4",
    ),
    "privacy_email": env.str(
        "ASSOCIATION_PRIVACY_EMAIL", default="vieprivee@alliancepolymeres.quebec"
    ),
}

NEWS_PAGE_SIZE = 12
# Uploaded files are served by Django itself only in development and in browser tests;
# in production the web server or the object storage serves them.
SERVE_MEDIA = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # WeasyPrint narrates each step of every invoice PDF at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# --- Membership ---------------------------------------------------------------
# Days after a period's last day during which the company stays listed, in grace.
MEMBERSHIP_GRACE_DAYS = env.int("MEMBERSHIP_GRACE_DAYS", default=30)
# Days before a period's last day when its company's administrators are reminded.
MEMBERSHIP_REMINDER_DAYS = env.int("MEMBERSHIP_REMINDER_DAYS", default=30)
DIRECTORY_PAGE_SIZE = 20
# Who is told of new membership applications.
# The domain in the identifiers of the calendar files (.ics) of committee meetings.
ICS_UID_DOMAIN = "alliancepolymeres.quebec"
MEMBERSHIP_STAFF_EMAILS = env.list("MEMBERSHIP_STAFF_EMAILS", default=[ASSOCIATION["email"]])
# The portal's address, for the links in emails sent outside a request (cron jobs).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- Dues and invoices --------------------------------------------------------
# The association's tax numbers, printed on every invoice (shape checked at start-up:
# members/checks.py). The defaults are fictitious, for the demo.
ASSOCIATION_GST_NUMBER = env.str("ASSOCIATION_GST_NUMBER", default="123456789RT0001")
ASSOCIATION_QST_NUMBER = env.str("ASSOCIATION_QST_NUMBER", default="1234567890TQ0001")
# Days a company has to pay an invoice.
INVOICE_PAYMENT_DAYS = env.int("INVOICE_PAYMENT_DAYS", default=30)

# --- L'infolettre --------------------------------------------------------------
# Emails of one issue handed to the mail server per minute, so that a large send stays
# within the provider's limits (the worker spreads them out; other emails do not wait).
NEWSLETTER_PER_MINUTE = env.int("NEWSLETTER_PER_MINUTE", default=300)
# Days a sign-up's confirmation link works.
NEWSLETTER_CONFIRM_DAYS = env.int("NEWSLETTER_CONFIRM_DAYS", default=7)
# Days an issue's unsubscribe link works: CASL asks for at least 60 after sending.
NEWSLETTER_UNSUBSCRIBE_DAYS = env.int("NEWSLETTER_UNSUBSCRIBE_DAYS", default=365)

# --- Import and export (django-import-export) --------------------------------
IMPORT_EXPORT_USE_TRANSACTIONS = True  # an import writes every row or none
IMPORT_EXPORT_FORMATS = [
    "import_export.formats.base_formats.CSV",
    "import_export.formats.base_formats.XLSX",
]
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Import and export each need their own permission, "<code>_<model>" (e.g. import_company,
# export_company, declared in the model's Meta.permissions); without these settings any
# staff member could download or load every row.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
