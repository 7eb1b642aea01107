import pytest
from django.core.checks import ERROR, run_checks


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


PRODUCTION = {
    "DEBUG": False,
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "SITE_URL": "https://servicefit.example.com",
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://r:6379/1"}},
    "WEB_CONCURRENCY": 0,
}


def test_a_production_like_configuration_has_none_of_the_deploy_errors(settings):
    assert not {"core.E010", "core.E011", "core.E012"} & ids(settings, **PRODUCTION)


def test_it_refuses_the_console_mail_backend_in_production(settings):
    found = ids(settings, **{**PRODUCTION, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"})
    assert "core.E010" in found


def test_it_refuses_the_default_site_url_in_production(settings):
    assert "core.E011" in ids(settings, **{**PRODUCTION, "SITE_URL": "http://127.0.0.1:8000/"})


@pytest.mark.parametrize("backend", ["locmem.LocMemCache", "dummy.DummyCache"])
def test_it_refuses_a_per_process_cache_when_several_workers_may_run(settings, backend):
    caches = {"default": {"BACKEND": f"django.core.cache.backends.{backend}"}}
    assert "core.E012" in ids(settings, **{**PRODUCTION, "CACHES": caches})
    assert "core.E012" in ids(settings, **{**PRODUCTION, "CACHES": caches, "WEB_CONCURRENCY": 4})
    assert "core.E012" not in ids(settings, **{**PRODUCTION, "CACHES": caches, "WEB_CONCURRENCY": 1})


def test_the_deploy_errors_are_errors_not_warnings(settings):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.WEB_CONCURRENCY = 0
    found = {m.id: m for m in run_checks(include_deployment_checks=True)}
    assert all(found[i].level == ERROR for i in ("core.E010", "core.E011", "core.E012"))


def test_development_with_debug_on_is_not_refused(settings):
    found = ids(settings, DEBUG=True, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert not {"core.E010", "core.E011", "core.E012"} & found


def test_manage_py_check_deploy_fails_on_the_development_defaults(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CACHE_URL", "EMAIL_URL", "SITE_URL", "WEB_CONCURRENCY", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(SECRET_KEY="x" * 60, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603  (fixed command line)
        [sys.executable, "manage.py", "check", "--deploy", "--settings=servicefit.settings"],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    for check_id in ("core.E010", "core.E011", "core.E012"):
        assert check_id in result.stderr


def test_manage_py_check_deploy_passes_a_production_configuration_without_a_warning(tmp_path):
    # The same environment as .ci/run's deploy step: any warning (ours, Django's, drf-spectacular's
    # settings checks) fails the deploy there, so it fails here first.
    import os
    import subprocess
    import sys
    from pathlib import Path

    # Nothing from the test settings (they switch HTTPS off): only what a server would have.
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    environment.update(
        SECRET_KEY="production-like-" + "k" * 60,
        ALLOWED_HOSTS="servicefit.example.com",
        DATABASE_URL="postgres://servicefit@127.0.0.1:5432/servicefit",  # `check` does not connect
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        CACHE_URL="redis://127.0.0.1:6379/1",
        EMAIL_URL="smtp://mail.example.com:587",
        SITE_URL="https://servicefit.example.com",
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603  (fixed command line)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING", "--settings=servicefit.settings"],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
