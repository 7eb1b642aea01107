from celery import shared_task

from hiring.services import bulk_analysis_run


@shared_task
def bulk_analysis_run_task(bulk_analysis_id: int) -> None:
    bulk_analysis_run(bulk_analysis_id=bulk_analysis_id)
