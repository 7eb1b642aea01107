"""Agents needed per interval: Erlang C, Erlang A (with abandonment), chat and e-mail. numpy/scipy only.

Traffic A = contacts × AHT / interval length (Erlangs); λ = contacts / interval, μ = 1 / AHT.

Erlang C (M/M/n): B(n, A) is Erlang B, extended to fractional n by B(s, A) = A^s e^-A / Γ(s+1, A)
(the upper incomplete gamma: equal to the textbook sum at whole n and smooth between them), computed
in log space with scipy's gammaln/gammaincc, so thousands of agents neither overflow nor lose
digits. C = B / (1 − (A/n)(1 − B)) is the probability of waiting (1 when n ≤ A); service level
= 1 − C·e^(−(n−A)·t/AHT); ASA = C·AHT / (n − A); occupancy = A / n. The reference case (100 contacts in
30 minutes, AHT 180 s, 80 % in 20 s, occupancy ≤ 85 %) gives 14 agents, service level 0.8884,
occupancy 0.7143, P(wait) 0.1741, ASA 7.84 s and 20 agents after 30 % shrinkage, as pyworkforce
and R's ErlangC do.

Erlang A (M/M/n+M): callers give up after an exponential patience with mean 1/θ. With x = λ/θ,
a = nμ/θ and M(b, x) = Σ_j x^j / ((b+1)…(b+j)) (Kummer's 1F1(1; b+1; x)), the waiting time an
arrival would need, V, has an atom 1 − P(wait) at 0 and the density π·λ·exp(x(1 − e^(−θv)) − nμv)
above it (Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of performance measures"), where
1/π = 1/B(n−1, A) + (A/n)·M(a, x). A contact is answered if its patience outlasts V, so:
  P(wait)       = π·(A/n)·M(a, x)
  answered late = π·(x/(a+1))·M(a+1, x)            (answered after waiting, any wait)
  abandonment   = P(wait) − answered late           (share of OFFERED contacts that give up)
  service level = 1 − P(wait) + π·(x/(a+1))·[M(a+1, x) − e^(x−y−nμt)·(y/x)·M(a+1, y)],  y = x·e^(−θt)
ASA is the mean wait of the ANSWERED contacts: E[wait; answered] = π·(x/θ)·(−∂/∂b)[M(b, x)/b] at
b = a+1, over 1 − abandonment (the b-derivative of ln M by a five-point difference, good to about
1e-10); occupancy = A·(1 − abandonment)/n (abandoned contacts take no agent time), and the
occupancy cap applies to it. The service level is the share of OFFERED contacts answered within the target: abandoned
contacts count against it, whenever they hang up. That is the definition that reproduces the
issue's reference values: 13 agents on the traffic above with a mean patience of 120 s answer
0.8886 of the offered contacts within 20 s, 3.84 % abandon (the share of ANSWERED contacts answered
in time would be 0.924; counting early hang-ups as met, 0.911). As the patience grows, every figure
tends to Erlang C's (patience=math.inf is Erlang C exactly). M is scipy's hyp1f1 where b ≥ x and the
log-space incomplete gamma (e^x x^−b Γ(b+1) P(b, x)) where b < x, where hyp1f1 would overflow.

Chat: an agent works `concurrency` conversations at once (fractional means a mix: 2.5 = half the
agents take three). Each conversation holds one of the agent's slots for the chat AHT, measured as
the conversation's length from pick-up to close, which already carries the slowdown of
multitasking. The slots are the servers of Erlang C: the smallest whole number of agents whose
n × concurrency slots (fractional slots through the continuous Erlang B) meet the service level
and the occupancy cap on the slots. A chat waits only until any slot frees, so this needs fewer
agents than dividing the AHT by the concurrency and staffing single-server agents.

E-mail is not queued live: a mail waits in a backlog and must be answered within the response-time
target (hours), so its staffing is workload, contacts × AHT in agent-hours, which the plan spreads
over the opening hours inside that target.

Bad arguments raise ValueError with a sentence the API can return as it is.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import gammainc, gammaincc, gammaln, hyp1f1, hyperu

__all__ = [
    "ErlangA",
    "Staffing",
    "agents_required",
    "agents_required_many",
    "asa_seconds",
    "chat_agents_required",
    "email_agent_hours",
    "erlang_a",
    "erlang_c",
    "gross_agents",
    "service_level",
    "service_level_many",
    "traffic_erlangs",
]

# Below this, gammaincc has lost its digits to underflow and 1/B comes from hyperu instead.
_UNDERFLOW = 1e-280
# A ratio within this of a whole number is that number (10 / 0.85 is fine, 14 / 0.7 must be 20).
_NOISE = 1e-9


@dataclass(frozen=True)
class Staffing:
    agents: int  # net agents (on the phones), the smallest meeting the service level and occupancy cap
    agents_with_shrinkage: int  # ceil(agents / (1 - shrinkage))
    service_level: float  # share answered within the target at `agents`
    occupancy: float
    probability_of_waiting: float
    asa_seconds: float
    abandonment: float | None  # Erlang A only (share of offered contacts that abandon)


@dataclass(frozen=True)
class ErlangA:
    service_level: float  # share of offered contacts answered within the target
    abandonment: float  # share of offered contacts that give up
    probability_of_waiting: float
    asa_seconds: float  # mean wait of the answered contacts
    occupancy: float


# --- arguments -------------------------------------------------------------------------------


def _number(value, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number") from None
    if math.isnan(number):
        raise ValueError(f"{name} must be a number")
    return number


def _at_least(value, name: str, minimum: float = 0.0, *, strict: bool = False, finite: bool = True) -> float:
    number = _number(value, name)
    if finite and math.isinf(number):
        raise ValueError(f"{name} must be a finite number")
    if number < minimum or (strict and number == minimum):
        raise ValueError(f"{name} must be {'more than' if strict else 'at least'} {minimum:g}")
    return number


def _share(value, name: str, *, low_open: bool, high_open: bool) -> float:
    number = _number(value, name)
    low_bad = number <= 0 if low_open else number < 0
    high_bad = number >= 1 if high_open else number > 1
    if low_bad or high_bad:
        low = "more than 0" if low_open else "at least 0"
        high = "less than 1" if high_open else "at most 1"
        raise ValueError(f"{name} must be {low} and {high} (0.8 means 80 %)")
    return number


def _targets(service_level_target, max_occupancy) -> tuple[float, float]:
    return (
        _share(service_level_target, "service level", low_open=True, high_open=True),
        _share(max_occupancy, "maximum occupancy", low_open=True, high_open=False),
    )


def _patience(patience_seconds) -> float | None:
    if patience_seconds is None:
        return None
    return _at_least(patience_seconds, "patience (seconds)", strict=True, finite=False)


def _concurrency(concurrency) -> float:
    return _at_least(concurrency, "concurrency (chats per agent)", 1.0)


def _ceil(value):
    """Ceiling that ignores float noise: 14 / (1 - 0.3) = 20.000000000000004 is 20."""
    nearest = np.rint(value)
    return np.where(np.abs(value - nearest) <= _NOISE * np.maximum(1.0, np.abs(value)), nearest, np.ceil(value))


# --- the queueing functions on arrays (traffic > 0 everywhere) --------------------------------


def _log_inverse_erlang_b(servers, traffic):
    """ln(1 / B(s, A)) for s > -1, A > 0, with B's continuous extension to fractional s."""
    servers, traffic = np.broadcast_arrays(np.asarray(servers, float), np.asarray(traffic, float))
    upper = gammaincc(servers + 1.0, traffic)
    exact = upper > _UNDERFLOW
    out = np.empty(servers.shape)
    s, a = servers[exact], traffic[exact]
    out[exact] = -s * np.log(a) + a + gammaln(s + 1.0) + np.log(upper[exact])
    # Far fewer servers than Erlangs: Γ(s+1, A) e^A A^-s = A·U(1, s+2, A) keeps its digits.
    s, a = servers[~exact], traffic[~exact]
    out[~exact] = np.log(a * hyperu(1.0, s + 2.0, a))
    return out


