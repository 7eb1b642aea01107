"""Survival analysis for retention: Kaplan–Meier, log-rank, Cox proportional hazards, Harrell's C.

Plain numpy/scipy, durations in any unit (the product uses days), events 1 = left, 0 = still here
(censored). Every estimate follows lifelines' defaults so the figures can be checked against it
(tests/workforce/analysis compare with lifelines itself and with its published `waltons` values):

- Kaplan–Meier: the timeline is 0 plus every distinct duration; at a time where both events and
  censorings happen, the events count first (the censored were still at risk). The band is the
  log-log ("exponential Greenwood") interval of `KaplanMeierFitter.confidence_interval_`.
- Log-rank: the multivariate test of `multivariate_logrank_test` (for two groups equal to
  `logrank_test`).
- Cox: partial likelihood with Efron's handling of tied event times, Newton–Raphson with
  step-halving, Wald standard errors from the observed information.
- Concordance: `lifelines.utils.concordance_index`, where a HIGHER score means a LONGER survival
  (so a Cox model's concordance is computed on minus its linear predictor).
"""

from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2, norm

__all__ = [
    "CoxResult",
    "KaplanMeier",
    "LogRank",
    "concordance_index",
    "cox_ph",
    "group_hazard_ratios",
    "kaplan_meier",
    "logrank_test",
]


def _durations_events(durations, events) -> tuple[np.ndarray, np.ndarray]:
    d = np.asarray(durations, dtype=float)
    if d.ndim != 1:
        raise ValueError("durations must be a flat list of numbers")
    if d.size == 0:
        raise ValueError("no durations: survival needs at least one person")
    if not np.all(np.isfinite(d)):
        raise ValueError("durations must be finite numbers (found NaN or infinity)")
    if np.any(d < 0):
        raise ValueError("durations cannot be negative")
    e = np.asarray(events)
    if e.shape != d.shape:
        raise ValueError("durations and events must have the same length")
    if not np.all((e == 0) | (e == 1)):
        raise ValueError("events must be 1 (left) or 0 (censored)")
    return d, e.astype(bool)


def _readonly(*arrays: np.ndarray) -> None:
    for array in arrays:
        array.setflags(write=False)


@dataclass(frozen=True, eq=False)
class KaplanMeier:
    times: np.ndarray  # 0 and each distinct duration, ascending
    survival: np.ndarray  # S(t) just after t
    lower: np.ndarray
    upper: np.ndarray
    at_risk: np.ndarray  # people with duration >= t
    observed: np.ndarray  # events at t
    censored: np.ndarray  # censorings at t
    alpha: float

    def survival_at(self, t):
        """The step function: S at the last timeline point <= t, 1.0 before the timeline starts."""
        index = np.searchsorted(self.times, t, side="right") - 1
        values = np.where(index >= 0, self.survival[np.maximum(index, 0)], 1.0)
        return float(values) if np.ndim(values) == 0 else values

    def median(self) -> float | None:
        """First time S(t) <= 0.5 (lifelines' `median_survival_time_`); None when never reached."""
        reached = np.flatnonzero(self.survival <= 0.5)
        return float(self.times[reached[0]]) if reached.size else None

    def at_risk_table(self, points) -> list[dict]:
        """Counts under a chart, as lifelines' `add_at_risk_counts`: at each point, the people still
        at risk just after it (duration > point), and the events and censorings up to and including it."""
        removed = self.observed + self.censored
        cumulative_events = np.cumsum(self.observed)
        cumulative_censored = np.cumsum(self.censored)
        total = int(self.at_risk[0])
        table = []
        for point in points:
            index = int(np.searchsorted(self.times, point, side="right")) - 1
            if index < 0:
                table.append({"days": point, "at_risk": total, "events": 0, "censored": 0})
                continue
            table.append(
                {
                    "days": point,
                    "at_risk": int(self.at_risk[index] - removed[index]),
                    "events": int(cumulative_events[index]),
                    "censored": int(cumulative_censored[index]),
                }
            )
        return table

    def rows(self) -> list[dict]:
        return [
            {"days": float(t), "survival": float(s), "lower": float(lo), "upper": float(up), "at_risk": int(n)}
            for t, s, lo, up, n in zip(self.times, self.survival, self.lower, self.upper, self.at_risk, strict=True)
        ]


