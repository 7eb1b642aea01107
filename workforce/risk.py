"""Attrition risk on our own agents: training the hazard model and scoring every employed agent.

Reads agents and their dated records in a few queries per batch (no query per agent), turns them into
workforce.analysis.hazard's plain rows, and stores the model as data through
workforce.attrition_models (kind "hazard"). Scoring refuses a model whose schema differs from the
features computed here.
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import date

from django.db import transaction
from django.db.models import Avg, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from workforce.analysis import hazard
from workforce.attrition_models import attrition_model_active, attrition_model_save, schema_check
from workforce.models import (
    Agent,
    AttritionModel,
    CareerMove,
    CoachingSession,
    CompetencySnapshot,
    ExitType,
    GoalStatus,
    ModelKind,
    PlanGoal,
    PulseResponse,
    RiskScore,
    Training,
)

BATCH_SIZE = 5000


@contextmanager
def _gc_paused():
    """Building histories makes millions of small objects and no reference cycles: the cyclic garbage
    collector's passes over them would double the run time, so it waits until the job is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Team and manager levels with fewer person-months are pooled into "other".
MIN_LEVEL_ROWS = 200
HORIZON_MONTHS = hazard.DEFAULT_HORIZON
TOP_DRIVERS = 3
HAZARD_SOURCE = "agents"  # the risk model's source: the agents' own records (a code; pages say it in words)


def _histories(agents: list[dict], *, lookups: dict, employed_on: date | None = None) -> list[hazard.AgentHistory]:
    """Plain histories for `agents` (dicts from Agent.values), their records read with `lookups` on
    `agent_id` (e.g. {"agent_id__gte": 1, "agent_id__lte": 5000}) and, with `employed_on`, only the
    records of agents employed that day: one query per kind of record."""
    agent_filter = Q(**lookups)
    if employed_on is not None:
        agent_filter &= _employed_q(employed_on, prefix="agent__")
    development: dict[int, list[date]] = defaultdict(list)
    for agent_id, day in CoachingSession.objects.filter(agent_filter).values_list("agent_id", "held_on"):
        development[agent_id].append(day)
    for agent_id, day in Training.objects.filter(agent_filter).values_list("agent_id", "completed_on"):
        development[agent_id].append(day)
    competency: dict[int, list[tuple[date, float]]] = defaultdict(list)
    snapshots = (
        CompetencySnapshot.objects.filter(agent_filter)
        .values("agent_id", "taken_on")
        .annotate(mean=Avg("levels__level"))
        .order_by()
    )
    for snapshot in snapshots:
        development[snapshot["agent_id"]].append(snapshot["taken_on"])
        if snapshot["mean"] is not None:
            competency[snapshot["agent_id"]].append((snapshot["taken_on"], float(snapshot["mean"])))
    goals: dict[int, list[hazard.Goal]] = defaultdict(list)
    goal_filter = Q(**{f"plan__{key}": value for key, value in lookups.items()})
    if employed_on is not None:
        goal_filter &= _employed_q(employed_on, prefix="plan__agent__")
    for agent_id, set_on, status, completed_on in PlanGoal.objects.filter(goal_filter).values_list(
        "plan__agent_id", "plan__starts_on", "status", "completed_on"
    ):
        achieved = completed_on if status == GoalStatus.ACHIEVED and completed_on else None
        goals[agent_id].append(hazard.Goal(set_on, achieved))
        if achieved:
            development[agent_id].append(achieved)
    pulse: dict[int, list[hazard.PulseAnswer]] = defaultdict(list)
    for agent_id, day, recommend, growth, workload, support in PulseResponse.objects.filter(agent_filter).values_list(
        "agent_id", "answered_on", "recommend", "growth", "workload", "manager_support"
    ):
        pulse[agent_id].append(hazard.PulseAnswer(day, recommend, growth, workload, support))
    moves: dict[int, list[date]] = defaultdict(list)
    for agent_id, day in CareerMove.objects.filter(agent_filter).values_list("agent_id", "moved_on"):
        moves[agent_id].append(day)
    return [
        hazard.AgentHistory(
            agent_id=agent["id"],
            hire_date=agent["hire_date"],
            exit_date=agent["exit_date"],
            exit_type=agent["exit_type"],
            team=str(agent["team_id"]),
            manager=str(agent["manager_id"] or ""),
            fit=agent["hiring_fit"],
            development=development.get(agent["id"], []),
            competency=competency.get(agent["id"], []),
            pulse=pulse.get(agent["id"], []),
            moves=moves.get(agent["id"], []),
            goals=goals.get(agent["id"], []),
        )
        for agent in agents
    ]


