from celery import shared_task

from hiring import fit_records
from hiring.expiry import candidates_expire
from hiring.models import Application, Requisition
from hiring.services import bulk_analysis_run
from hiring.talent_pool import talent_pool_renewal_request, talent_pool_renewals_due


@shared_task
def bulk_analysis_run_task(bulk_analysis_id: int) -> None:
    bulk_analysis_run(bulk_analysis_id=bulk_analysis_id)


@shared_task
def candidate_retention_task() -> None:
    """Daily: ask for the talent-pool renewals that are due, then erase whom the rules no longer let us keep."""
    for entry_id in talent_pool_renewals_due():
        talent_pool_renewal_request_task.delay(entry_id)
    candidates_expire()


@shared_task
def talent_pool_renewal_request_task(entry_id: int) -> None:
    talent_pool_renewal_request(entry_id=entry_id)


@shared_task
def candidate_email_task(candidate_email_id: int, extra: dict) -> None:
    from hiring.messages import candidate_email_deliver

    candidate_email_deliver(candidate_email_id=candidate_email_id, extra=extra)


@shared_task
def application_fit_refresh_task(application_id: int) -> None:
    application = Application.objects.filter(id=application_id).first()
    if application is not None:  # erased since it was enqueued: nothing left to score
        fit_records.application_fit_refresh(application=application)


@shared_task
def requisition_fit_refresh_task(requisition_id: int) -> None:
    requisition = Requisition.objects.filter(id=requisition_id).select_related("role_profile").first()
    if requisition is not None:
        fit_records.requisition_fit_refresh(requisition=requisition)
