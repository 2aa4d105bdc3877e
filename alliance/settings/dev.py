from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SERVE_MEDIA = True
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Passkeys over plain http://127.0.0.1 in development (browsers allow it on localhost).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