def _erlang_c_core(traffic, servers):
    """P(wait) for servers > traffic > 0."""
    blocking = np.exp(-_log_inverse_erlang_b(servers, traffic))
    return blocking / (1.0 - traffic / servers * (1.0 - blocking))


def _log_kummer(b, x, hypergeometric=None):
    """ln M(b, x), M(b, x) = Σ_j x^j / ((b+1)…(b+j)) = 1F1(1; b+1; x), for b > 0, x ≥ 0."""
    b, x = np.broadcast_arrays(np.asarray(b, float), np.asarray(x, float))
    if hypergeometric is None:
        hypergeometric = b >= x
    out = np.empty(b.shape)
    h = hypergeometric
    out[h] = np.log(hyp1f1(1.0, b[h] + 1.0, x[h]))
    bb, xx = b[~h], x[~h]
    out[~h] = xx - bb * np.log(xx) + gammaln(bb + 1.0) + np.log(gammainc(bb, xx))
    return out


def _dlog_kummer_db(b, x):
    """∂/∂b ln M(b, x) by a five-point difference, on one branch of _log_kummer for all points."""
    hypergeometric = b >= x
    step = 1e-3 * np.minimum(b, np.sqrt(b) + np.abs(b - x))

    def at(k):
        return _log_kummer(b + k * step, x, hypergeometric)

    return (at(-2) - 8.0 * at(-1) + 8.0 * at(1) - at(2)) / (12.0 * step)


