from celery import shared_task

from hiring.services import bulk_analysis_run


@shared_task
def bulk_analysis_run_task(bulk_analysis_id: int) -> None:
    bulk_analysis_run(bulk_analysis_id=bulk_analysis_id)


@shared_task
def candidate_email_task(candidate_email_id: int, extra: dict) -> None:
    from hiring.messages import candidate_email_deliver

    candidate_email_deliver(candidate_email_id=candidate_email_id, extra=extra)
