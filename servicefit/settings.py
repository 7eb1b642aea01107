"""ServiceFit settings, read from the environment.

Production-safe defaults: DEBUG is off and SECRET_KEY has no default unless DEBUG is on.
The development defaults (DEBUG=1, a throwaway key) are set by `make run`, not here.
Every variable is listed in README.md.
"""

from pathlib import Path

import environ

from servicefit.core.languages import LANGUAGE_CODES, LANGUAGE_LABELS

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
else:
    # Fails loudly (ImproperlyConfigured) when missing: a production server must not start
    # with a key anyone can read in the source.
    SECRET_KEY = env.str("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "servicefit.core",
    "profiles",
    "hiring",
    "assessments",
    "workforce",
    "staffing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "servicefit.core.middleware.ContentSecurityPolicyMiddleware",
    "servicefit.core.middleware.UnsafeTextMiddleware",
]

ROOT_URLCONF = "servicefit.urls"
WSGI_APPLICATION = "servicefit.wsgi.application"
ASGI_APPLICATION = "servicefit.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "servicefit" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "servicefit.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'servicefit.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Erased people's data is overwritten in the file, not left in free pages.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA secure_delete = ON;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Rate limits count in this cache; with several gunicorn workers use a shared one (redis://...).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# gunicorn's worker count, if set; 1 lets a per-process cache pass `check --deploy` (core.E005).
WEB_CONCURRENCY = env.int("WEB_CONCURRENCY", default=0)
# How many proxies of ours stand in front and append to X-Forwarded-For (0: trust REMOTE_ADDR only).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Failed logins (login page, admin, API token endpoint) lock the account or the address this long.
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=5)
LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=20)
LOGIN_LOCK_MINUTES = env.int("LOGIN_LOCK_MINUTES", default=15)
# API tokens stop working after this many days, and at once on a password change or deactivation.
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=30)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Languages: the UI, candidate pages and text analysis all support these four.
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
# Our own English date formats (servicefit/formats/en): the Nordic ones are Django's.
FORMAT_MODULE_PATH = ["servicefit.formats"]
LANGUAGES = [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Copenhagen")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "servicefit" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# E-mail: the console backend by default, so nothing leaves the server until configured.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ServiceFit <servicefit@localhost>")
# Candidates' invitations, answers and results are deleted this long after they finished (or after
# an unused link expired).
CANDIDATE_RETENTION_DAYS = env.int("CANDIDATE_RETENTION_DAYS", default=365)
# Applicants' data in hiring is erased this long after their requisitions closed: a team's country
# (or this default) picks a documented preset (hiring/retention.py), SERVICEFIT_RETENTION_MONTHS
# overrides it for every team without its own months. DK, NO or SE (system check core.E020).
SERVICEFIT_RETENTION_COUNTRY = env.str("SERVICEFIT_RETENTION_COUNTRY", default="DK")
SERVICEFIT_RETENTION_MONTHS = env.int("SERVICEFIT_RETENTION_MONTHS", default=0)
# The talent pool keeps a person only with consent, for this long; the renewal request goes out
# this many days before it runs out.
TALENT_POOL_CONSENT_MONTHS = env.int("TALENT_POOL_CONSENT_MONTHS", default=12)
TALENT_POOL_RENEWAL_DAYS = env.int("TALENT_POOL_RENEWAL_DAYS", default=30)
# After submission a candidate's link shows the answers this long, then only a thank-you.
TAKE_ANSWERS_VISIBLE_MINUTES = env.int("TAKE_ANSWERS_VISIBLE_MINUTES", default=30)
# The address candidates reach this server at, for the links in invitation e-mails.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER via SECURE_PROXY_SSL=1.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
CSRF_FAILURE_VIEW = "servicefit.core.exceptions.csrf_failure"
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.bool("SECURE_PROXY_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)

SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a commitment to browser vendors; each customer decides it for their own
    # domain (SECURE_HSTS_PRELOAD=1), so `check --deploy` must not demand it.
    "security.W021",
]