def _erlang_a_core(traffic, servers, aht, patience, target, *, with_asa=True):
    """Erlang A for traffic > 0, servers > 0, finite patience; arrays broadcast together.
    Returns (service level, abandonment, P(wait), ASA or None, occupancy)."""
    traffic, servers, aht, patience, target = np.broadcast_arrays(
        *(np.asarray(v, float) for v in (traffic, servers, aht, patience, target))
    )
    x = traffic * patience / aht  # arrivals during a mean patience
    a = servers * patience / aht  # service completions of busy servers during a mean patience
    log_waiting = np.log(traffic / servers) + _log_kummer(a, x)
    log_inverse_b = _log_inverse_erlang_b(servers - 1.0, traffic)
    log_z = np.logaddexp(log_inverse_b, log_waiting)
    waiting = np.exp(log_waiting - log_z)
    answered_at_once = np.exp(log_inverse_b - log_z)  # 1 - waiting, without losing its digits in overload
    b = a + 1.0
    # x underflows to 0 for a vanishing forecast (1e-310 contacts): then no one is answered late.
    log_x = np.log(x, out=np.full(x.shape, -np.inf), where=x > 0)
    answered_late = np.exp(log_x - np.log(b) + _log_kummer(b, x) - log_z)
    y = x * np.exp(-target / patience)
    after_target = np.zeros(x.shape)
    alive = y > 0
    after_target[alive] = np.exp(
        (x * -np.expm1(-target / patience))[alive]
        - (servers * target / aht)[alive]
        + np.log(y[alive] / b[alive])
        + _log_kummer(b[alive], y[alive])
        - log_z[alive]
    )
    abandonment = np.clip(waiting - answered_late, 0.0, 1.0)
    level = np.clip(answered_at_once + (answered_late - after_target), 0.0, 1.0)
    answered = answered_at_once + answered_late  # 1 - abandonment, summed rather than subtracted
    occupancy = np.minimum(traffic * answered / servers, 1.0)
    asa = None
    if with_asa:
        mean_wait_of_answered = patience * (1.0 / b - _dlog_kummer_db(b, x)) * answered_late
        asa = np.divide(mean_wait_of_answered, answered, out=np.full(x.shape, np.inf), where=answered > 0)
    return level, abandonment, waiting, asa, occupancy


