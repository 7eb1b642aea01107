from django.core.checks import run_checks


def ids(settings, **changes):
    for name, value in changes.items():
        setattr(settings, name, value)
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_an_unsupported_language_code_is_an_error(settings):
    assert "core.E001" in ids(settings, LANGUAGE_CODE="de")


def test_a_broker_that_is_not_redis_or_amqp_is_an_error(settings):
    assert "core.E002" in ids(settings, CELERY_BROKER_URL="sqs://queue")


def test_production_warns_about_eager_tasks(settings):
    assert "core.W002" in ids(settings, CELERY_BROKER_URL="memory://", CELERY_TASK_ALWAYS_EAGER=True)


def test_production_warns_about_sqlite_only_on_sqlite(settings):
    on_sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    assert ("core.W001" in ids(settings)) == on_sqlite


def test_a_redis_broker_passes(settings):
    assert not {"core.E002", "core.W002"} & ids(
        settings, CELERY_BROKER_URL="redis://127.0.0.1:6379/0", CELERY_TASK_ALWAYS_EAGER=False
    )
