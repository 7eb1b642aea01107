"""Agents from ServiceFit hires: hiring announces a hire (or its cancellation) after commit; the
receivers enqueue a task that calls these services, which are safe to run twice.

The agent starts with the employee number "SF-<hire id>" until HR sets the real one, by hand or by
the HRIS import (which matches an existing period by (employee_number, hire_date), so the first
import of a ServiceFit hire matches it by e-mail and hire date and sets the number).
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from hiring import hire_selectors
from hiring.models import Hire
from servicefit.core.services import admin_history_scrub
from workforce.agents import agent_exit
from workforce.models import Agent, ExitReason, ExitType
from workforce.personal_data import employee_related

logger = logging.getLogger(__name__)

PROVISIONAL_PREFIX = "SF-"
# Records that make an agent more than a hire that was taken back: they are kept, the agent is exited.
DEVELOPMENT_RELATIONS = (
    "competency_snapshots",
    "assessments",
    "development_plans",
    "trainings",
    "coaching_sessions",
    "career_moves",
)


def provisional_employee_number(hire_id: int) -> str:
    return f"{PROVISIONAL_PREFIX}{hire_id}"


def dominant_type(type_scores: dict | None) -> str:
    """The service type with the highest score at hiring ("" without a profile); ties go to the
    first in alphabetical order, so the answer does not depend on the dict's order."""
    scores = {code: value for code, value in (type_scores or {}).items() if isinstance(value, int | float)}
    if not scores:
        return ""
    return min(scores, key=lambda code: (-scores[code], code))


def agent_from_hire(*, hire_id: int) -> Agent | None:
    """The agent of a recorded hire, created on first call. None when the hire is cancelled or its
    applicant has been erased (there is nobody to employ on record)."""
    existing = Agent.objects.filter(hire_id=hire_id).first()
    if existing is not None:
        return existing
    try:
        hire = hire_selectors.hire_get(hire_id)
    except Hire.DoesNotExist:
        return None
    if hire.cancelled_at is not None or hire.candidate is None:
        return None
    profile = hire.assessment_profile or {}
    agent = Agent(
        employee_number=provisional_employee_number(hire.id),
        name=" ".join(hire.candidate.name.split()),
        email=hire.candidate.email,
        team_id=hire.team_id,
        role_profile_id=hire.role_profile_id,
        hire_date=hire.hired_on,
        source=hire.candidate.source,
        candidate=hire.candidate,
        application=hire.application,
        hire=hire,
        hiring_profile=profile,
        hiring_fit=hire.fit,
        hiring_fit_label=hire.fit_label or "",
        hiring_dominant_type=dominant_type(profile.get("type_scores")),
    )
    try:
        with transaction.atomic():
            agent.save()
    except IntegrityError:
        # The same hire announced twice at once: the other call made the agent.
        return Agent.objects.get(hire_id=hire_id)
    return agent


def agent_hire_cancelled(*, hire_id: int) -> str:
    """The hire was taken back: its agent goes, unless development was recorded for them, in which
    case they are kept as an involuntary exit (reason "other") so that history is not lost.
    Returns what was done: "none", "deleted" or "exited"."""
    with transaction.atomic():
        agent = Agent.objects.select_for_update().filter(hire_id=hire_id).first()
        if agent is None:
            return "none"
        if not any(getattr(agent, relation).exists() for relation in DEVELOPMENT_RELATIONS):
            # Its admin history would keep the name of someone no erasure can find here any more.
            admin_history_scrub(objects=employee_related([agent]))
            agent.delete()
            return "deleted"
        if agent.exit_date is None:
            agent_exit(
                agent=agent,
                user=None,
                exit_date=max(agent.hire_date, timezone.localdate()),
                exit_type=ExitType.INVOLUNTARY,
                exit_reason=ExitReason.OTHER,
            )
        logger.warning(
            "Hire %s was cancelled; agent %s has development records, so it was kept and marked as an "
            "involuntary exit (reason: other).",
            hire_id,
            agent.id,
        )
        return "exited"


def candidate_hired_received(sender, *, hire_id: int, **kwargs) -> None:
    """hiring.events.candidate_hired (sent after commit): make the agent in the background."""
    from workforce.tasks import agent_from_hire_task

    agent_from_hire_task.delay(hire_id)


def hire_cancelled_received(sender, *, hire_id: int, **kwargs) -> None:
    """hiring.events.hire_cancelled (sent after commit)."""
    from workforce.tasks import agent_hire_cancelled_task

    agent_hire_cancelled_task.delay(hire_id)
