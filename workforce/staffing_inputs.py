"""What the staffing plan (the staffing app, above workforce) reads from workforce: today's agents, the
monthly risk that each of them leaves, and the agents who have been hired but not started yet.

Contract:

- `agents_outlook(*, as_of, months)` → AgentsOutlook for the agents at work on `as_of`: hired on or
  before it, not left by it (exit dates decide, so a past `as_of` reads as it was), and not on leave
  (an agent on leave is not on the floor, and their return is not known). `hazards` is, per agent
  and month k = 0 … months − 1 after `as_of`, the active hazard model's probability of a voluntary
  exit in that month given they stayed until it, tenure advancing a month per month and the other
  features held as they are today (as workforce.risk scores); None when no hazard model is active or
  it was trained on other features.
- `starters_after(day)` → [(hire id or None, first working day)] of the agents whose employment starts
  after `day` (a ServiceFit hire carries its hire id, so a caller counting hires does not count it twice).

No person leaves this module: plain dates and numbers, read in a fixed number of queries.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
from django.db.models import Q

from workforce.analysis import hazard
from workforce.attrition_models import attrition_model_active, schema_hash
from workforce.models import Agent, EmploymentStatus, ModelKind
from workforce.risk import agent_histories

# Keeps the `id IN (…)` lists of the history queries well below SQLite's limit on parameters.
BATCH = 2000


@dataclass(frozen=True)
class AgentsOutlook:
    hire_dates: list[date]
    exit_dates: list[date | None]  # a known exit still ahead (the agent works their notice), else None
    hazards: np.ndarray | None  # shape (agents, months)
    model_version: int | None


def _at_work(as_of: date):
    return (
        Agent.objects.filter(
            Q(exit_date__isnull=True) | Q(exit_date__gt=as_of),
            hire_date__lte=as_of,
        )
        .exclude(employment_status=EmploymentStatus.ON_LEAVE)
        .order_by("id")
    )


def _hazards(ids: list[int], as_of: date, months: int) -> tuple[np.ndarray | None, int | None]:
    model = attrition_model_active(kind=ModelKind.HAZARD)
    if model is None or model.schema_hash != schema_hash(hazard.hazard_schema()) or months < 1:
        return None, None
    if not ids:
        return np.zeros((0, months)), model.version
    rows = []
    for start in range(0, len(ids), BATCH):
        histories = agent_histories(agent_ids=ids[start : start + BATCH])
        rows += [hazard.current_features(history, as_of) for history in histories]
    # predict_proba(horizon=k) = 1 − S(k), the tenure advancing month by month: the hazard of month k
    # is 1 − S(k + 1) / S(k).
    survival = np.ones((len(rows), months + 1))
    for k in range(1, months + 1):
        survival[:, k] = 1.0 - hazard.predict_proba(model.parameters, rows, horizon=k)
    with np.errstate(divide="ignore", invalid="ignore"):
        hazards = np.where(survival[:, :-1] > 0, 1.0 - survival[:, 1:] / survival[:, :-1], 1.0)
    return np.clip(hazards, 0.0, 1.0), model.version


def agents_outlook(*, as_of: date, months: int) -> AgentsOutlook:
    agents = list(_at_work(as_of).values_list("id", "hire_date", "exit_date"))
    hazards, version = _hazards([agent_id for agent_id, _hired, _left in agents], as_of, months)
    return AgentsOutlook(
        hire_dates=[hired for _id, hired, _left in agents],
        exit_dates=[left for _id, _hired, left in agents],
        hazards=hazards,
        model_version=version,
    )


def starters_after(day: date) -> list[tuple[int | None, date]]:
    agents = Agent.objects.filter(Q(exit_date__isnull=True) | Q(exit_date__gt=day), hire_date__gt=day)
    return list(agents.exclude(employment_status=EmploymentStatus.EXITED).values_list("hire_id", "hire_date"))
