"""Background jobs: one set of statuses, one abstract model, one way to claim, finish and fail.

A claim is an UPDATE that must hit exactly one row (as healthchecks' sendalerts does), so a task
delivered twice runs once. A running job whose claim is older than `JOB_STALE_SECONDS` is taken
to have lost its worker (killed, redeployed, out of memory): it may be claimed again, and a user
may try it again. Each claim counts an attempt, and only the worker holding the latest attempt
may finish or fail the job, so a worker that comes back after its job was re-claimed writes nothing.

A job that fails on its own input (JobRefused, or another ApplicationError) keeps that message in
`error` for its user. A job that fails on an error of ours keeps the error's kind and first line in
`error_detail`, for the admin (the traceback is in the log); its user reads `failure_message`, a
sentence in their own language, not "KeyError: 'lix'".
"""

import logging
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from servicefit.core.exceptions import ApplicationError

logger = logging.getLogger(__name__)
MAX_ERROR_LENGTH = 500


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """Abstract base of a model whose rows are worked on by a background task."""

    Status = JobStatus

    status = models.CharField(_("status"), max_length=8, choices=JobStatus.choices, default=JobStatus.PENDING)
    error = models.TextField(_("error"), blank=True)
    error_detail = models.TextField(_("technical detail"), blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def is_stale(self) -> bool:
        return self.status == JobStatus.RUNNING and (
            self.claimed_at is None or self.claimed_at < _stale_cutoff(timezone.now(), None)
        )

    @property
    def can_retry(self) -> bool:
        return self.status == JobStatus.FAILED or self.is_stale

    @property
    def failure_message(self) -> str:
        """Why a failed job stopped, for its user in the active language; empty unless it failed."""
        if self.status != JobStatus.FAILED:
            return ""
        return self.error or gettext(
            "Something went wrong on our side, and it has been logged. Try again; if it happens again, "
            "tell your administrator."
        )


class JobRefused(ApplicationError):
    """The job's own input is wrong: it fails with this message (and `fields`), without a traceback."""

    def __init__(self, message: str, *, fields: dict | None = None):
        super().__init__(message)
        self.fields = fields or {}


class JobClaimLost(Exception):
    """Another worker re-claimed the job (this one was taken for dead); this worker's writes are undone."""


def job_stale_after() -> timedelta:
    return timedelta(seconds=settings.JOB_STALE_SECONDS)


def _stale_cutoff(now: datetime, stale_after: timedelta | None) -> datetime:
    return now - (stale_after if stale_after is not None else job_stale_after())


def _stale(now: datetime, stale_after: timedelta | None) -> Q:
    # A running row without a claim time predates this module: its worker is long gone.
    cutoff = _stale_cutoff(now, stale_after)
    return Q(status=JobStatus.RUNNING) & (Q(claimed_at__lt=cutoff) | Q(claimed_at__isnull=True))


def _touch(model: type[Job], now: datetime, fields: dict) -> dict:
    # QuerySet.update() skips auto_now; keep a TimeStampedModel's updated_at honest.
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        return {"updated_at": now, **fields}
    return fields


def job_claim(*, model: type[Job], job_id: int, stale_after: timedelta | None = None) -> int | None:
    """Claim a pending job or a stale running one; its attempt number, or None if it is not claimable."""
    now = timezone.now()
    claimed = model.objects.filter(Q(status=JobStatus.PENDING) | _stale(now, stale_after), id=job_id).update(
        **_touch(model, now, {"status": JobStatus.RUNNING, "claimed_at": now, "attempts": F("attempts") + 1})
    )
    if claimed != 1:
        return None
    return model.objects.filter(id=job_id).values_list("attempts", flat=True).get()


def job_heartbeat(*, model: type[Job], job_id: int, attempt: int, **fields) -> bool:
    """Record progress and show the worker is alive, so a long job is not taken for dead."""
    now = timezone.now()
    return _update_own(model, job_id, attempt, _touch(model, now, {"claimed_at": now, **fields}))


def job_finish(*, model: type[Job], job_id: int, attempt: int, **fields) -> bool:
    now = timezone.now()
    values = {"status": JobStatus.DONE, "error": "", "error_detail": "", "finished_at": now, **fields}
    return _update_own(model, job_id, attempt, _touch(model, now, values))


def job_fail(*, model: type[Job], job_id: int, attempt: int, error: str = "", error_detail: str = "", **fields) -> bool:
    now = timezone.now()
    values = {
        "status": JobStatus.FAILED,
        "error": error[:MAX_ERROR_LENGTH],
        "error_detail": error_detail[:MAX_ERROR_LENGTH],
        "finished_at": now,
        **fields,
    }
    return _update_own(model, job_id, attempt, _touch(model, now, values))


def _update_own(model: type[Job], job_id: int, attempt: int, values: dict) -> bool:
    return model.objects.filter(id=job_id, status=JobStatus.RUNNING, attempts=attempt).update(**values) == 1


def job_retry(*, model: type[Job], job_id: int, stale_after: timedelta | None = None) -> None:
    """Put a failed or stale job back in the queue; the caller enqueues its task after commit."""
    now = timezone.now()
    values = {"status": JobStatus.PENDING, "error": "", "error_detail": "", "claimed_at": None, "finished_at": None}
    reset = model.objects.filter(Q(status=JobStatus.FAILED) | _stale(now, stale_after), id=job_id).update(
        **_touch(model, now, values)
    )
    if reset != 1:
        raise ApplicationError(gettext("Only a failed or stalled job can be tried again."), status=409)


def error_text(exc: BaseException) -> str:
    """What the admin is shown of an unexpected error: its kind and first line (the traceback is in the log)."""
    first_line = next(iter(str(exc).strip().splitlines()), "")
    return f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__


def job_run(
    *,
    model: type[Job],
    job_id: int,
    work: Callable[[Job], dict | None],
    atomic: bool = True,
    stale_after: timedelta | None = None,
) -> bool:
    """Claim the job, run `work(job)` and record how it ended. False if there was nothing to claim.

    `work` returns the fields to save with the finished status. With `atomic`, its writes and the
    finish are one transaction, so a worker that lost its claim leaves no trace. A job that commits
    progress as it goes passes `atomic=False`, calls `job_heartbeat`, and must skip work already done.
    """
    attempt = job_claim(model=model, job_id=job_id, stale_after=stale_after)
    if attempt is None:
        return False
    job = model.objects.get(id=job_id)
    try:
        with transaction.atomic() if atomic else nullcontext():
            fields = work(job) or {}
            if not job_finish(model=model, job_id=job_id, attempt=attempt, **fields):
                raise JobClaimLost(f"{model.__name__} {job_id}: attempt {attempt} was superseded")
    except JobClaimLost:
        logger.warning("%s %s: attempt %s lost its claim to a newer attempt", model.__name__, job_id, attempt)
        return False
    except ApplicationError as exc:
        logger.info("%s %s refused: %s", model.__name__, job_id, exc.message)
        job_fail(model=model, job_id=job_id, attempt=attempt, error=exc.message, **getattr(exc, "fields", {}))
    except Exception as exc:
        # Not swallowed: the traceback goes to the log, the admin sees its first line, the job's user reads
        # that it failed (failure_message) and can try again.
        # Not re-raised either: without a broker the task runs inside the request that enqueued it.
        logger.exception("%s %s failed on attempt %s", model.__name__, job_id, attempt)
        job_fail(model=model, job_id=job_id, attempt=attempt, error_detail=error_text(exc))
    return True