AGENT_FIELDS = ("id", "hire_date", "exit_date", "exit_type", "team_id", "manager_id", "hiring_fit")


def agent_histories(*, agent_ids=None) -> list[hazard.AgentHistory]:
    """Every agent's history (or those of `agent_ids`)."""
    agents = Agent.objects.order_by("id")
    lookups = {}
    if agent_ids is not None:
        agents = agents.filter(id__in=agent_ids)
        lookups = {"agent_id__in": list(agent_ids)}
    return _histories(list(agents.values(*AGENT_FIELDS)), lookups=lookups)


def hazard_model_train(*, until: date | None = None, user=None, C: float = 1.0) -> AttritionModel:
    """Train the hazard model on every agent's person-months up to `until` (default today), evaluate it
    on held-out time, and store it as the active hazard model."""
    until = until or timezone.localdate()
    with _gc_paused():
        histories = agent_histories()
    voluntary = sum(1 for h in histories if h.exit_type == ExitType.VOLUNTARY and h.exit_date and h.exit_date < until)
    if voluntary < 5:
        raise ApplicationError(
            _(
                "Too little history to train the risk model: it needs at least 5 voluntary exits "
                "before %(until)s, there are %(count)s."
            )
            % {"until": until.isoformat(), "count": voluntary}
        )
    try:
        with _gc_paused():
            params, metrics, data = hazard.train(
                histories, until, horizon=HORIZON_MONTHS, C=C, min_level_rows=MIN_LEVEL_ROWS
            )
    except ValueError as error:
        raise ApplicationError(str(error)) from error
    return attrition_model_save(
        kind=ModelKind.HAZARD,
        schema=hazard.hazard_schema(),
        parameters=hazard.to_json(params),
        metrics=metrics,
        n_rows=len(data),
        positives=int(data.events.sum()),
        source=HAZARD_SOURCE,
        horizon_months=HORIZON_MONTHS,
        user=user,
    )


def _employed_q(as_of: date, *, prefix: str = "") -> Q:
    return Q(**{f"{prefix}hire_date__lte": as_of}) & (
        Q(**{f"{prefix}exit_date__isnull": True}) | Q(**{f"{prefix}exit_date__gte": as_of})
    )


def _score_rows(params: dict, histories: list[hazard.AgentHistory], as_of: date) -> list[tuple[int, float, list]]:
    if not histories:
        return []
    rows = [hazard.current_features(history, as_of) for history in histories]
    probabilities = hazard.predict_proba(params, rows)
    contributions = hazard.attributions(params, rows)
    result = []
    for history, row, probability, contribution in zip(histories, rows, probabilities, contributions, strict=True):
        drivers = [
            {"feature": group, "value": hazard.driver_values(row, group), "contribution": round(value, 4)}
            for group, value in hazard.top_drivers(contribution, TOP_DRIVERS)
        ]
        result.append((history.agent_id, float(probability), drivers))
    return result


def risk_scores_refresh(*, as_of: date | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Score every agent employed on `as_of` (default today) with the active hazard model and replace
    all risk scores. Returns the number of agents scored."""
    model = attrition_model_active(kind=ModelKind.HAZARD)
    if model is None:
        raise ApplicationError(_("No risk model is trained yet: train one first."))
    schema_check(model=model, schema=hazard.hazard_schema())
    as_of = as_of or timezone.localdate()
    now = timezone.now()
    employed = _employed_q(as_of)
    ids = list(Agent.objects.filter(employed).order_by("id").values_list("id", flat=True))
    scores = []
    with _gc_paused():
        for start in range(0, len(ids), batch_size):
            first, last = ids[start], ids[min(start + batch_size, len(ids)) - 1]
            agents = list(
                Agent.objects.filter(employed, id__gte=first, id__lte=last).order_by("id").values(*AGENT_FIELDS)
            )
            histories = _histories(agents, lookups={"agent_id__gte": first, "agent_id__lte": last}, employed_on=as_of)
            for agent_id, probability, drivers in _score_rows(model.parameters, histories, as_of):
                scores.append(
                    RiskScore(agent_id=agent_id, model=model, scored_at=now, probability=probability, drivers=drivers)
                )
        # All or nothing: the list never shows a mix of two nights' scores.
        with transaction.atomic():
            RiskScore.objects.all().delete()
            RiskScore.objects.bulk_create(scores, batch_size=2000)
    return len(scores)


def risk_train_and_score(*, user=None) -> dict:
    """The weekly job and the "train" button: a new model, then fresh scores with it."""
    started = time.perf_counter()
    model = hazard_model_train(user=user)
    scored = risk_scores_refresh()
    return {"model": model.version, "scored": scored, "seconds": round(time.perf_counter() - started, 2)}