# --- scalar API -----------------------------------------------------------------------------


def traffic_erlangs(contacts: float, aht_seconds: float, interval_seconds: float) -> float:
    contacts = _at_least(contacts, "contacts")
    aht_seconds = _at_least(aht_seconds, "AHT (seconds)", strict=True)
    interval_seconds = _at_least(interval_seconds, "interval length (seconds)", strict=True)
    return contacts * aht_seconds / interval_seconds


def _traffic_agents(traffic, agents) -> tuple[float, float]:
    return _at_least(traffic, "traffic (Erlangs)"), _at_least(agents, "agents")


def erlang_c(traffic: float, agents: float) -> float:
    """Probability that a contact waits; fractional agents allowed; 1.0 if agents <= traffic.
    Zero traffic: no contact ever waits (0.0)."""
    traffic, agents = _traffic_agents(traffic, agents)
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    return float(_erlang_c_core(traffic, agents))


def service_level(traffic: float, agents: float, aht_seconds: float, target_seconds: float) -> float:
    """Erlang C share answered within target_seconds; 0.0 if agents <= traffic, 1.0 without traffic."""
    traffic, agents = _traffic_agents(traffic, agents)
    aht_seconds = _at_least(aht_seconds, "AHT (seconds)", strict=True)
    target_seconds = _at_least(target_seconds, "target answer time (seconds)")
    if traffic == 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    waiting = _erlang_c_core(traffic, agents)
    return float(max(0.0, 1.0 - waiting * math.exp(-(agents - traffic) * target_seconds / aht_seconds)))


def asa_seconds(traffic: float, agents: float, aht_seconds: float) -> float:
    """Erlang C average speed of answer; math.inf if agents <= traffic, 0.0 without traffic."""
    traffic, agents = _traffic_agents(traffic, agents)
    aht_seconds = _at_least(aht_seconds, "AHT (seconds)", strict=True)
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return math.inf
    return float(_erlang_c_core(traffic, agents) * aht_seconds / (agents - traffic))


def erlang_a(
    *,
    contacts: float,
    interval_seconds: float,
    aht_seconds: float,
    patience_seconds: float,
    agents: float,
    target_seconds: float,
) -> ErlangA:
    """Erlang A at `agents` (fractional allowed); patience_seconds=math.inf is Erlang C."""
    traffic = traffic_erlangs(contacts, aht_seconds, interval_seconds)
    patience = _patience(patience_seconds)
    if patience is None:
        raise ValueError("patience (seconds) is required for Erlang A")
    agents = _at_least(agents, "agents")
    target_seconds = _at_least(target_seconds, "target answer time (seconds)")
    if traffic == 0:
        return ErlangA(service_level=1.0, abandonment=0.0, probability_of_waiting=0.0, asa_seconds=0.0, occupancy=0.0)
    if agents == 0:
        raise ValueError("agents must be more than 0 when there are contacts")
    if math.isinf(patience):
        return ErlangA(
            service_level=service_level(traffic, agents, aht_seconds, target_seconds),
            abandonment=0.0,
            probability_of_waiting=erlang_c(traffic, agents),
            asa_seconds=asa_seconds(traffic, agents, aht_seconds),
            occupancy=min(1.0, traffic / agents),
        )
    level, abandonment, waiting, asa, occupancy = _erlang_a_core(traffic, agents, aht_seconds, patience, target_seconds)
    return ErlangA(
        service_level=float(level),
        abandonment=float(abandonment),
        probability_of_waiting=float(waiting),
        asa_seconds=float(asa),
        occupancy=float(occupancy),
    )


def gross_agents(agents: float, shrinkage: float) -> int:
    """Agents to schedule so that `agents` are on the phones after shrinkage (breaks, training,
    absence): ceil(agents / (1 - shrinkage)), 14 at 30 % is 20 (not 21 by float noise)."""
    agents = _at_least(agents, "agents")
    shrinkage = _share(shrinkage, "shrinkage", low_open=False, high_open=True)
    return int(_ceil(agents / (1.0 - shrinkage)))


