from celery import shared_task

from workforce import pulse


@shared_task
def pulse_invitation_send_task(invitation_id: int) -> None:
    pulse.pulse_invitation_send(invitation_id=invitation_id)


@shared_task
def pulse_surveys_close_due_task() -> None:
    pulse.pulse_surveys_close_due()
