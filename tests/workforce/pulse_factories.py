"""Small pulse-survey data for the tests: agents, a survey, and answers written through the services."""

from datetime import date, timedelta
from itertools import count

from django.utils import timezone

from servicefit.core.teams import team_create
from workforce import pulse
from workforce.models import Agent, PulseInvitation

_numbers = count(1)


def make_team(name: str, country: str = "", parent=None):
    team = team_create(name=name)
    if country or parent:
        team.country, team.parent = country, parent
        team.save(update_fields=["country", "parent"])
    return team


def make_agent(team, *, name=None, email=True, **fields) -> Agent:
    number = next(_numbers)
    return Agent.objects.create(
        employee_number=f"E{number:05d}",
        name=name or f"Agent {number}",
        email=f"agent{number}@example.dk" if email else "",
        team=team,
        hire_date=date(2024, 1, 1),
        **fields,
    )


def make_survey(user, *, team=None, title="Pulse spring", days=14):
    today = timezone.localdate()
    return pulse.pulse_survey_create(
        user=user, title=title, team=team, opens_on=today, closes_on=today + timedelta(days=days)
    )


def answer_all(survey, scores_by_agent: dict) -> None:
    """scores_by_agent: {agent: (recommend, workload, growth, manager_support)}."""
    for agent, (recommend, workload, growth, manager_support) in scores_by_agent.items():
        invitation = PulseInvitation.objects.get(survey=survey, agent=agent)
        pulse.pulse_answer_submit(
            invitation=invitation,
            answers={
                "recommend": recommend,
                "workload": workload,
                "growth": growth,
                "manager_support": manager_support,
            },
        )


def token_of(survey, agent) -> str:
    return pulse.pulse_token(PulseInvitation.objects.get(survey=survey, agent=agent))
