"""A discrete-time hazard model of voluntary exit on person-months (pure: numpy and scikit-learn, no Django).

Each agent contributes one row per month at risk, from the hire month until they leave or until the
data ends (only whole months that have ended count, except the month an exit falls in). A voluntary exit
in the month is the event; an involuntary exit and still being employed are censoring: those months are
rows without an event, never "stayers". Every feature of a row is computed from what was known at the
START of the month (events dated strictly before it), so no row sees its own future.

The monthly hazard h is a logistic regression (L2, numeric features standardised). The probability of a
voluntary exit within H months is 1 − Π_k (1 − h_k), advancing tenure month by month over the horizon
and holding the other features. The fitted model is a JSON-able dict; `predict_proba` scores from that
dict with numpy alone, so a stored model scores without sklearn or pickles.

Attributions: the contribution of feature j to an agent's logit is β_j·(x_j − mean_j) (on the
standardised scale, mean over the training person-months); contributions are summed per feature group
(tenure, development, plan, …) and the groups with the largest positive sums are the agent's drivers.
"""

from __future__ import annotations

import math
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from workforce.analysis.survival import concordance_index

DEFAULT_HORIZON = 6
DAYS_CAP = 365
MOVE_CAP = 36
OTHER = "other"
VOLUNTARY = "voluntary"

# Numeric features in order: (name, group).
NUMERIC_FEATURES = [
    ("log_tenure", "tenure"),
    ("tenure_0_3", "tenure"),
    ("tenure_3_6", "tenure"),
    ("tenure_6_12", "tenure"),
    ("days_since_development", "development"),
    ("no_development_yet", "development"),
    ("plan_progress", "plan"),
    ("no_plan", "plan"),
    ("competency_growth", "competency"),
    ("no_competency_growth", "competency"),
    ("fit", "fit"),
    ("fit_missing", "fit"),
    ("pulse_growth_change", "pulse_growth"),
    ("pulse_recommend", "pulse"),
    ("no_pulse", "pulse"),
    ("months_since_move", "move"),
    ("no_move_yet", "move"),
]
TENURE_FEATURES = ("log_tenure", "tenure_0_3", "tenure_3_6", "tenure_6_12")
# Continuous columns are standardised; indicators (0/1) too, so L2 treats every column alike.
GROUPS = ["tenure", "development", "plan", "competency", "fit", "pulse_growth", "pulse", "move", "team", "manager"]


@dataclass(frozen=True)
class PulseAnswer:
    answered_on: date
    recommend: float
    growth: float
    workload: float = 3.0
    manager_support: float = 3.0


@dataclass(frozen=True)
class Goal:
    set_on: date
    achieved_on: date | None = None


