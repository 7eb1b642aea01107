"""What the staffing plan (the staffing app, above workforce) reads from workforce: today's agents, the
monthly risk that each of them leaves, and the agents who have been hired but not started yet.

Contract:

- `agents_outlook(*, as_of, months)` → AgentsOutlook for the agents at work on `as_of`: hired on or
  before it, not left by it (exit dates decide, so a past `as_of` reads as it was), and not on leave
  (an agent on leave is not on the floor, and their return is not known). `hazards` is, per agent
  and month k = 0 … months − 1 after `as_of`, the active hazard model's probability of a voluntary
  exit in that month given they stayed until it, tenure advancing a month per month and the other
  features held as they are today (as workforce.risk scores); None when no hazard model is active or
  it was trained on other features. `new_hire_hazards` is the same model's mean hazard over today's
  agents had they the tenure `new_hire_tenure` + k instead of their own (month k of a new hire's
  productive life, the other features held): the model's word on how new hires leave.
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
    new_hire_hazards: np.ndarray | None  # shape (months,)
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


def _hazards_from(params: dict, rows: list[dict], months: int) -> np.ndarray:
    """Each row's monthly hazards over `months`, its tenure advancing a month per month."""
    # predict_proba(horizon=k) = 1 − S(k): the hazard of month k is 1 − S(k + 1) / S(k).
    survival = np.ones((len(rows), months + 1))
    for k in range(1, months + 1):
        survival[:, k] = 1.0 - hazard.predict_proba(params, rows, horizon=k)
    with np.errstate(divide="ignore", invalid="ignore"):
        hazards = np.where(survival[:, :-1] > 0, 1.0 - survival[:, 1:] / survival[:, :-1], 1.0)
    return np.clip(hazards, 0.0, 1.0)


def _hazards(ids: list[int], as_of: date, months: int, new_hire_tenure: int):
    """(hazards, new hires' hazards, model version), or Nones without a usable model."""
    model = attrition_model_active(kind=ModelKind.HAZARD)
    if model is None or model.schema_hash != schema_hash(hazard.hazard_schema()) or months < 1:
        return None, None, None
    if not ids:
        return np.zeros((0, months)), None, model.version
    rows = []
    for start in range(0, len(ids), BATCH):
        histories = agent_histories(agent_ids=ids[start : start + BATCH])
        rows += [hazard.current_features(history, as_of) for history in histories]
    as_new = [{**row, "_tenure_months": new_hire_tenure} for row in rows]
    return (
        _hazards_from(model.parameters, rows, months),
        _hazards_from(model.parameters, as_new, months).mean(axis=0),
        model.version,
    )


def agents_outlook(*, as_of: date, months: int, new_hire_tenure: int = 1) -> AgentsOutlook:
    agents = list(_at_work(as_of).values_list("id", "hire_date", "exit_date"))
    hazards, new_hire_hazards, version = _hazards(
        [agent_id for agent_id, _hired, _left in agents], as_of, months, new_hire_tenure
    )
    return AgentsOutlook(
        hire_dates=[hired for _id, hired, _left in agents],
        exit_dates=[left for _id, _hired, left in agents],
        hazards=hazards,
        new_hire_hazards=new_hire_hazards,
        model_version=version,
    )


def starters_after(day: date) -> list[tuple[int | None, date]]:
    agents = Agent.objects.filter(Q(exit_date__isnull=True) | Q(exit_date__gt=day), hire_date__gt=day)
    return list(agents.exclude(employment_status=EmploymentStatus.EXITED).values_list("hire_id", "hire_date"))
