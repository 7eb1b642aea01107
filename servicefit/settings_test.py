"""Test settings: the production settings with a throwaway key, fast hashing and no HTTPS redirect."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")

from servicefit.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unit tests run tasks in-process; only the integration tests (tests/integration) use a broker.
CELERY_TASK_ALWAYS_EAGER = not (os.environ.get("CELERY_BROKER_URL") and os.environ.get("SERVICEFIT_INTEGRATION") == "1")
LANGUAGE_CODE = "en"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tests serve static files through the finders; no collectstatic output is needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
