"""Configuration problems surface as system checks, so `manage.py check --deploy` catches them."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from servicefit.core.countries import COUNTRY_CODES


@register(Tags.compatibility)
def check_language_code(app_configs, **kwargs):
    codes = [code for code, _name in settings.LANGUAGES]
    if settings.LANGUAGE_CODE not in codes:
        return [
            Error(
                f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} is not one of {codes}.",
                hint="Set LANGUAGE_CODE to en, da, nb or sv.",
                id="core.E001",
            )
        ]
    return []


@register(Tags.compatibility)
def check_broker_url(app_configs, **kwargs):
    url = settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://", "amqp://", "amqps://", "memory://")):
        return [
            Error(
                f"CELERY_BROKER_URL {url!r} is not a Redis or AMQP URL.",
                hint="Use redis://host:6379/0, or leave it empty to run tasks in-process.",
                id="core.E002",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def check_production_database(app_configs, **kwargs):
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [
            Warning(
                "The database is SQLite.",
                hint="Production installs should set DATABASE_URL to PostgreSQL.",
                id="core.W001",
            )
        ]
    return []


@register(deploy=True)
def check_eager_tasks(app_configs, **kwargs):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return [
            Warning(
                "No CELERY_BROKER_URL: background tasks run inside web requests.",
                hint="Set CELERY_BROKER_URL=redis://... and run a Celery worker and beat.",
                id="core.W002",
            )
        ]
    return []


# Deployment: settings that are fine on a laptop but leak or weaken a production install. Errors,
# so that `check --deploy` fails instead of scrolling past. With DEBUG on they are not raised.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
DEFAULT_SITE_URL = "http://127.0.0.1:8000"


@register(deploy=True)
def check_console_email(app_configs, **kwargs):
    if settings.DEBUG or settings.EMAIL_BACKEND != "django.core.mail.backends.console.EmailBackend":
        return []
    return [
        Error(
            "The console e-mail backend writes every invitation, with the candidate's name and personal "
            "link, to the server log, and sends nothing.",
            hint="Set EMAIL_URL=smtp://user:password@host:587 (or smtp+tls://…).",
            id="core.E010",
        )
    ]


@register(deploy=True)
def check_site_url(app_configs, **kwargs):
    if settings.DEBUG or settings.SITE_URL.rstrip("/") != DEFAULT_SITE_URL:
        return []
    return [
        Error(
            f"SITE_URL is the development default {DEFAULT_SITE_URL}: invitation links would not reach candidates.",
            hint="Set SITE_URL to the address candidates reach this server at, e.g. https://servicefit.example.com.",
            id="core.E011",
        )
    ]


@register(Tags.caches, deploy=True)
def check_shared_rate_limit_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PER_PROCESS_CACHES or settings.WEB_CONCURRENCY == 1:
        return []
    return [
        Error(
            f"The cache ({backend.rsplit('.', 1)[-1]}) is per process: with several workers, login and "
            "candidate-link limits are counted once per worker and a retraining lock is not shared.",
            hint="Set CACHE_URL=redis://host:6379/1 (shared by all workers), or WEB_CONCURRENCY=1 for one worker.",
            id="core.E012",
        )
    ]


@register(Tags.compatibility)
def check_retention_settings(app_configs, **kwargs):
    errors = []
    if settings.SERVICEFIT_RETENTION_COUNTRY not in COUNTRY_CODES:
        errors.append(
            Error(
                f"SERVICEFIT_RETENTION_COUNTRY {settings.SERVICEFIT_RETENTION_COUNTRY!r} is not one of "
                f"{list(COUNTRY_CODES)}.",
                hint="Set SERVICEFIT_RETENTION_COUNTRY to DK, NO or SE: whose retention preset applies to applicants.",
                id="core.E020",
            )
        )
    if settings.SERVICEFIT_RETENTION_MONTHS < 0:
        errors.append(
            Error(
                "SERVICEFIT_RETENTION_MONTHS is negative.",
                hint="Leave it at 0 to use the country's preset, or set the months applicants' data is kept.",
                id="core.E021",
            )
        )
    if (
        settings.TALENT_POOL_CONSENT_MONTHS < 1
        or not 1 <= settings.TALENT_POOL_RENEWAL_DAYS < 28 * settings.TALENT_POOL_CONSENT_MONTHS
    ):
        errors.append(
            Error(
                "TALENT_POOL_CONSENT_MONTHS must be at least 1, and TALENT_POOL_RENEWAL_DAYS between 1 and "
                "the consent's length.",
                hint="The defaults are 12 months and 30 days.",
                id="core.E022",
            )
        )
    return errors