def _staffing_at(traffic, agents, servers, aht, target, patience, shrinkage) -> Staffing:
    if patience is None or math.isinf(patience):
        return Staffing(
            agents=agents,
            agents_with_shrinkage=gross_agents(agents, shrinkage),
            service_level=service_level(traffic, servers, aht, target),
            occupancy=traffic / servers,
            probability_of_waiting=erlang_c(traffic, servers),
            asa_seconds=asa_seconds(traffic, servers, aht),
            abandonment=None if patience is None else 0.0,
        )
    level, abandonment, waiting, asa, occupancy = _erlang_a_core(traffic, servers, aht, patience, target)
    return Staffing(
        agents=agents,
        agents_with_shrinkage=gross_agents(agents, shrinkage),
        service_level=float(level),
        occupancy=float(occupancy),
        probability_of_waiting=float(waiting),
        asa_seconds=float(asa),
        abandonment=float(abandonment),
    )


def _required(
    *,
    contacts,
    interval_seconds,
    aht_seconds,
    target_answer_seconds,
    service_level_target,
    max_occupancy,
    shrinkage,
    patience_seconds,
    concurrency,
) -> Staffing:
    """One interval, in plain Python: agents_required_many must give the same counts."""
    traffic = traffic_erlangs(contacts, aht_seconds, interval_seconds)
    target = _at_least(target_answer_seconds, "target answer time (seconds)")
    level_target, cap = _targets(service_level_target, max_occupancy)
    _share(shrinkage, "shrinkage", low_open=False, high_open=True)
    patience = _patience(patience_seconds)
    if traffic == 0:
        return Staffing(0, 0, 1.0, 0.0, 0.0, 0.0, None if patience is None else 0.0)
    # Erlang C: one agent at a time from the floor no fewer agents can pass (more than A, within the cap).
    agents = int(max(math.floor(traffic / concurrency) + 1, _ceil(traffic / (concurrency * cap))))
    while service_level(traffic, agents * concurrency, aht_seconds, target) < level_target:
        agents += 1
    if patience is not None and not math.isinf(patience):

        def passes(candidate: int) -> bool:
            level, _, _, _, occupancy = _erlang_a_core(
                traffic, candidate * concurrency, aht_seconds, patience, target, with_asa=False
            )
            return bool(level >= level_target and occupancy <= cap)

        # Erlang A: bisection between a count that fails (n·concurrency / A is the most of the offered
        # contacts that can be answered at all) and one that passes (Erlang C's, doubled while it fails).
        low = max(0, math.ceil(level_target * traffic / concurrency) - 1)
        high = max(agents, low + 1)
        while not passes(high):
            low, high = high, 2 * high
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (low, middle) if passes(middle) else (middle, high)
        agents = high
    return _staffing_at(traffic, agents, agents * concurrency, aht_seconds, target, patience, shrinkage)


def agents_required(
    *,
    contacts: float,
    interval_seconds: float,
    aht_seconds: float,
    target_answer_seconds: float,
    service_level: float,
    max_occupancy: float = 1.0,
    shrinkage: float = 0.0,
    patience_seconds: float | None = None,
) -> Staffing:
    """Net agents for one interval: Erlang C, or Erlang A when patience_seconds is given."""
    return _required(
        contacts=contacts,
        interval_seconds=interval_seconds,
        aht_seconds=aht_seconds,
        target_answer_seconds=target_answer_seconds,
        service_level_target=service_level,
        max_occupancy=max_occupancy,
        shrinkage=shrinkage,
        patience_seconds=patience_seconds,
        concurrency=1.0,
    )


