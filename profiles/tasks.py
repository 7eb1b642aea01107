from celery import shared_task
from django.contrib.auth import get_user_model

from profiles.services import classifier_retrain_if_needed, classifier_train, lexicon_upload_process


@shared_task
def lexicon_upload_process_task(upload_id: int) -> None:
    lexicon_upload_process(upload_id=upload_id)


@shared_task
def classifier_retrain_task(user_id: int | None = None, only_if_new_labels: bool = False) -> None:
    if only_if_new_labels:
        classifier_retrain_if_needed()
    else:
        classifier_train(user=get_user_model().objects.filter(id=user_id).first() if user_id else None)
