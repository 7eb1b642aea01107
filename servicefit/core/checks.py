"""Configuration problems surface as system checks, so `manage.py check --deploy` catches them."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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
