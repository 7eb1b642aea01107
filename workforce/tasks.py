import logging

from celery import shared_task

from servicefit.core.exceptions import ApplicationError
from workforce import pulse
from workforce.agents import agent_exits_due
from workforce.hire_handoff import agent_from_hire, agent_hire_cancelled
from workforce.snapshot_trainings import snapshot_training_run, snapshot_training_uploads_purge

logger = logging.getLogger(__name__)


@shared_task
def snapshot_training_run_task(training_id: int) -> None:
    snapshot_training_run(training_id=training_id)


@shared_task
def snapshot_training_uploads_purge_task() -> int:
    """Daily: the HR tables of model trainings that did not finish are not kept beyond a week."""
    return snapshot_training_uploads_purge()


@shared_task
def agent_from_hire_task(hire_id: int) -> None:
    agent_from_hire(hire_id=hire_id)


@shared_task
def agent_hire_cancelled_task(hire_id: int) -> None:
    agent_hire_cancelled(hire_id=hire_id)


@shared_task
def agent_exits_due_task() -> None:
    """Daily: agents whose notice period has ended are marked as left."""
    agent_exits_due()


@shared_task
def risk_scores_refresh_task() -> int:
    """Nightly: score every employed agent with the active hazard model (nothing to do without one)."""
    from workforce.attrition_models import attrition_model_active
    from workforce.models import ModelKind
    from workforce.risk import risk_scores_refresh

    if attrition_model_active(kind=ModelKind.HAZARD) is None:
        return 0
    return risk_scores_refresh()


@shared_task
def hazard_model_train_task(user_id: int | None = None) -> dict | None:
    """Weekly (and the "train" button): a new hazard model on every agent's history, then fresh scores."""
    from django.contrib.auth import get_user_model

    from workforce.risk import risk_train_and_score

    user = get_user_model().objects.filter(id=user_id).first() if user_id else None
    try:
        return risk_train_and_score(user=user)
    except ApplicationError as error:
        logger.warning("Risk model not trained: %s", error.message)
        return None


@shared_task
def pulse_invitation_send_task(invitation_id: int) -> None:
    pulse.pulse_invitation_send(invitation_id=invitation_id)


@shared_task
def pulse_surveys_close_due_task() -> None:
    pulse.pulse_surveys_close_due()
