"""Employees' personal data: what the personal-data layer finds, exports and erases.

Erasure keeps what the retention figures need: the agent's row stays as an anonymous placeholder
(no name, e-mail, employee number, manager or link to the hiring records) with its team, role profile,
dates, exit type and reason and the hiring-time fit band, so headcount, attrition and survival stay as
they were. Everything that describes the person goes: development records with their free text,
pulse links, the risk score. Pulse answers stay attached to the anonymous placeholder (group results of
five or more need them; nobody can tell whose they are any more). The assessment invitations of
re-assessments are exported and erased through assessments' own handler (the link row alone would
leave the invitation's copied name and e-mail, and the written answers, behind).
"""

from collections.abc import Sequence

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments import personal_data as assessment_personal_data
from assessments.models import Invitation
from servicefit.core.personal_data import PersonalDataHandler, Subject
from servicefit.core.services import personal_data_records_erase
from workforce.models import (
    Agent,
    AgentAssessment,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    PlanGoal,
    PulseInvitation,
    PulseResponse,
    RiskScore,
    Training,
)

CATEGORY = "employee"
ERASED_NAME = "—"
ERASED_NUMBER_PREFIX = "erased-"

# Rows that describe the person and go on erasure, with the path from them to the agent.
ERASED_WITH_AGENT = (
    (CompetencyLevel, "snapshot__agent_id__in"),
    (CompetencySnapshot, "agent_id__in"),
    (AgentAssessment, "agent_id__in"),
    (PlanGoal, "plan__agent_id__in"),
    (DevelopmentPlan, "agent_id__in"),
    (Training, "agent_id__in"),
    (CoachingSession, "agent_id__in"),
    (CareerMove, "agent_id__in"),
    (PulseInvitation, "agent_id__in"),
    (RiskScore, "agent_id__in"),
)


def employee_find(subject: Subject) -> list[Agent]:
    """An employee by e-mail (the agent's own or the candidate's they were hired as); by reference,
    the candidate id they were hired from; by employee number, every employment period under it."""
    condition = Q(pk__in=[])
    if subject.email:
        condition |= Q(email__iexact=subject.email) | Q(candidate__email__iexact=subject.email)
    if subject.reference is not None:
        condition |= Q(candidate_id=subject.reference)
    if subject.employee_number:
        condition |= Q(employee_number__iexact=subject.employee_number)
    return list(Agent.objects.filter(condition).exclude(name=ERASED_NAME).order_by("id"))


def _date(value):
    return value.isoformat() if value else None


