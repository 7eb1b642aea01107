from celery import shared_task

from hiring import fit_records
from hiring.models import Application, Requisition
from hiring.services import bulk_analysis_run


@shared_task
def bulk_analysis_run_task(bulk_analysis_id: int) -> None:
    bulk_analysis_run(bulk_analysis_id=bulk_analysis_id)


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
