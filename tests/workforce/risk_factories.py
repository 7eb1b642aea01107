"""Agents with development history in the database, built from the synthetic hazard population."""

from datetime import date

from servicefit.core.teams import team_create, team_default
from tests.workforce.hazard_population import population
from workforce.models import Agent, CoachingSession, DevelopmentPlan, PlanGoal, PulseResponse, PulseSurvey

UNTIL = date(2026, 1, 1)


def agents_in_db(n: int = 300, *, seed: int = 11, teams=None, managers=None) -> list[Agent]:
    """`n` agents spread over `teams` (default: the default team and "Oslo"), with coaching sessions,
    plan goals and pulse answers as the synthetic population has them."""
    teams = teams or [team_default(), team_create(name="Oslo")]
    histories = population(n, seed=seed, until=UNTIL)
    agents = Agent.objects.bulk_create(
        [
            Agent(
                employee_number=f"E{h.agent_id:05d}",
                name=f"Agent {h.agent_id}",
                team=teams[i % len(teams)],
                manager=managers[i % len(managers)] if managers else None,
                hire_date=h.hire_date,
                exit_date=h.exit_date,
                exit_type=h.exit_type,
                employment_status="exited" if h.exit_date else "active",
                hiring_fit=h.fit,
            )
            for i, h in enumerate(histories)
        ]
    )
    CoachingSession.objects.bulk_create(
        [
            CoachingSession(agent=a, held_on=day, topic="product")
            for a, h in zip(agents, histories, strict=True)
            for day in h.development
        ]
    )
    plans = DevelopmentPlan.objects.bulk_create(
        [
            DevelopmentPlan(agent=a, title="Plan", starts_on=h.goals[0].set_on)
            for a, h in zip(agents, histories, strict=True)
        ]
    )
    PlanGoal.objects.bulk_create(
        [
            PlanGoal(
                plan=plan,
                description="Goal",
                status="achieved" if h.goals[0].achieved_on else "in_progress",
                completed_on=h.goals[0].achieved_on,
            )
            for plan, h in zip(plans, histories, strict=True)
        ]
    )
    survey = PulseSurvey.objects.create(title="Pulse", opens_on=date(2023, 1, 1), closes_on=date(2026, 1, 1))
    surveys = {}
    responses = []
    for a, h in zip(agents, histories, strict=True):
        for k, answer in enumerate(h.pulse):
            if k not in surveys:
                surveys[k] = (
                    survey
                    if k == 0
                    else PulseSurvey.objects.create(
                        title=f"Pulse {k}", opens_on=date(2023, 1, 1), closes_on=date(2026, 1, 1)
                    )
                )
            responses.append(
                PulseResponse(
                    survey=surveys[k],
                    agent=a,
                    team=a.team,
                    answered_on=answer.answered_on,
                    recommend=answer.recommend,
                    growth=answer.growth,
                    workload=3,
                    manager_support=3,
                )
            )
    PulseResponse.objects.bulk_create(responses)
    return agents
