"""A real Celery worker, fed through the Redis broker, imports lexicon uploads from PostgreSQL.

Run by .ci/run with SERVICEFIT_INTEGRATION=1, CELERY_BROKER_URL and a PostgreSQL DATABASE_URL.
Elsewhere the module skips itself, except in CI (CI=true) with SERVICEFIT_INTEGRATION=1, where a
missing prerequisite is a failure: a skipped integration run must not look like a passing one.
"""

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import deque
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from profiles.models import LexiconUpload, LexiconVersion
from profiles.services import lexicon_upload_create

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKER_READY_SECONDS = 60
TASK_DONE_SECONDS = 60


def _missing_prerequisites() -> list[str]:
    missing = []
    if os.environ.get("SERVICEFIT_INTEGRATION") != "1":
        missing.append("SERVICEFIT_INTEGRATION=1")
    if settings.CELERY_BROKER_URL.startswith("memory://"):
        missing.append("CELERY_BROKER_URL")
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        missing.append("a PostgreSQL DATABASE_URL")
    return missing


_MISSING = _missing_prerequisites()
_STRICT = os.environ.get("CI", "").lower() in {"1", "true", "yes"} and os.environ.get("SERVICEFIT_INTEGRATION") == "1"

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(bool(_MISSING) and not _STRICT, reason="integration tests need " + ", ".join(_MISSING)),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _database_url(settings_dict) -> str:
    """The URL of the test database pytest-django created, for the worker process."""
    user = quote(settings_dict["USER"] or "", safe="")
    password = quote(settings_dict["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(settings_dict["HOST"] or "localhost", safe="")  # a socket directory is a path
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{quote(settings_dict['NAME'], safe='')}"


class Worker:
    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: deque[str] = deque(maxlen=400)
        self.ready = threading.Event()
        # Drain the output continuously so a chatty worker never blocks on a full pipe.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip())
            if " ready." in line:
                self.ready.set()

    def saw(self, text: str, timeout: float = 5) -> bool:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in list(self.lines)):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def log(self) -> str:
        return "\n".join(self.lines)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # warm shutdown: finish the current task, then exit
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._reader.join(timeout=5)


@pytest.fixture(scope="module")
def celery_worker(django_db_setup, django_db_blocker):
    if _MISSING:
        pytest.fail("SERVICEFIT_INTEGRATION=1 in CI, but the integration tests also need " + ", ".join(_MISSING))
    from servicefit.celery import app

    assert not app.conf.task_always_eager, "tasks would run in-process, not through the broker"

    with django_db_blocker.unblock():
        database_url = _database_url(connection.settings_dict)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "servicefit.settings_test",
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": "0",  # no idle connection may keep pytest-django from dropping the test database
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "SERVICEFIT_INTEGRATION": "1",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "celery", "-A", "servicefit", "worker", "--pool=solo", "-l", "info"]
    command += ["--without-gossip", "--without-mingle", "-n", f"integration-{uuid.uuid4().hex[:8]}@%h"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command,
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    worker = Worker(process)
    try:
        deadline = time.monotonic() + WORKER_READY_SECONDS
        while not worker.ready.wait(timeout=0.2):
            if process.poll() is not None:
                pytest.fail(f"the Celery worker exited with {process.returncode}:\n{worker.log()}")
            if time.monotonic() > deadline:
                pytest.fail(f"the Celery worker was not ready after {WORKER_READY_SECONDS} s:\n{worker.log()}")
        yield worker
    finally:
        worker.stop()


def _wait_until_finished(upload_id: int, worker: Worker) -> LexiconUpload:
    deadline = time.monotonic() + TASK_DONE_SECONDS
    while True:
        upload = LexiconUpload.objects.get(id=upload_id)
        if upload.status in (LexiconUpload.Status.DONE, LexiconUpload.Status.FAILED):
            return upload
        if worker.process.poll() is not None:
            pytest.fail(f"the Celery worker died while importing:\n{worker.log()}")
        if time.monotonic() > deadline:
            pytest.fail(f"upload still {upload.status!r} after {TASK_DONE_SECONDS} s; worker log:\n{worker.log()}")
        time.sleep(0.25)


def _lexicon(markers) -> bytes:
    return json.dumps({"version": "x", "note": "integration test", "markers": markers}).encode()


def test_it_imports_an_upload_in_the_worker(celery_worker):
    versions_before = set(LexiconVersion.objects.values_list("number", flat=True))
    raw = _lexicon(
        [
            {"language": "da", "type": "controller", "phrase": "tager styringen i samtalen", "weight": 1.5},
            {
                "language": "sv",
                "type": "empathizer",
                "phrase": "lyssnar in på kunden",
                "weight": 1.0,
                "suggestions": [{"type": "controller", "text": "leder kunden till en lösning"}],
            },
        ]
    )

    upload = lexicon_upload_create(filename="extra.json", raw=raw, user=None)
    finished = _wait_until_finished(upload.id, celery_worker)

    assert finished.status == LexiconUpload.Status.DONE, (finished.errors, celery_worker.log())
    assert finished.errors == []
    new_version = finished.lexicon_version
    assert new_version is not None
    assert new_version.number not in versions_before
    assert new_version.number == max(versions_before, default=0) + 1
    assert new_version.source == "extra.json"
    markers = {(m.language, m.service_type.code, m.phrase) for m in new_version.markers.select_related("service_type")}
    assert markers == {
        ("da", "controller", "tager styringen i samtalen"),
        ("sv", "empathizer", "lyssnar in på kunden"),
    }
    # The worker, not this process, ran the task.
    assert celery_worker.saw("profiles.tasks.lexicon_upload_process_task["), celery_worker.log()


def test_it_refuses_a_bad_upload_in_the_worker_without_a_new_version(celery_worker):
    versions_before = LexiconVersion.objects.count()
    raw = _lexicon(
        [
            {"language": "xx", "type": "controller", "phrase": "ok phrase"},
            {"language": "da", "type": "empathizer", "phrase": "for tung", "weight": 99},
        ]
    )

    upload = lexicon_upload_create(filename="extra.json", raw=raw, user=None)
    finished = _wait_until_finished(upload.id, celery_worker)

    assert finished.status == LexiconUpload.Status.FAILED
    assert finished.lexicon_version is None
    assert any(error.startswith("row 1, language") for error in finished.errors), finished.errors
    assert any(error.startswith("row 2, weight") for error in finished.errors), finished.errors
    assert LexiconVersion.objects.count() == versions_before
