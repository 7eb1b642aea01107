"""Training a snapshot model from an upload, in the background: queue it, run it, try it again."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.jobs import JobRefused, job_retry, job_run
from workforce.models import AttritionModel, SnapshotTraining
from workforce.snapshot_models import snapshot_train, table_text


def snapshot_training_create(
    *, file_name: str, data: bytes, target: str, positive: str, drop: list[str], user
) -> SnapshotTraining:
    """Check the upload is text, store it and queue `snapshot_training_run_task` after commit."""
    from workforce.tasks import snapshot_training_run_task

    text = table_text(data)
    with transaction.atomic():
        training = SnapshotTraining.objects.create(
            file_name=file_name[:200],
            data=text,
            target=target.strip(),
            positive=positive.strip(),
            drop=[name.strip() for name in drop if name.strip()],
            created_by=user,
        )
        transaction.on_commit(lambda: snapshot_training_run_task.delay(training.id))
    return training


def snapshot_training_run(*, training_id: int) -> None:
    job_run(model=SnapshotTraining, job_id=training_id, work=_train)


def _train(training: SnapshotTraining) -> dict:
    try:
        model, summary = snapshot_train(
            data=training.data,
            target=training.target,
            positive=training.positive,
            drop=training.drop,
            source=f"{training.file_name}: {training.target}",
            user=training.created_by,
        )
    except ApplicationError as exc:
        # Refused input fails the same way on a retry: do not keep the people's rows for it.
        raise JobRefused(exc.message, fields={"data": ""}) from exc
    # The model keeps what it learnt; the people's rows are not kept once it has.
    return {"attrition_model": model, "result": summary, "data": ""}


def snapshot_training_retry(*, training: SnapshotTraining) -> None:
    from workforce.tasks import snapshot_training_run_task

    if not training.data:
        raise ApplicationError(_("The uploaded table is no longer kept: upload it again."))
    with transaction.atomic():
        job_retry(model=SnapshotTraining, job_id=training.id)
        transaction.on_commit(lambda: snapshot_training_run_task.delay(training.id))


def attrition_model_list():
    return AttritionModel.objects.select_related("trained_by").order_by("kind", "-version")


def snapshot_training_list():
    return SnapshotTraining.objects.select_related("attrition_model").order_by("-created_at")


# An upload that did not finish (the job crashed, or never ran) waits this long for a retry.
UPLOAD_KEPT = timedelta(days=7)


def snapshot_training_uploads_purge(*, now=None) -> int:
    """Empty the HR tables of trainings untouched for UPLOAD_KEPT. Their rows describe people (names
    and employee numbers may be among the columns) and no erasure can find one person in them; only
    a retry needs them. Returns how many were emptied."""
    now = now or timezone.now()
    stale = SnapshotTraining.objects.exclude(data="").filter(updated_at__lt=now - UPLOAD_KEPT)
    return stale.update(data="", updated_at=now)
