from celery import shared_task

from assessments import services


@shared_task
def invitation_send_task(invitation_id: int) -> None:
    services.invitation_send(invitation_id=invitation_id)


@shared_task
def invitation_reminders_task() -> None:
    for invitation_id in services.invitation_reminders_due():
        invitation_reminder_task.delay(invitation_id)


@shared_task
def invitation_reminder_task(invitation_id: int) -> None:
    services.invitation_send(invitation_id=invitation_id, reminder=True)


@shared_task
def psychometrics_compute_task(assessment_id: int) -> None:
    services.psychometrics_compute(assessment_id=assessment_id)


@shared_task
def candidate_data_purge_task() -> None:
    if services.candidate_data_purge():
        services.norm_statistics_rebuild_all()
