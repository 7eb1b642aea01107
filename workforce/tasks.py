from celery import shared_task

from workforce.snapshot_trainings import snapshot_training_run


@shared_task
def snapshot_training_run_task(training_id: int) -> None:
    snapshot_training_run(training_id=training_id)