# The largest form or API body (files aside) the server reads: a larger API body answers 413 naming
# the limit. Django's default, 2.5 MB; raise it if bulk analyses over the API carry very long ads.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
# A bulk analysis takes up to 500 ads, one text file each; with Django's default of 100 files, more
# got the bare "could not be handled" page before the form could say anything.
DATA_UPLOAD_MAX_NUMBER_FILES = 500
REST_FRAMEWORK = {
    # Token first: an anonymous request then gets 401 with "WWW-Authenticate: Token", not a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "servicefit.core.tokens.ExpiringTokenAuthentication",
        "servicefit.core.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["servicefit.core.permissions.DenyAll"],
    "DEFAULT_SCHEMA_CLASS": "servicefit.core.schema.ServiceFitAutoSchema",
    "EXCEPTION_HANDLER": "servicefit.core.exceptions.api_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "servicefit.core.pagination.ApiPagination",
    "DEFAULT_PARSER_CLASSES": [
        "servicefit.core.parsers.StrictJSONParser",
        "servicefit.core.parsers.StrictFormParser",
        "servicefit.core.parsers.StrictMultiPartParser",
    ],
    # Candidate links: per link and per client address (see assessments/api.py).
    "DEFAULT_THROTTLE_RATES": {
        "take_link": env.str("TAKE_RATE_PER_LINK", default="240/min"),
        "take_address": env.str("TAKE_RATE_PER_ADDRESS", default="6000/min"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Throttles read the client address like servicefit.core.client_address does.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ServiceFit API",
    "DESCRIPTION": "Service types, language markers, competencies and role profiles.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["servicefit.core.permissions.IsStaffRole"],
    # Swagger UI's assets come from the sidecar package and are served by us: no CDN, air-gap safe.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per shared choice set, so every endpoint's enum reads the same in the schema.
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "servicefit.core.languages.LANGUAGE_CODES",
        "ServiceTypeEnum": "profiles.service_types.SERVICE_TYPES",
        "SentenceLabelEnum": "profiles.models.SentenceLabel.Label",
        "JobStatusEnum": "servicefit.core.jobs.JobStatus",
        "InvitationStatusEnum": "assessments.models.Invitation.Status",
        "ItemKindEnum": "assessments.models.Item.Kind",
        "StageEnum": "hiring.models.Stage",
        "RequisitionStatusEnum": "hiring.models.Requisition.Status",
        "DocumentKindEnum": "hiring.documents.KINDS",
        "DuplicateFlagStatusEnum": "hiring.models.DuplicateFlag.Status",
        "DuplicateReasonEnum": "hiring.models.DuplicateReason",
        "FitStatusEnum": "hiring.models.FitStatus",
        "FitLabelEnum": "hiring.models.FitLabel",
        "RankingDecisionEnum": "hiring.models.RankingDecision.Decision",
        "CandidateSourceEnum": "hiring.models.Candidate.Source",
        "SnapshotSourceEnum": "workforce.models.SnapshotSource",
        "PlanStatusEnum": "workforce.models.PlanStatus",
        "GoalStatusEnum": "workforce.models.GoalStatus",
        "TrainingKindEnum": "workforce.models.TrainingKind",
        "CoachingTopicEnum": "workforce.models.CoachingTopic",
        "MoveKindEnum": "workforce.models.MoveKind",
        # The agents' channels keep the name they had before the staffing plan's fewer channels came.
        "ChannelsEnum": "workforce.models.Channel",
        "StaffedChannelEnum": "staffing.models.CHANNEL_CHOICES",
    },
}

# Celery: without a broker, tasks run eagerly in-process (zero set-up); with one, a worker runs them.
# An in-memory URL rather than none: Celery still opens a producer pool in eager mode, and kombu warns
# about a missing host without a URL.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL.startswith("memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The worker logs through LOGGING below (its masking filter) instead of its own root handler: a failed
# e-mail task's exception names the recipient.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# A running background job (lexicon upload, bulk analysis) whose worker has not been heard of for
# this long is taken for dead: it can be claimed again and users may try it again.
JOB_STALE_SECONDS = env.int("JOB_STALE_SECONDS", default=600)
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "servicefit.core.tasks.expired_sessions_clear_task",
        "schedule": 24 * 3600,
    },
    "send-assessment-reminders": {
        "task": "assessments.tasks.invitation_reminders_task",
        "schedule": 3600,
    },
    "purge-old-candidate-data": {
        "task": "assessments.tasks.candidate_data_purge_task",
        "schedule": 24 * 3600,
    },
    "expire-candidates-and-talent-pool": {
        "task": "hiring.tasks.candidate_retention_task",
        "schedule": 24 * 3600,
    },
    "retrain-sentence-classifier": {
        "task": "profiles.tasks.classifier_retrain_task",
        "schedule": 24 * 3600,
        "kwargs": {"only_if_new_labels": True},
    },
    "mark-agents-whose-notice-ended": {
        "task": "workforce.tasks.agent_exits_due_task",
        "schedule": 24 * 3600,
    },
    "score-attrition-risk": {
        "task": "workforce.tasks.risk_scores_refresh_task",
        "schedule": 24 * 3600,
    },
    "retrain-attrition-risk-model": {
        "task": "workforce.tasks.hazard_model_train_task",
        "schedule": 7 * 24 * 3600,
    },
    "purge-unfinished-model-training-uploads": {
        "task": "workforce.tasks.snapshot_training_uploads_purge_task",
        "schedule": 24 * 3600,
    },
    "pulse-surveys-close-due": {
        "task": "workforce.tasks.pulse_surveys_close_due_task",
        "schedule": 24 * 3600,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # A candidate's link is their credential: it never reaches a log file.
    "filters": {"candidate_links": {"()": "servicefit.core.logging.CandidateLinkFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["candidate_links"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django's own handlers for these (runserver's request lines, mail to ADMINS) would bypass the mask.
    "loggers": {
        "django": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO"), "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
