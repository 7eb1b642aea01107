from celery import shared_task

from profiles.services import lexicon_upload_process


@shared_task
def lexicon_upload_process_task(upload_id: int) -> None:
    lexicon_upload_process(upload_id=upload_id)