def kaplan_meier(durations, events, *, alpha: float = 0.05) -> KaplanMeier:
    d, e = _durations_events(durations, events)
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    times, index = np.unique(d, return_inverse=True)
    if times[0] > 0:
        times = np.concatenate([[0.0], times])
        index = index + 1
    observed = np.bincount(index, weights=e, minlength=times.size).astype(np.int64)
    censored = np.bincount(index, weights=~e, minlength=times.size).astype(np.int64)
    removed = observed + censored
    at_risk = d.size - np.cumsum(removed) + removed
    survival = np.cumprod(1.0 - observed / at_risk)
    # Greenwood's sum; a time where everybody left adds nothing (lifelines replaces its 1/0 by 0).
    left = at_risk - observed
    greenwood = np.cumsum(np.divide(observed, at_risk * left, out=np.zeros(times.size), where=left > 0))
    z = norm.ppf(1 - alpha / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_s = np.log(survival)
        spread = z * np.sqrt(greenwood) / log_s
        lower = np.exp(-np.exp(np.log(-log_s) - spread))
        upper = np.exp(-np.exp(np.log(-log_s) + spread))
    # S = 1 gives 0/0: the band is the point itself, as in lifelines.
    lower = np.nan_to_num(lower, nan=1.0)
    upper = np.nan_to_num(upper, nan=1.0)
    _readonly(times, survival, lower, upper, at_risk, observed, censored)
    return KaplanMeier(times, survival, lower, upper, at_risk, observed, censored, alpha)


@dataclass(frozen=True)
class LogRank:
    statistic: float
    df: int
    p_value: float


def logrank_test(durations, events, groups) -> LogRank:
    """Do the groups' survival curves differ? Chi-squared with k - 1 degrees of freedom."""
    d, e = _durations_events(durations, events)
    labels = np.asarray(groups)
    if labels.shape != d.shape:
        raise ValueError("groups must have the same length as durations")
    names, group = np.unique(labels, return_inverse=True)
    k = names.size
    if k < 2:
        raise ValueError("the log-rank test needs at least two groups")
    event_times = np.unique(d[e])
    if event_times.size == 0:
        raise ValueError("no events: the log-rank test needs at least one person who left")
    # at_risk[t, g]: members of g with duration >= t; deaths[t, g]: their events at t.
    members = [np.sort(d[group == g]) for g in range(k)]
    at_risk = np.column_stack([m.size - np.searchsorted(m, event_times, side="left") for m in members]).astype(float)
    deaths = np.zeros((event_times.size, k))
    np.add.at(deaths, (np.searchsorted(event_times, d[e]), group[e]), 1.0)
    n = at_risk.sum(axis=1)
    died = deaths.sum(axis=1)
    observed_minus_expected = (deaths - at_risk * (died / n)[:, None]).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ties = np.where(n > 1, (n - died) / (n - 1), 1.0)
    weight = ties * died / n**2
    covariance = np.diag((at_risk * (weight * n)[:, None]).sum(axis=0)) - (at_risk * weight[:, None]).T @ at_risk
    z = observed_minus_expected[:-1]
    statistic = float(z @ np.linalg.pinv(covariance[:-1, :-1]) @ z)
    return LogRank(statistic=statistic, df=k - 1, p_value=float(chi2.sf(statistic, k - 1)))


def concordance_index(event_times, predicted_scores, event_observed=None) -> float:
    """Harrell's C as lifelines computes it: a higher score predicts a LONGER survival.

    A pair counts when the shorter time is an event (equal times count only when exactly one of
    the two left, the leaver being the shorter); tied scores count one half."""
    times = np.asarray(event_times, dtype=float)
    scores = np.asarray(predicted_scores, dtype=float)
    events = np.ones(times.size, dtype=bool) if event_observed is None else np.asarray(event_observed).astype(bool)
    if not (times.shape == scores.shape == events.shape) or times.ndim != 1:
        raise ValueError("times, scores and events must be flat lists of the same length")
    if not (np.all(np.isfinite(times)) and np.all(np.isfinite(scores))):
        raise ValueError("times and scores must be finite numbers")
    # Longest first; at a tie the censored come before the events, so an event's partners are
    # everybody before its time's block of events (longer times, or censored at the same time).
    order = np.lexsort((events, -times))
    t, s, ev = times[order], scores[order], events[order]
    first_of_time = np.searchsorted(-t, -t, side="left")
    censored_at_time = np.bincount(first_of_time, weights=~ev, minlength=t.size)
    partners = (first_of_time + censored_at_time[first_of_time]).astype(np.int64)
    queries = np.flatnonzero(ev)
    queries = queries[np.argsort(partners[queries], kind="stable")]
    pairs = correct = ties = 0.0
    block = 1024
    seen = np.empty(0)
    for start in range(0, t.size + 1, block):
        stop = start + block
        chunk = queries[(partners[queries] >= start) & (partners[queries] < stop)]
        if chunk.size:
            q_scores, q_limit = s[chunk], partners[chunk]
            greater = seen.size - np.searchsorted(seen, q_scores, side="right")
            equal = np.searchsorted(seen, q_scores, side="right") - np.searchsorted(seen, q_scores, side="left")
            local = s[start:stop]
            visible = (np.arange(start, start + local.size)[None, :] < q_limit[:, None]).astype(float)
            greater = greater + (visible * (local[None, :] > q_scores[:, None])).sum(axis=1)
            equal = equal + (visible * (local[None, :] == q_scores[:, None])).sum(axis=1)
            pairs += float(np.sum(q_limit))
            correct += float(np.sum(greater))
            ties += float(np.sum(equal))
        seen = np.sort(np.concatenate([seen, s[start:stop]]))
    if pairs == 0:
        raise ValueError("no comparable pairs: concordance needs at least one event before another time")
    return (correct + 0.5 * ties) / pairs


@dataclass(frozen=True, eq=False)
class CoxResult:
    names: tuple[str, ...]
    coefficients: np.ndarray
    standard_errors: np.ndarray
    hazard_ratios: np.ndarray
    hazard_ratio_lower: np.ndarray  # 95% Wald interval
    hazard_ratio_upper: np.ndarray
    p_values: np.ndarray  # Wald
    log_likelihood: float
    concordance: float | None  # None when no pair is comparable
    n: int
    events: int
    iterations: int
    converged: bool
    separated: bool  # the likelihood flattened while a coefficient kept growing: it may be infinite

    def rows(self) -> list[dict]:
        return [
            {
                "name": name,
                "coefficient": float(self.coefficients[i]),
                "standard_error": float(self.standard_errors[i]),
                "hazard_ratio": float(self.hazard_ratios[i]),
                "lower": float(self.hazard_ratio_lower[i]),
                "upper": float(self.hazard_ratio_upper[i]),
                "p_value": float(self.p_values[i]),
            }
            for i, name in enumerate(self.names)
        ]


def _efron(beta, x, events, risk_end, event_groups, event_rows):
    """Partial log-likelihood, gradient and information with Efron ties; rows sorted by time
    descending, so the risk set of the g-th distinct event time is rows[: risk_end[g]]."""
    eta = x @ beta
    shift = eta.max()
    w = np.exp(eta - shift)
    wx = w[:, None] * x
    wxx = wx[:, :, None] * x[:, None, :]
    risk_w = np.cumsum(w)[risk_end - 1]
    risk_wx = np.cumsum(wx, axis=0)[risk_end - 1]
    risk_wxx = np.cumsum(wxx, axis=0)[risk_end - 1]
    starts = np.searchsorted(event_groups, np.arange(risk_end.size))
    dead_w = np.add.reduceat(w[event_rows], starts)
    dead_wx = np.add.reduceat(wx[event_rows], starts, axis=0)
    dead_wxx = np.add.reduceat(wxx[event_rows], starts, axis=0)
    # One term per event: the l-th of d tied deaths removes l/d of the tied group's weight.
    counts = np.bincount(event_groups, minlength=risk_end.size)
    rank = np.arange(event_groups.size) - starts[event_groups]
    fraction = rank / counts[event_groups]
    g = event_groups
    phi = risk_w[g] - fraction * dead_w[g]
    z = (risk_wx[g] - fraction[:, None] * dead_wx[g]) / phi[:, None]
    wxx_term = (risk_wxx[g] - fraction[:, None, None] * dead_wxx[g]) / phi[:, None, None]
    loglik = float(eta[events].sum() - np.log(phi).sum() - shift * events.sum())
    gradient = x[events].sum(axis=0) - z.sum(axis=0)
    information = (wxx_term - z[:, :, None] * z[:, None, :]).sum(axis=0)
    return loglik, gradient, information


def cox_ph(durations, events, covariates, names, *, max_iterations: int = 50, tolerance: float = 1e-9) -> CoxResult:
    """Cox proportional hazards on the given covariates (n x p). Raises ValueError for data that
    cannot identify the model (no events, a constant or collinear covariate); a model that does not
    converge or whose likelihood keeps rising toward an infinite coefficient (separation: e.g. every
    member of a band left first) comes back with `converged=False` / `separated=True`."""
    d, e = _durations_events(durations, events)
    x = np.asarray(covariates, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    names = tuple(names)
    if x.shape[0] != d.size or x.shape[1] != len(names):
        raise ValueError("covariates must be n rows by one column per name")
    if not np.all(np.isfinite(x)):
        raise ValueError("covariates must be finite numbers")
    if not e.any():
        raise ValueError("no events: a hazard model needs at least one person who left")
    mean, scale = x.mean(axis=0), x.std(axis=0)
    if np.any(scale == 0):
        constant = [name for name, s in zip(names, scale, strict=True) if s == 0]
        raise ValueError(f"covariate without variation: {', '.join(constant)}")
    # Standardised columns keep exp() tame; the estimates are scaled back at the end.
    z = (x - mean) / scale
    if np.linalg.matrix_rank(z) < z.shape[1]:
        raise ValueError("covariates are collinear: one is a combination of the others")

    order = np.argsort(-d, kind="stable")
    t, ev, z = d[order], e[order], z[order]
    event_times = np.unique(t[ev])[::-1]  # descending, like the rows
    risk_end = np.searchsorted(-t, -event_times, side="right")
    event_rows = np.flatnonzero(ev)
    event_groups = np.searchsorted(-event_times, -t[event_rows])

    def evaluate(b):
        return _efron(b, z, ev, risk_end, event_groups, event_rows)

    beta = np.zeros(z.shape[1])
    loglik, gradient, information = evaluate(beta)
    converged = separated = False
    iterations = 0
    for _ in range(max_iterations):
        iterations += 1
        try:
            step = np.linalg.solve(information, gradient)
        except np.linalg.LinAlgError as error:
            raise ValueError("the model cannot be estimated: the information matrix is singular") from error
        size = 1.0
        while True:
            candidate = beta + size * step
            new_loglik, new_gradient, new_information = evaluate(candidate)
            if np.isfinite(new_loglik) and new_loglik >= loglik - 1e-12:
                break
            size /= 2
            if size < 1e-10:
                raise ValueError("the model cannot be estimated: no step improves the likelihood")
        change = new_loglik - loglik
        beta, loglik, gradient, information = candidate, new_loglik, new_gradient, new_information
        if abs(change) < tolerance * (1 + abs(loglik)):
            # A flat likelihood while Newton still wants a large step: a coefficient heads for infinity.
            next_step = np.linalg.lstsq(information, gradient, rcond=None)[0]
            separated = bool(np.any(np.abs(next_step) > 1e-3 * np.maximum(1, np.abs(beta))))
            converged = not separated
            break

    try:
        covariance = np.linalg.inv(information)
    except np.linalg.LinAlgError as error:
        raise ValueError("the model cannot be estimated: the information matrix is singular") from error
    coefficients = beta / scale
    standard_errors = np.sqrt(np.clip(np.diag(covariance), 0, None)) / scale
    crit = norm.ppf(0.975)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        wald = coefficients / standard_errors
        hazard_ratios = np.exp(coefficients)
        lower = np.exp(coefficients - crit * standard_errors)
        upper = np.exp(coefficients + crit * standard_errors)
    p_values = 2 * norm.sf(np.abs(wald))
    try:
        concordance = concordance_index(d, -(x @ coefficients), e)
    except ValueError:
        concordance = None
    arrays = (coefficients, standard_errors, hazard_ratios, lower, upper, p_values)
    _readonly(*arrays)
    return CoxResult(
        names,
        *arrays,
        log_likelihood=loglik,
        concordance=concordance,
        n=int(d.size),
        events=int(e.sum()),
        iterations=iterations,
        converged=converged,
        separated=separated,
    )


def group_hazard_ratios(durations, events, groups, reference) -> tuple[CoxResult, list[dict]]:
    """Hazard ratio of each group against `reference` (e.g. fit band "high" vs "low") from one Cox
    model on indicator columns, with each group's size and events beside its ratio so a page can
    warn when they are too few. Rows: {"group", "n", "events", "hazard_ratio", "lower", "upper",
    "p_value"}; the reference's row has a ratio of 1 and no interval."""
    d, e = _durations_events(durations, events)
    labels = np.asarray(groups)
    if labels.shape != d.shape:
        raise ValueError("groups must have the same length as durations")
    others = [g for g in np.unique(labels).tolist() if g != reference]
    if reference not in labels.tolist():
        raise ValueError(f"the reference group {reference!r} has nobody in it")
    if not others:
        raise ValueError("hazard ratios need at least one group besides the reference")
    indicators = np.column_stack([labels == g for g in others]).astype(float)
    result = cox_ph(d, e, indicators, [str(g) for g in others])

    def counts(group):
        members = labels == group
        return {"group": group, "n": int(members.sum()), "events": int(e[members].sum())}

    rows = [{**counts(reference), "hazard_ratio": 1.0, "lower": None, "upper": None, "p_value": None}]
    for i, group in enumerate(others):
        rows.append(
            {
                **counts(group),
                "hazard_ratio": float(result.hazard_ratios[i]),
                "lower": float(result.hazard_ratio_lower[i]),
                "upper": float(result.hazard_ratio_upper[i]),
                "p_value": float(result.p_values[i]),
            }
        )
    return result, rows
