"""Claiming background work (servicefit/core/jobs.py), with LexiconUpload as the job model."""

import importlib
import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from hiring.models import BulkAnalysis
from profiles import services
from profiles.models import LexiconUpload, LexiconVersion
from profiles.tasks import lexicon_upload_process_task
from servicefit.core.exceptions import ApplicationError
from servicefit.core.jobs import JobStatus, job_claim, job_fail, job_finish, job_heartbeat, job_retry, job_run

GOOD = '{"markers": [{"language": "nb", "type": "controller", "phrase": "tar styringen", "weight": 2}]}'


@pytest.fixture
def upload(db):
    return LexiconUpload.objects.create(filename="nb.json", format="json", content=GOOD)


def running(upload, *, minutes_ago, attempts=1):
    claimed_at = None if minutes_ago is None else timezone.now() - timedelta(minutes=minutes_ago)
    LexiconUpload.objects.filter(id=upload.id).update(status="running", claimed_at=claimed_at, attempts=attempts)


def test_there_is_one_definition_of_the_job_statuses():
    assert LexiconUpload.Status is BulkAnalysis.Status is JobStatus
    assert JobStatus.values == ["pending", "running", "done", "failed"]


def test_it_claims_a_pending_job_once(upload):
    assert job_claim(model=LexiconUpload, job_id=upload.id) == 1
    assert job_claim(model=LexiconUpload, job_id=upload.id) is None
    upload.refresh_from_db()
    assert (upload.status, upload.attempts) == ("running", 1)
    assert timezone.now() - upload.claimed_at < timedelta(seconds=5)


def test_a_job_whose_task_is_delivered_twice_runs_once(upload, monkeypatch):
    imports = []
    real_import = services.lexicon_import

    def import_and_see_a_second_delivery(**kwargs):
        imports.append(kwargs["source"])
        services.lexicon_upload_process(upload_id=upload.id)  # a second worker, while the first is busy
        return real_import(**kwargs)

    monkeypatch.setattr(services, "lexicon_import", import_and_see_a_second_delivery)
    lexicon_upload_process_task.delay(upload.id)
    lexicon_upload_process_task.delay(upload.id)  # and once more after it finished
    assert imports == ["nb.json"]
    assert LexiconVersion.objects.count() == 3  # the shipped v1 and v2, and this one
    upload.refresh_from_db()
    assert (upload.status, upload.attempts, upload.lexicon_version.number) == ("done", 1, 3)


@pytest.mark.parametrize(("minutes_ago", "claimable"), [(11, True), (None, True), (9, False), (0, False)])
def test_only_a_running_job_older_than_the_stale_timeout_is_claimed_again(upload, settings, minutes_ago, claimable):
    settings.JOB_STALE_SECONDS = 600
    running(upload, minutes_ago=minutes_ago)
    assert (job_claim(model=LexiconUpload, job_id=upload.id) == 2) is claimable
    upload.refresh_from_db()
    assert upload.attempts == (2 if claimable else 1)


def test_finished_jobs_are_never_claimed(upload):
    for status in ("done", "failed"):
        LexiconUpload.objects.filter(id=upload.id).update(status=status, claimed_at=None)
        assert job_claim(model=LexiconUpload, job_id=upload.id) is None


def test_a_worker_taken_for_dead_cannot_finish_a_job_claimed_again(upload):
    first = job_claim(model=LexiconUpload, job_id=upload.id)
    running(upload, minutes_ago=60, attempts=first)
    second = job_claim(model=LexiconUpload, job_id=upload.id)
    assert (first, second) == (1, 2)
    assert not job_finish(model=LexiconUpload, job_id=upload.id, attempt=first)
    assert not job_fail(model=LexiconUpload, job_id=upload.id, attempt=first, error="late")
    assert not job_heartbeat(model=LexiconUpload, job_id=upload.id, attempt=first)
    assert LexiconUpload.objects.get(id=upload.id).status == "running"
    assert job_finish(model=LexiconUpload, job_id=upload.id, attempt=second)
    upload.refresh_from_db()
    assert (upload.status, upload.error) == ("done", "")
    assert upload.finished_at >= upload.claimed_at


def test_the_lost_worker_leaves_no_trace(upload):
    def work(job):
        running(job, minutes_ago=60)  # meanwhile, taken for dead ...
        assert job_claim(model=LexiconUpload, job_id=job.id) == 2  # ... and claimed by another worker
        LexiconVersion.objects.create(number=99)
        return {}

    assert job_run(model=LexiconUpload, job_id=upload.id, work=work) is False
    assert not LexiconVersion.objects.filter(number=99).exists()
    # (The other worker's claim shares this test's connection, so it is rolled back too.)
    assert LexiconUpload.objects.get(id=upload.id).status == "running"


