from celery import shared_task

from servicefit.core.services import expired_sessions_clear


@shared_task
def expired_sessions_clear_task() -> None:
    expired_sessions_clear()