def chat_agents_required(
    *,
    contacts: float,
    interval_seconds: float,
    aht_seconds: float,
    concurrency: float,
    target_answer_seconds: float,
    service_level: float,
    max_occupancy: float = 1.0,
    shrinkage: float = 0.0,
) -> Staffing:
    """Chat agents: Erlang C on agents × concurrency slots (see the module docstring). The
    occupancy returned is the slots' (the share of slot time in conversations)."""
    return _required(
        contacts=contacts,
        interval_seconds=interval_seconds,
        aht_seconds=aht_seconds,
        target_answer_seconds=target_answer_seconds,
        service_level_target=service_level,
        max_occupancy=max_occupancy,
        shrinkage=shrinkage,
        patience_seconds=None,
        concurrency=_concurrency(concurrency),
    )


def email_agent_hours(*, contacts, aht_seconds):
    """E-mail backlog workload in agent-hours (contacts × AHT / 3600). Numbers or equal-length
    arrays (then an array of hours)."""
    contacts_array = np.asarray(contacts, dtype=float)
    aht_array = np.asarray(aht_seconds, dtype=float)
    if np.any(np.isnan(contacts_array)) or np.any(np.isnan(aht_array)):
        raise ValueError("contacts and AHT must be numbers")
    if np.any(contacts_array < 0) or np.any(np.isinf(contacts_array)):
        raise ValueError("contacts must be finite and at least 0")
    if np.any(aht_array < 0) or np.any(np.isinf(aht_array)) or np.any((aht_array == 0) & (contacts_array > 0)):
        raise ValueError("AHT (seconds) must be more than 0 where there are e-mails")
    hours = contacts_array * aht_array / 3600.0
    return float(hours) if hours.ndim == 0 else hours


# --- vectorised API -------------------------------------------------------------------------


def _interval_arrays(contacts, aht_seconds, interval_seconds):
    contacts, aht = np.asarray(contacts, dtype=float), np.asarray(aht_seconds, dtype=float)
    if aht.ndim == 0:
        aht = np.full(contacts.shape, float(aht))
    if contacts.ndim != 1 or aht.shape != contacts.shape:
        raise ValueError("contacts and AHT must be flat lists of equal length (one value per interval)")
    if not (np.all(np.isfinite(contacts)) and np.all(np.isfinite(aht))):
        raise ValueError("contacts and AHT must be finite numbers")
    if np.any(contacts < 0):
        raise ValueError("contacts must be at least 0")
    if np.any(aht < 0) or np.any((aht == 0) & (contacts > 0)):
        raise ValueError("AHT (seconds) must be more than 0 in every interval with contacts")
    interval = _at_least(interval_seconds, "interval length (seconds)", strict=True)
    return contacts, aht, contacts * aht / interval


def _required_erlang_c(traffic, aht, target, level_target, cap, concurrency):
    """Smallest whole agents per interval (traffic > 0): start at the floor no fewer agents can
    pass and add one at a time where the service level is short. With one chat per agent, Erlang B
    steps by its recursion B(n) = A·B(n−1) / (n + A·B(n−1)), a few flops per interval and step."""
    agents = np.maximum(np.floor(traffic / concurrency) + 1.0, _ceil(traffic / (concurrency * cap)))
    result = np.empty(traffic.shape)
    todo = np.arange(traffic.size)
    a, t, n = traffic, target / aht, agents
    blocking = np.exp(-_log_inverse_erlang_b(n * concurrency, a))
    while todo.size:
        servers = n * concurrency
        waiting = blocking / (1.0 - a / servers * (1.0 - blocking))
        short = 1.0 - waiting * np.exp(-(servers - a) * t) < level_target
        result[todo[~short]] = n[~short]
        todo, a, t, n, blocking = todo[short], a[short], t[short], n[short] + 1.0, blocking[short]
        if concurrency == 1.0:
            blocking = a * blocking / (n + a * blocking)
        elif todo.size:
            blocking = np.exp(-_log_inverse_erlang_b(n * concurrency, a))
    return result


