from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The outbox as in production; its worker runs each task as it is enqueued (once the
# transaction commits), and delivers to django.core.mail.outbox.
EMAIL_BACKEND = "alliance.outbox.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "email"],
    }
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
SERVE_MEDIA = True  # the browser tests look at uploaded covers
# Tests don't run collectstatic; the manifest storage would refuse every {% static %}.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # An in-memory test database, shared with the live server thread of browser tests.
    DATABASES["default"]["TEST"] = {"NAME": ""}
else:
    # A pool keeps the live server's connections open, and the test database could not be
    # dropped at the end. tests/alliance/test_settings.py checks the pool on its own.
    DATABASES["default"]["OPTIONS"].pop("pool", None)

# Serve static files straight from the app and project folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The throttle spaces an issue's emails out; in tests they all go at once (the throttle's
# own test sets a rate), since the immediate task backend cannot wait.
NEWSLETTER_PER_MINUTE = 10**9

# The bounce webhooks of one provider, signed with a key of the tests' own
# (tests/news/test_bounces.py).
INSTALLED_APPS = [*INSTALLED_APPS, "anymail"]  # noqa: F405
ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": "test-signing-key", "WEBHOOK_SECRET": "hook:test-secret"}
