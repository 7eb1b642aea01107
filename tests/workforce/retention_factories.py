"""Small agent populations for the retention dashboard's tests."""

from datetime import date
from itertools import count

from workforce.models import Agent

_numbers = count(1)


def agent(team, hired: str, left: str | None = None, exit_type: str = "", **fields) -> Agent:
    return Agent.objects.create(
        employee_number=f"E{next(_numbers):05d}",
        name=fields.pop("name", "Agent"),
        team=team,
        hire_date=date.fromisoformat(hired),
        exit_date=date.fromisoformat(left) if left else None,
        exit_type=exit_type if left else "",
        employment_status="exited" if left else "active",
        **fields,
    )


# 2023 as the period (365 days). The figures the tests expect are worked out in test_retention_figures.
PERIOD = (date(2023, 1, 1), date(2023, 12, 31))


def population(team, **fields) -> list[Agent]:
    return [
        agent(team, "2022-01-01", **fields),  # 1 stays
        agent(team, "2022-06-01", "2023-03-15", "voluntary", **fields),  # 2
        agent(team, "2023-02-01", "2023-04-15", "voluntary", **fields),  # 3 leaves after 73 days
        agent(team, "2023-03-01", "2023-08-01", "involuntary", **fields),  # 4 dismissed after 153 days
        agent(team, "2023-05-01", **fields),  # 5
        agent(team, "2023-10-01", **fields),  # 6 its 90 days have passed on 30 December
        agent(team, "2023-12-31", **fields),  # 7 hired on the last day
        agent(team, "2022-01-01", "2023-12-31", "voluntary", **fields),  # 8 leaves on the last day
        agent(team, "2024-01-05", **fields),  # 9 after the period
        agent(team, "2021-01-01", "2022-06-30", "voluntary", **fields),  # 10 left before it
    ]
