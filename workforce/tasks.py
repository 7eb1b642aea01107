from celery import shared_task

from workforce.agents import agent_exits_due
from workforce.hire_handoff import agent_from_hire, agent_hire_cancelled
from workforce.snapshot_trainings import snapshot_training_run


@shared_task
def snapshot_training_run_task(training_id: int) -> None:
    snapshot_training_run(training_id=training_id)


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
