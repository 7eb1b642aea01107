"""A synthetic population where a long gap since the last development activity truly raises the monthly
hazard of a voluntary exit (and early tenure a little): the model should find it."""

import random
from datetime import date, timedelta

from workforce.analysis.hazard import AgentHistory, Goal, PulseAnswer, add_months


def population(n: int = 400, *, seed: int = 7, until: date = date(2026, 1, 1), years: int = 3) -> list[AgentHistory]:
    rng = random.Random(seed)
    start = add_months(until, -12 * years)
    span = (until - start).days
    agents = []
    for i in range(n):
        hire = start + timedelta(days=rng.randrange(span - 30))
        # Half the agents are developed every ~30 days, half rarely (~every 200 days).
        developed = rng.random() < 0.5
        gap = 30 if developed else 200
        development, day = [], hire + timedelta(days=rng.randrange(10, 40))
        exit_date = exit_type = None
        month = 0
        while True:
            month_start = add_months(hire, month)
            if month_start >= until:
                break
            while day < month_start and rng.random() < 0.97:
                development.append(day)
                day += timedelta(days=max(5, int(rng.expovariate(1 / gap))))
            last = max([d for d in development if d < month_start], default=hire)
            since = (month_start - last).days
            hazard = 0.015 + (0.06 if since > 120 else 0.0) + (0.02 if month < 3 else 0.0)
            u = rng.random()
            if u < hazard:
                exit_date, exit_type = month_start + timedelta(days=rng.randrange(28)), "voluntary"
                break
            if u < hazard + 0.005:
                exit_date, exit_type = month_start + timedelta(days=rng.randrange(28)), "involuntary"
                break
            month += 1
        if exit_date is not None and exit_date >= until:
            exit_date = exit_type = None
        development = [d for d in development if exit_date is None or d <= exit_date]
        pulse = [
            PulseAnswer(hire + timedelta(days=90 * k), recommend=rng.randint(3, 10), growth=rng.randint(1, 5))
            for k in range(1, 12)
            if hire + timedelta(days=90 * k) < (exit_date or until)
        ]
        agents.append(
            AgentHistory(
                agent_id=i + 1,
                hire_date=hire,
                exit_date=exit_date,
                exit_type=exit_type or "",
                team=rng.choice(["Copenhagen", "Oslo", "Stockholm"]),
                manager=str(rng.randint(1, 6)),
                fit=rng.uniform(0.3, 0.9) if rng.random() < 0.7 else None,
                development=development,
                pulse=pulse,
                goals=[Goal(hire + timedelta(days=60), hire + timedelta(days=150) if developed else None)],
            )
        )
    return agents