def employee_export(agents: Sequence[Agent]) -> dict:
    ids = [agent.id for agent in agents]
    return {
        "agents": [
            {
                "id": agent.id,
                "employee_number": agent.employee_number,
                "name": agent.name,
                "email": agent.email,
                "team": agent.team.name,
                "manager": agent.manager.get_username() if agent.manager else None,
                "role_profile": agent.role_profile.slug if agent.role_profile else None,
                "channels": agent.channels,
                "hire_date": _date(agent.hire_date),
                "employment_status": agent.employment_status,
                "exit_date": _date(agent.exit_date),
                "exit_type": agent.exit_type,
                "exit_reason": agent.exit_reason,
                "source": agent.source,
                "hiring_profile": agent.hiring_profile,
                "hiring_fit": agent.hiring_fit,
                "hiring_fit_label": agent.hiring_fit_label,
                "hiring_dominant_type": agent.hiring_dominant_type,
            }
            for agent in Agent.objects.filter(id__in=ids).select_related("team", "manager", "role_profile")
        ],
        "competency_snapshots": [
            {
                "agent": snapshot.agent_id,
                "taken_on": _date(snapshot.taken_on),
                "source": snapshot.source,
                "levels": {level.competency.code: float(level.level) for level in snapshot.levels.all()},
            }
            for snapshot in CompetencySnapshot.objects.filter(agent_id__in=ids).prefetch_related("levels__competency")
        ],
        "development_plans": [
            {
                "agent": plan.agent_id,
                "title": plan.title,
                "starts_on": _date(plan.starts_on),
                "status": plan.status,
                "goals": [
                    {
                        "description": goal.description,
                        "competency": goal.competency.code if goal.competency else None,
                        "target_level": goal.target_level,
                        "due_on": _date(goal.due_on),
                        "status": goal.status,
                        "completed_on": _date(goal.completed_on),
                    }
                    for goal in plan.goals.all()
                ],
            }
            for plan in DevelopmentPlan.objects.filter(agent_id__in=ids).prefetch_related("goals__competency")
        ],
        "training": list(
            Training.objects.filter(agent_id__in=ids).values(
                "agent", "kind", "title", "provider", "completed_on", "expires_on"
            )
        ),
        "coaching_sessions": list(
            CoachingSession.objects.filter(agent_id__in=ids).values("agent", "held_on", "topic", "notes")
        ),
        "career_moves": list(CareerMove.objects.filter(agent_id__in=ids).values("agent", "moved_on", "kind", "title")),
        "pulse_responses": list(
            PulseResponse.objects.filter(agent_id__in=ids).values(
                "agent", "survey__title", "answered_on", "recommend", "workload", "growth", "manager_support"
            )
        ),
        "risk": list(RiskScore.objects.filter(agent_id__in=ids).values("agent", "scored_at", "probability", "drivers")),
        "reassessments": assessment_personal_data.candidate_export(_reassessment_invitations(ids))["invitations"],
    }


def _reassessment_invitations(agent_ids: Sequence[int]) -> list[Invitation]:
    """The assessment invitations sent to the agents for re-assessment, not yet erased."""
    return list(
        Invitation.objects.filter(agent_assessment__agent_id__in=agent_ids)
        .exclude(email="")
        .select_related("assessment")
        .order_by("id")
    )


def employee_erase(agents: Sequence[Agent], user) -> None:
    ids = [agent.id for agent in agents]
    # Before the links go: without them the invitations could no longer be found.
    personal_data_records_erase(
        category=assessment_personal_data.CATEGORY, records=_reassessment_invitations(ids), user=user
    )
    for model, path in ERASED_WITH_AGENT:
        model.objects.filter(**{path: ids}).delete()
    now = timezone.now()
    for agent_id in ids:
        Agent.objects.filter(id=agent_id).update(
            name=ERASED_NAME,
            email="",
            employee_number=f"{ERASED_NUMBER_PREFIX}{agent_id}",
            manager=None,
            candidate=None,
            application=None,
            hire=None,
            hiring_profile={},
            channels=[],
            source="",
            updated_at=now,
        )


def employee_related(agents: Sequence[Agent]) -> list[tuple[type, object]]:
    """Every row an erasure touches, for scrubbing the admin history."""
    ids = [agent.id for agent in agents]
    rows = [(Agent, pk) for pk in ids]
    for model, path in (*ERASED_WITH_AGENT, (PulseResponse, "agent_id__in")):
        rows += [(model, pk) for pk in model.objects.filter(**{path: ids}).values_list("pk", flat=True)]
    return rows + assessment_personal_data.candidate_related(_reassessment_invitations(ids))


HANDLER = PersonalDataHandler(
    category=CATEGORY,
    models=(
        Agent,
        AgentAssessment,
        CareerMove,
        CoachingSession,
        CompetencyLevel,
        CompetencySnapshot,
        DevelopmentPlan,
        PlanGoal,
        PulseInvitation,
        PulseResponse,
        RiskScore,
        Training,
    ),
    find=employee_find,
    export=employee_export,
    erase=employee_erase,
    related=employee_related,
    label=_("Employee records"),
    kept=_(
        "The agent stays as an anonymous record with team, dates and exit type, so headcount and attrition "
        "figures do not change; pulse answers stay with it, no longer anyone's. Name, e-mail address, "
        "employee number, development records and risk score go."
    ),
)
