"""Agents and their development records for the development tests (small, through the services)."""

from datetime import date

from profiles.models import RoleProfile
from servicefit.core.teams import team_default
from workforce.models import Agent

ROLE = "advisor-controller-led"


def agent(
    *, number: int = 1, team=None, role: str | None = ROLE, hire_date: date = date(2024, 1, 15), **fields
) -> Agent:
    return Agent.objects.create(
        employee_number=f"E-{number}",
        name=fields.pop("name", f"Agent {number}"),
        email=fields.pop("email", f"agent{number}@example.dk"),
        team=team or team_default(),
        role_profile=RoleProfile.objects.get(slug=role) if role else None,
        hire_date=hire_date,
        **fields,
    )