def _required_erlang_a(traffic, aht, patience, target, level_target, cap, concurrency):
    """Bisection on whole agents between a count that cannot pass (it could answer fewer than the
    target share even without queueing) and one that does (from Erlang C, doubled while short)."""

    def passes(which, agents):
        level, _, _, _, occupancy = _erlang_a_core(
            traffic[which], agents * concurrency, aht[which], patience, target, with_asa=False
        )
        return (level >= level_target) & (occupancy <= cap)

    low = np.maximum(np.ceil(level_target * traffic / concurrency) - 1.0, 0.0)
    high = np.maximum(_required_erlang_c(traffic, aht, target, level_target, cap, concurrency), low + 1.0)
    short = ~passes(np.arange(traffic.size), high)
    while short.any():
        which = np.flatnonzero(short)
        low[which], high[which] = high[which], 2.0 * high[which]
        short[which] = ~passes(which, high[which])
    while True:
        which = np.flatnonzero(high - low > 1.0)
        if not which.size:
            return high
        middle = np.floor((low[which] + high[which]) / 2.0)
        ok = passes(which, middle)
        high[which[ok]] = middle[ok]
        low[which[~ok]] = middle[~ok]


def agents_required_many(
    contacts,
    aht_seconds,
    *,
    interval_seconds: float,
    target_answer_seconds: float,
    service_level: float,
    max_occupancy: float = 1.0,
    patience_seconds: float | None = None,
    concurrency: float = 1.0,
) -> np.ndarray:
    """Net agents per interval (int array, 0 where contacts == 0), the same as agents_required
    row by row; concurrency > 1 staffs chat as chat_agents_required does."""
    contacts, aht, traffic = _interval_arrays(contacts, aht_seconds, interval_seconds)
    target = _at_least(target_answer_seconds, "target answer time (seconds)")
    level_target, cap = _targets(service_level, max_occupancy)
    patience = _patience(patience_seconds)
    concurrency = _concurrency(concurrency)
    agents = np.zeros(contacts.shape, dtype=np.int64)
    busy = traffic > 0
    if not busy.any():
        return agents
    if patience is None or math.isinf(patience):
        found = _required_erlang_c(traffic[busy], aht[busy], target, level_target, cap, concurrency)
    else:
        found = _required_erlang_a(traffic[busy], aht[busy], patience, target, level_target, cap, concurrency)
    agents[busy] = found.astype(np.int64)
    return agents


def service_level_many(
    contacts,
    aht_seconds,
    agents,
    *,
    interval_seconds: float,
    target_answer_seconds: float,
    patience_seconds: float | None = None,
    concurrency: float = 1.0,
) -> np.ndarray:
    """Service level per interval at the given (possibly fractional) agents: 1 where contacts == 0;
    Erlang C gives 0 where agents × concurrency <= traffic, Erlang A its value (0 with no agents)."""
    contacts, aht, traffic = _interval_arrays(contacts, aht_seconds, interval_seconds)
    agents = np.asarray(agents, dtype=float)
    if agents.ndim == 0:
        agents = np.full(contacts.shape, float(agents))
    if agents.shape != contacts.shape:
        raise ValueError("agents must be one number or one value per interval")
    if not np.all(np.isfinite(agents)) or np.any(agents < 0):
        raise ValueError("agents must be finite and at least 0")
    target = _at_least(target_answer_seconds, "target answer time (seconds)")
    patience = _patience(patience_seconds)
    servers = agents * _concurrency(concurrency)
    level = np.ones(contacts.shape)
    busy = traffic > 0
    level[busy] = 0.0
    if patience is None or math.isinf(patience):
        open_ = busy & (servers > traffic)
        a, s = traffic[open_], servers[open_]
        level[open_] = np.maximum(0.0, 1.0 - _erlang_c_core(a, s) * np.exp(-(s - a) * target / aht[open_]))
    else:
        open_ = busy & (servers > 0)
        level[open_] = _erlang_a_core(traffic[open_], servers[open_], aht[open_], patience, target, with_asa=False)[0]
    return level
