"""Agents and their records for the workforce tests, made through the services where there is one."""

from datetime import date

from django.utils import timezone

from profiles.models import Competency, RoleProfile
from servicefit.core.teams import team_default
from workforce import agents as services
from workforce.models import (
    AttritionModel,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    PlanGoal,
    PulseInvitation,
    PulseResponse,
    PulseSurvey,
    RiskScore,
    Training,
)


def agent_make(user=None, number: int = 1, *, team=None, hire_date=date(2024, 3, 1), **fields):
    return services.agent_create(
        user=user,
        employee_number=fields.pop("employee_number", f"E{number:04d}"),
        name=fields.pop("name", f"Agent Nummer{number}"),
        email=fields.pop("email", f"agent{number}@example.dk"),
        team=team or team_default(),
        hire_date=hire_date,
        role_profile=fields.pop("role_profile", RoleProfile.objects.get(slug="advisor-controller-led")),
        **fields,
    )


def model_make(version: int = 1) -> AttritionModel:
    return AttritionModel.objects.create(
        kind="hazard",
        version=version,
        n_rows=100,
        positives=10,
        schema=[{"name": "tenure", "kind": "numeric"}],
        schema_hash="x" * 64,
        parameters={},
    )


def risk_make(agent, probability: float, model=None) -> RiskScore:
    model = model or AttritionModel.objects.first() or model_make()
    return RiskScore.objects.create(
        agent=agent,
        model=model,
        probability=probability,
        drivers=[{"feature": "days_since_development", "value": 140, "contribution": 0.4}],
    )


def snapshot_make(agent, levels: list[float], taken_on: date) -> CompetencySnapshot:
    snapshot = CompetencySnapshot.objects.create(agent=agent, taken_on=taken_on, source="manager_rating")
    for competency, level in zip(Competency.objects.order_by("order", "id"), levels, strict=False):
        CompetencyLevel.objects.create(snapshot=snapshot, competency=competency, level=level)
    return snapshot


def plan_make(agent, statuses: list[str], *, plan_status="active", title="Specialist track") -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.create(agent=agent, title=title, starts_on=date(2024, 6, 1), status=plan_status)
    for i, status in enumerate(statuses):
        PlanGoal.objects.create(plan=plan, description=f"Goal {i} of {title}", status=status)
    return plan


def everything_make(agent, *, marker: str) -> None:
    """One record of every kind workforce keeps about an agent, each carrying `marker` where it has text."""
    snapshot_make(agent, [3, 4], date(2024, 9, 1))
    plan_make(agent, ["achieved", "open"], title=f"Plan for {marker}")
    Training.objects.create(
        agent=agent,
        kind="course",
        title=f"{marker} course",
        provider=f"{marker} Academy",
        completed_on=date(2024, 7, 1),
    )
    CoachingSession.objects.create(
        agent=agent, held_on=date(2024, 8, 1), topic="career", notes=f"{marker} wants the specialist track"
    )
    CareerMove.objects.create(agent=agent, moved_on=date(2024, 10, 1), kind="specialist", title=f"{marker} specialist")
    survey = PulseSurvey.objects.create(
        team=agent.team, title="Autumn pulse", opens_on=date(2024, 10, 1), closes_on=date(2024, 10, 14)
    )
    PulseInvitation.objects.create(survey=survey, agent=agent, sent_at=timezone.now(), answered_at=timezone.now())
    PulseResponse.objects.create(
        survey=survey,
        agent=agent,
        team=agent.team,
        answered_on=date(2024, 10, 2),
        recommend=9,
        workload=3,
        growth=4,
        manager_support=5,
    )
    risk_make(agent, 0.42)