@dataclass
class AgentHistory:
    """What the model knows about one employment period. Dated lists need not be sorted."""

    agent_id: int
    hire_date: date
    exit_date: date | None = None
    exit_type: str = ""
    team: str = ""
    manager: str = ""
    fit: float | None = None
    # Coaching sessions, trainings, goals achieved, competency snapshots: any development activity.
    development: list[date] = field(default_factory=list)
    # (date, mean level of the snapshot)
    competency: list[tuple[date, float]] = field(default_factory=list)
    pulse: list[PulseAnswer] = field(default_factory=list)
    moves: list[date] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    def __post_init__(self):
        self.development = sorted(self.development)
        self.competency = sorted(self.competency)
        self.pulse = sorted(self.pulse, key=lambda answer: answer.answered_on)
        self.moves = sorted(self.moves)
        self._pulse_dates = [answer.answered_on for answer in self.pulse]
        self._competency_dates = [day for day, _ in self.competency]


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, on the same day of the month (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = [
        31,
        29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
    return date(year, month, min(day.day, last[month - 1]))


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 while less than one month has passed)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def raw_features(agent: AgentHistory, when: date, tenure_months: int) -> dict:
    """The agent's features from what was known before `when` (strictly earlier dates only)."""
    row = {}
    row["log_tenure"] = math.log1p(tenure_months)
    row["tenure_0_3"] = 1.0 if tenure_months < 3 else 0.0
    row["tenure_3_6"] = 1.0 if 3 <= tenure_months < 6 else 0.0
    row["tenure_6_12"] = 1.0 if 6 <= tenure_months < 12 else 0.0

    n = bisect_left(agent.development, when)
    if n:
        row["days_since_development"] = float(min((when - agent.development[n - 1]).days, DAYS_CAP))
        row["no_development_yet"] = 0.0
    else:
        row["days_since_development"] = float(min((when - agent.hire_date).days, DAYS_CAP))
        row["no_development_yet"] = 1.0

    goals_set = achieved = 0
    for goal in agent.goals:
        if goal.set_on < when:
            goals_set += 1
            if goal.achieved_on is not None and goal.achieved_on < when:
                achieved += 1
    row["plan_progress"] = achieved / goals_set if goals_set else 0.0
    row["no_plan"] = 0.0 if goals_set else 1.0

    n = bisect_left(agent._competency_dates, when)
    if n >= 2:
        row["competency_growth"] = agent.competency[n - 1][1] - agent.competency[0][1]
        row["no_competency_growth"] = 0.0
    else:
        row["competency_growth"] = 0.0
        row["no_competency_growth"] = 1.0

    row["fit"] = agent.fit  # filled with the training mean when missing
    row["fit_missing"] = 1.0 if agent.fit is None else 0.0

    n = bisect_left(agent._pulse_dates, when)
    row["pulse_growth_change"] = float(agent.pulse[n - 1].growth - agent.pulse[n - 2].growth) if n >= 2 else 0.0
    row["pulse_recommend"] = float(agent.pulse[n - 1].recommend) if n else None
    row["no_pulse"] = 0.0 if n else 1.0
    # For words only (not features): the two growth answers compared.
    row["_pulse_growth_latest"] = float(agent.pulse[n - 1].growth) if n else None
    row["_pulse_growth_previous"] = float(agent.pulse[n - 2].growth) if n >= 2 else None

    n = bisect_left(agent.moves, when)
    if n:
        row["months_since_move"] = float(min(months_between(agent.moves[n - 1], when), MOVE_CAP))
        row["no_move_yet"] = 0.0
    else:
        row["months_since_move"] = float(min(tenure_months, MOVE_CAP))
        row["no_move_yet"] = 1.0
    row["_tenure_months"] = tenure_months
    row["_team"] = agent.team
    row["_manager"] = agent.manager
    return row


@dataclass
class PersonMonths:
    agent_ids: list[int]
    month_starts: list[date]
    tenure: list[int]
    rows: list[dict]
    events: np.ndarray

    def __len__(self):
        return len(self.rows)


def person_months(agents: list[AgentHistory], until: date) -> PersonMonths:
    """One row per agent per month at risk, observed up to `until` (exclusive).

    Month k of an agent runs from hire + k months to hire + k + 1 months. An exit dated before `until`
    ends the agent's rows in the month it falls in: event 1 when voluntary, 0 otherwise (censored). A
    month that has not ended by `until` without a known exit is left out (its outcome is unknown).
    """
    agent_ids, starts, tenures, rows, events = [], [], [], [], []
    for agent in agents:
        exited = agent.exit_date is not None and agent.exit_date < until
        k = 0
        end = agent.hire_date
        while True:
            start, end = end, add_months(agent.hire_date, k + 1)
            if start >= until:
                break
            if exited and agent.exit_date < end:
                event = 1 if agent.exit_type == VOLUNTARY else 0
            elif end > until:
                break
            else:
                event = 0
            agent_ids.append(agent.agent_id)
            starts.append(start)
            tenures.append(k)
            rows.append(raw_features(agent, start, k))
            events.append(event)
            if exited and agent.exit_date < end:
                break
            k += 1
    return PersonMonths(agent_ids, starts, tenures, rows, np.asarray(events, dtype=float))


def at_risk_on(agent: AgentHistory, day: date) -> bool:
    return agent.hire_date <= day and (agent.exit_date is None or agent.exit_date >= day)


def current_features(agent: AgentHistory, as_of: date) -> dict:
    return raw_features(agent, as_of, months_between(agent.hire_date, as_of))


# ---- encoding ------------------------------------------------------------------------------------


def _levels(values: list[str], min_rows: int) -> list[str]:
    counts = Counter(values)
    kept = sorted(level for level, count in counts.items() if count >= min_rows and level != OTHER)
    return kept + [OTHER]


def _numeric(rows: list[dict]) -> np.ndarray:
    """The numeric features column by column (NaN where a value is missing)."""
    X = np.empty((len(rows), len(NUMERIC_FEATURES)))
    for j, (name, _group) in enumerate(NUMERIC_FEATURES):
        X[:, j] = np.array([row[name] for row in rows], dtype=float)
    return X


def _design(rows: list[dict], params: dict, tenure_override: int | None = None) -> np.ndarray:
    """Raw feature dicts → the unstandardised design matrix in the model's feature order."""
    numeric = _numeric(rows)
    fills = np.array([params["fills"][name] for name, _ in NUMERIC_FEATURES])
    missing = np.isnan(numeric)
    numeric[missing] = np.broadcast_to(fills, numeric.shape)[missing]
    teams = {level: i for i, level in enumerate(params["levels"]["team"])}
    managers = {level: i for i, level in enumerate(params["levels"]["manager"])}
    n_num, n_team = len(NUMERIC_FEATURES), len(teams)
    X = np.zeros((len(rows), n_num + n_team + len(managers)))
    X[:, :n_num] = numeric
    index = np.arange(len(rows))
    other_team, other_manager = teams[OTHER], managers[OTHER]
    X[index, n_num + np.array([teams.get(row["_team"], other_team) for row in rows], dtype=int)] = 1.0
    X[index, n_num + n_team + np.array([managers.get(row["_manager"], other_manager) for row in rows], dtype=int)] = 1.0
    if tenure_override is not None:
        _set_tenure(X, np.full(len(rows), tenure_override))
    return X


def _set_tenure(X: np.ndarray, months: np.ndarray) -> None:
    X[:, 0] = np.log1p(months)
    X[:, 1] = months < 3
    X[:, 2] = (months >= 3) & (months < 6)
    X[:, 3] = (months >= 6) & (months < 12)


def feature_names(params: dict) -> list[str]:
    return (
        [name for name, _ in NUMERIC_FEATURES]
        + [f"team={level}" for level in params["levels"]["team"]]
        + [f"manager={level}" for level in params["levels"]["manager"]]
    )


def feature_groups(params: dict) -> list[str]:
    return (
        [group for _, group in NUMERIC_FEATURES]
        + ["team"] * len(params["levels"]["team"])
        + ["manager"] * len(params["levels"]["manager"])
    )


def hazard_schema() -> list[dict]:
    """The schema of the features this module computes, for workforce.attrition_models.schema_check:
    a model trained on other features (an older version of this module) is refused. Team and manager
    categories are the model's own (an unseen team scores as "other"), so they are not part of it."""
    schema = [{"name": name, "kind": "numeric", "group": group} for name, group in NUMERIC_FEATURES]
    schema += [{"name": group, "kind": "categorical", "group": group} for group in ("team", "manager")]
    return schema


# ---- fitting and scoring -------------------------------------------------------------------------


def fit(data: PersonMonths, *, C: float = 1.0, min_level_rows: int = 200, horizon: int = DEFAULT_HORIZON) -> dict:
    """Fit the monthly hazard on person-months; returns the model as a JSON-able dict."""
    from sklearn.linear_model import LogisticRegression

    if len(data) == 0 or data.events.sum() == 0 or data.events.sum() == len(data):
        raise ValueError("Need person-months with and without a voluntary exit to fit a hazard model.")
    numeric = _numeric(data.rows)
    fills = {}
    for j, (name, _group) in enumerate(NUMERIC_FEATURES):
        present = numeric[:, j][~np.isnan(numeric[:, j])]
        fills[name] = float(present.mean()) if len(present) else 0.0
    params = {
        "horizon": horizon,
        "fills": fills,
        "levels": {
            "team": _levels([row["_team"] for row in data.rows], min_level_rows),
            "manager": _levels([row["_manager"] for row in data.rows], min_level_rows),
        },
    }
    X = _design(data.rows, params)
    means = X.mean(axis=0)
    scales = X.std(axis=0)
    scales[scales == 0] = 1.0
    Z = (X - means) / scales
    model = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
    model.fit(Z, data.events)
    params.update(
        {
            "features": feature_names(params),
            "groups": feature_groups(params),
            "means": means.tolist(),
            "scales": scales.tolist(),
            "coef": model.coef_[0].tolist(),
            "intercept": float(model.intercept_[0]),
            "C": C,
            "min_level_rows": min_level_rows,
            "n_rows": len(data),
            "events": int(data.events.sum()),
        }
    )
    params["_sklearn"] = model  # for tests; removed by `to_json`
    return params


def to_json(params: dict) -> dict:
    return {key: value for key, value in params.items() if not key.startswith("_")}


def _logits(params: dict, X: np.ndarray) -> np.ndarray:
    Z = (X - np.asarray(params["means"])) / np.asarray(params["scales"])
    return Z @ np.asarray(params["coef"]) + params["intercept"]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def monthly_hazard(params: dict, rows: list[dict]) -> np.ndarray:
    return _sigmoid(_logits(params, _design(rows, params)))


def predict_proba(params: dict, rows: list[dict], horizon: int | None = None) -> np.ndarray:
    """P(voluntary exit within `horizon` months) for rows of current features (numpy only)."""
    horizon = horizon or params["horizon"]
    X = _design(rows, params)
    tenure = np.array([row["_tenure_months"] for row in rows], dtype=float)
    survive = np.ones(len(rows))
    for step in range(horizon):
        _set_tenure(X, tenure + step)
        survive *= 1.0 - _sigmoid(_logits(params, X))
    return 1.0 - survive


def attributions(params: dict, rows: list[dict]) -> list[dict[str, float]]:
    """Per row: {group: Σ β_j·(x_j − mean_j)/scale_j} on the logit scale."""
    X = _design(rows, params)
    contributions = (X - np.asarray(params["means"])) / np.asarray(params["scales"]) * np.asarray(params["coef"])
    groups = params["groups"]
    index = {group: [j for j, g in enumerate(groups) if g == group] for group in dict.fromkeys(groups)}
    sums = {group: contributions[:, cols].sum(axis=1) for group, cols in index.items()}
    return [{group: float(sums[group][i]) for group in index} for i in range(len(rows))]


def top_drivers(contributions: dict[str, float], k: int = 3) -> list[tuple[str, float]]:
    """The groups that raise the risk most (positive contributions only), largest first."""
    positive = [(group, value) for group, value in contributions.items() if value > 0]
    return sorted(positive, key=lambda item: -item[1])[:k]


def driver_values(row: dict, group: str) -> dict:
    """The agent's own values behind a driver group, for the words (JSON-able)."""
    values = {
        "tenure": {"months": row["_tenure_months"]},
        "development": {"days": int(row["days_since_development"]), "none": bool(row["no_development_yet"])},
        "plan": {"progress": round(row["plan_progress"], 3), "none": bool(row["no_plan"])},
        "competency": {"growth": round(row["competency_growth"], 2), "none": bool(row["no_competency_growth"])},
        "fit": {"fit": row["fit"]},
        "pulse_growth": {"latest": row["_pulse_growth_latest"], "previous": row["_pulse_growth_previous"]},
        "pulse": {"recommend": row["pulse_recommend"]},
        "move": {"months": int(row["months_since_move"]), "none": bool(row["no_move_yet"])},
        "team": {"team": row["_team"]},
        "manager": {"manager": row["_manager"]},
    }
    return values[group]


# ---- evaluation on held-out time -----------------------------------------------------------------


def calibration(predicted: np.ndarray, observed: np.ndarray, bins: int = 10) -> dict:
    """Brier score, calibration-in-the-large and slope (logistic recalibration), and predicted vs
    observed by risk decile."""
    predicted = np.clip(np.asarray(predicted, dtype=float), 1e-9, 1 - 1e-9)
    observed = np.asarray(observed, dtype=float)
    result = {
        "brier": float(np.mean((predicted - observed) ** 2)),
        "mean_predicted": float(predicted.mean()),
        "observed_rate": float(observed.mean()),
        "slope": None,
        "intercept": None,
        "deciles": [],
    }
    if 0 < observed.sum() < len(observed):
        from sklearn.linear_model import LogisticRegression

        logit = np.log(predicted / (1 - predicted)).reshape(-1, 1)
        recal = LogisticRegression(C=1e6, max_iter=1000).fit(logit, observed)
        result["slope"] = float(recal.coef_[0][0])
        result["intercept"] = float(recal.intercept_[0])
    order = np.argsort(predicted, kind="stable")
    for i, chunk in enumerate(np.array_split(order, min(bins, len(order)))):
        if len(chunk):
            result["deciles"].append(
                {
                    "decile": i + 1,
                    "n": int(len(chunk)),
                    "predicted": float(predicted[chunk].mean()),
                    "observed": float(observed[chunk].mean()),
                }
            )
    return result


def evaluate_held_out(
    agents: list[AgentHistory],
    until: date,
    *,
    horizon: int = DEFAULT_HORIZON,
    C: float = 1.0,
    min_level_rows: int = 200,
) -> dict:
    """Train on person-months before a cutoff `horizon` months before `until`, score the agents
    employed at the cutoff, and compare with voluntary exits in the `horizon` months after it.

    Concordance uses each agent's time from the cutoff to a voluntary exit (event) or to an involuntary
    exit / the window's end (censored). Calibration compares the predicted probability with the
    observed exit for the agents whose outcome is known (a voluntary exit in the window, or still
    employed at its end)."""
    cutoff = add_months(until, -horizon)
    window_end = add_months(cutoff, horizon)
    train = person_months(agents, cutoff)
    if len(train) == 0 or train.events.sum() == 0:
        return {"cutoff": cutoff.isoformat(), "n": 0, "concordance": None, "calibration": None}
    params = fit(train, C=C, min_level_rows=min_level_rows, horizon=horizon)
    scored = [agent for agent in agents if at_risk_on(agent, cutoff) and agent.hire_date < cutoff]
    if not scored:
        return {"cutoff": cutoff.isoformat(), "n": 0, "concordance": None, "calibration": None}
    rows = [current_features(agent, cutoff) for agent in scored]
    probability = predict_proba(params, rows, horizon)
    times, observed, known_probability, known_outcome = [], [], [], []
    for agent, p in zip(scored, probability, strict=True):
        left = agent.exit_date is not None and agent.exit_date < window_end
        if left:
            times.append(max((agent.exit_date - cutoff).days, 0))
            voluntary = agent.exit_type == VOLUNTARY
            observed.append(voluntary)
            if voluntary:
                known_probability.append(p)
                known_outcome.append(1.0)
        else:
            times.append((window_end - cutoff).days)
            observed.append(False)
            known_probability.append(p)
            known_outcome.append(0.0)
    concordance = None
    if any(observed):
        # Higher score = longer survival: the negated probability.
        concordance = float(concordance_index(times, -probability, observed))
    return {
        "cutoff": cutoff.isoformat(),
        "n": len(scored),
        "events": int(sum(observed)),
        "train_rows": len(train),
        "concordance": concordance,
        "calibration": calibration(np.asarray(known_probability), np.asarray(known_outcome))
        if known_probability
        else None,
    }


def train(
    agents: list[AgentHistory],
    until: date,
    *,
    horizon: int = DEFAULT_HORIZON,
    C: float = 1.0,
    min_level_rows: int = 200,
) -> tuple[dict, dict, PersonMonths]:
    """Held-out evaluation, then the model refitted on every person-month up to `until`.
    Returns (parameters, metrics, person-months)."""
    started = time.perf_counter()
    metrics = evaluate_held_out(agents, until, horizon=horizon, C=C, min_level_rows=min_level_rows)
    data = person_months(agents, until)
    params = fit(data, C=C, min_level_rows=min_level_rows, horizon=horizon)
    metrics = {
        "held_out": metrics,
        "concordance": metrics["concordance"],
        "brier": (metrics["calibration"] or {}).get("brier"),
        "calibration_slope": (metrics["calibration"] or {}).get("slope"),
        "calibration_intercept": (metrics["calibration"] or {}).get("intercept"),
        "person_months": len(data),
        "events": int(data.events.sum()),
        "agents": len(agents),
        "until": until.isoformat(),
        "seconds": round(time.perf_counter() - started, 3),
    }
    return params, metrics, data