def test_a_raising_task_leaves_the_job_failed_with_its_error_for_the_admin_and_a_sentence_for_its_user(
    upload, monkeypatch, caplog
):
    def broken(**kwargs):
        raise OSError("disk full\n  at some/internal/path.py line 3")

    monkeypatch.setattr(services, "lexicon_import", broken)
    with caplog.at_level(logging.ERROR, logger="servicefit.core.jobs"):
        lexicon_upload_process_task.delay(upload.id)  # does not raise: the job records the failure
    upload.refresh_from_db()
    assert (upload.status, upload.error, upload.error_detail, upload.errors) == ("failed", "", "OSError: disk full", [])
    assert upload.failure_message.startswith("Something went wrong on our side")
    assert upload.finished_at is not None and upload.can_retry
    [record] = [r for r in caplog.records if r.name == "servicefit.core.jobs"]
    assert record.exc_info[0] is OSError and f"LexiconUpload {upload.id} failed on attempt 1" in record.getMessage()
    assert LexiconVersion.objects.count() == 2  # only the shipped v1 and v2


def test_a_refused_file_fails_with_its_rows_and_no_traceback(upload, caplog):
    LexiconUpload.objects.filter(id=upload.id).update(content='{"markers": [{"language": "de"}]}')
    with caplog.at_level(logging.INFO, logger="servicefit.core.jobs"):
        services.lexicon_upload_process(upload_id=upload.id)
    upload.refresh_from_db()
    assert (upload.status, upload.error, upload.error_detail) == ("failed", "The file was refused.", "")
    assert upload.failure_message == "The file was refused."
    assert "row 1, language: unknown language 'de'; use one of en, da, nb, sv" in upload.errors
    assert not upload.can_retry
    assert all(record.exc_info is None for record in caplog.records)


def test_a_failed_or_stale_job_can_be_queued_again_and_a_busy_one_cannot(upload):
    failed = {"status": "failed", "error_detail": "OSError: boom", "finished_at": timezone.now()}
    LexiconUpload.objects.filter(id=upload.id).update(**failed)
    job_retry(model=LexiconUpload, job_id=upload.id)
    upload.refresh_from_db()
    assert (upload.status, upload.error_detail, upload.claimed_at, upload.finished_at) == ("pending", "", None, None)
    assert upload.failure_message == ""

    running(upload, minutes_ago=1)
    with pytest.raises(ApplicationError) as caught:
        job_retry(model=LexiconUpload, job_id=upload.id)
    assert caught.value.status == 409 and "Only a failed or stalled job" in caught.value.message
    running(upload, minutes_ago=30)
    job_retry(model=LexiconUpload, job_id=upload.id)
    assert LexiconUpload.objects.get(id=upload.id).status == "pending"


def test_claiming_keeps_updated_at_honest(upload):
    before = LexiconUpload.objects.get(id=upload.id).updated_at
    job_claim(model=LexiconUpload, job_id=upload.id)
    assert LexiconUpload.objects.get(id=upload.id).updated_at > before


def test_the_error_shown_is_cut_to_a_readable_length(upload):
    attempt = job_claim(model=LexiconUpload, job_id=upload.id)
    job_fail(model=LexiconUpload, job_id=upload.id, attempt=attempt, error="x" * 5000)
    assert len(LexiconUpload.objects.get(id=upload.id).error) == 500


def test_an_upgrade_takes_an_old_error_of_ours_out_of_sight_and_keeps_a_refusal(upload, recruiter):
    """Before error_detail, a job kept "KeyError: 'lix'" where its user read it."""
    from django.apps import apps

    crashed = BulkAnalysis.objects.create(
        name="Forår",
        created_by=recruiter,
        team=recruiter.team_memberships.get().team,
        total=1,
        status="failed",
        error="KeyError: 'lix'",
    )
    LexiconUpload.objects.filter(id=upload.id).update(status="failed", error="MemoryError")
    refused = LexiconUpload.objects.create(
        filename="de.json", content="{}", status="failed", error="The file was refused."
    )
    for migration in ("hiring.migrations.0021_job_error_detail", "profiles.migrations.0010_job_error_detail"):
        importlib.import_module(migration).detail_from_error(apps, None)

    crashed.refresh_from_db()
    upload.refresh_from_db()
    refused.refresh_from_db()
    assert (crashed.error, crashed.error_detail) == ("", "KeyError: 'lix'")
    assert (upload.error, upload.error_detail) == ("", "MemoryError")
    assert (refused.error, refused.error_detail) == ("The file was refused.", "")
    importlib.import_module("profiles.migrations.0010_job_error_detail").error_from_detail(apps, None)
    assert LexiconUpload.objects.get(id=upload.id).error == "MemoryError"
