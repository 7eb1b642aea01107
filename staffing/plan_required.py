"""From forecast traffic to the agents and FTE it needs, and the service level a head count gives.
Pure: numpy and staffing.analysis, no Django.

Per interval, net agents (on contacts, before shrinkage):
- phone: Erlang C for the service-level target with the occupancy cap, or Erlang A (callers who hang
  up) when a mean patience is set;
- chat: erlang.chat_agents_required (an agent holds `chat_concurrency` chats at once) against the chat
  answer-time target;
- e-mail: no queue to answer live, only work: the day's contacts × AHT, done within the response-time
  target. With a target of N days (N = ⌈hours ÷ 24⌉) each day's work is spread evenly over that day
  and the open days among the N − 1 after it; a target of a day or less keeps it on its own day.
Net agent-hours per day are the interval agents × the interval length; gross hours add shrinkage
(÷ (1 − shrinkage)); FTE over a period = gross agent-hours ÷ (weekly hours × days in the period ÷ 7),
so a month's FTE is the head count that, working full time, covers every day of it, weekends included.
Channels are staffed separately (no agent is counted on two queues at once), so a centre's
requirement is the sum of its channels'.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from staffing.analysis import erlang
from staffing.analysis.channels import EMAIL, PHONE
from staffing.analysis.forecast import Series


@dataclass(frozen=True)
class Assumptions:
    service_level: float
    target_answer_seconds: int
    max_occupancy: float
    shrinkage: float
    patience_seconds: int | None
    chat_concurrency: float
    chat_target_answer_seconds: int
    email_response_hours: int
    weekly_hours: float


@dataclass(frozen=True)
class ChannelNeed:
    """One channel's forecast on a full grid of days × intervals, with the net agents it needs."""

    channel: str
    interval_minutes: int
    days: np.ndarray  # datetime64[D], consecutive
    contacts: np.ndarray  # (days, slots)
    aht_seconds: np.ndarray  # (days, slots)
    agents: np.ndarray | None  # (days, slots) net agents; None for e-mail (no queue)
    net_hours: np.ndarray  # (days,) net agent-hours


def scaled(series: Series, *, traffic: float = 1.0, aht: float = 1.0) -> Series:
    """The series with `traffic` × the contacts and `aht` × the handling time (what-if factors)."""
    return Series(
        series.channel, series.interval_minutes, series.starts, series.contacts * traffic, series.aht_seconds * aht
    )


def _grid(series: Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A forecast covers every interval of every day: reshape it to days × slots."""
    slots = 24 * 60 // series.interval_minutes
    if len(series.starts) % slots:
        raise ValueError(f"the {series.channel} forecast does not cover whole days")
    days = series.starts[::slots].astype("datetime64[D]")
    return days, series.contacts.reshape(-1, slots), series.aht_seconds.reshape(-1, slots)


def _queue_settings(channel: str, a: Assumptions) -> dict:
    """Phone: the call target, Erlang A when a patience is set; chat: the chat target, the agent's
    concurrent chats as servers (erlang.chat_agents_required's model), nobody hanging up."""
    if channel == PHONE:
        return {"target_answer_seconds": a.target_answer_seconds, "patience_seconds": a.patience_seconds}
    return {"target_answer_seconds": a.chat_target_answer_seconds, "concurrency": a.chat_concurrency}


def _queue_agents(channel: str, contacts: np.ndarray, aht: np.ndarray, interval_seconds: int, a: Assumptions):
    agents = np.zeros(contacts.shape)
    busy = contacts > 0
    if busy.any():
        agents[busy] = erlang.agents_required_many(
            contacts[busy],
            aht[busy],
            interval_seconds=interval_seconds,
            service_level=a.service_level,
            max_occupancy=a.max_occupancy,
            **_queue_settings(channel, a),
        )
    return agents


def email_days(response_hours: int) -> int:
    return max(1, math.ceil(response_hours / 24))


def spread_work(hours: np.ndarray, open_days: np.ndarray, window: int) -> np.ndarray:
    """Each day's work shared evenly by the open days among it and the `window` − 1 days after it
    (kept on its own day when none of them is open). Work that would fall past the last day is lost
    to the period, as work arriving before its first day is not in it."""
    done = np.zeros(len(hours))
    for day, work in enumerate(hours):
        if work <= 0:
            continue
        targets = [d for d in range(day, min(day + window, len(hours))) if open_days[d]] or [day]
        done[targets] += work / len(targets)
    return done


def channel_need(series: Series, a: Assumptions) -> ChannelNeed:
    days, contacts, aht = _grid(series)
    interval_hours = series.interval_minutes / 60
    if series.channel == EMAIL:
        work = (contacts * aht).sum(axis=1) / 3600
        net_hours = spread_work(work, contacts.sum(axis=1) > 0, email_days(a.email_response_hours))
        return ChannelNeed(series.channel, series.interval_minutes, days, contacts, aht, None, net_hours)
    agents = _queue_agents(series.channel, contacts, aht, series.interval_minutes * 60, a)
    return ChannelNeed(
        series.channel, series.interval_minutes, days, contacts, aht, agents, agents.sum(axis=1) * interval_hours
    )


def gross_hours(net_hours: np.ndarray, shrinkage: float) -> np.ndarray:
    return net_hours / (1.0 - shrinkage)


def fte(gross: float, days: int, weekly_hours: float) -> float:
    return gross / (weekly_hours * days / 7)


def month_starts(first: date, months: int) -> list[date]:
    result, year, month = [], first.year, first.month
    for _ in range(months):
        result.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _period_index(days: np.ndarray, starts: Sequence[date]) -> np.ndarray:
    """Index of the period (given by its first day, sorted) each day falls in."""
    edges = np.array([np.datetime64(s) for s in starts])
    return np.searchsorted(edges, days, side="right") - 1


def fte_by_period(need: ChannelNeed, starts: Sequence[date], end: date, a: Assumptions) -> list[float]:
    """Gross FTE of each period [starts[i], starts[i + 1]) (the last one up to `end`, exclusive)."""
    index = _period_index(need.days, starts)
    gross = gross_hours(need.net_hours, a.shrinkage)
    bounds = [*starts, end]
    return [
        fte(float(gross[index == i].sum()), (bounds[i + 1] - bounds[i]).days, a.weekly_hours)
        for i in range(len(starts))
    ]


def week_starts(first: date, end: date) -> list[date]:
    """The first day of each ISO week (Monday) in [first, end), the first week starting on `first`."""
    starts = [first]
    monday = first + timedelta(days=7 - first.weekday())
    while monday < end:
        starts.append(monday)
        monday += timedelta(days=7)
    return starts


def daily_fte(need: ChannelNeed, a: Assumptions) -> np.ndarray:
    return gross_hours(need.net_hours, a.shrinkage) / (a.weekly_hours / 7)


def _service_levels(need: ChannelNeed, agents: np.ndarray, a: Assumptions) -> np.ndarray:
    busy = need.contacts > 0
    levels = np.ones(need.contacts.shape)
    if busy.any():
        levels[busy] = erlang.service_level_many(
            need.contacts[busy],
            need.aht_seconds[busy],
            agents[busy],
            interval_seconds=need.interval_minutes * 60,
            **_queue_settings(need.channel, a),
        )
    return levels


def service_level_by_month(
    needs: Sequence[ChannelNeed], staffed: Sequence[float], starts: Sequence[date], a: Assumptions
):
    """The contact-weighted service level of the live channels (phone, chat) in each month when
    `staffed[i]` of the month's requirement is on duty (0.9 = 90 %): the available agents spread over
    the month's intervals in proportion to what each needs, so every interval gets the same share."""
    weighted = np.zeros(len(starts))
    contacts = np.zeros(len(starts))
    for need in needs:
        if need.agents is None:
            continue
        index = _period_index(need.days, starts)
        share = np.asarray(staffed, dtype=float)[np.clip(index, 0, len(starts) - 1)]
        levels = _service_levels(need, need.agents * share[:, None], a)
        for i in range(len(starts)):
            rows = index == i
            weighted[i] += float((levels[rows] * need.contacts[rows]).sum())
            contacts[i] += float(need.contacts[rows].sum())
    return [float(w / c) if c > 0 else None for w, c in zip(weighted, contacts, strict=True)]


def interval_staffing(
    *,
    contacts: float,
    interval_seconds: float,
    aht_seconds: float,
    target_answer_seconds: float,
    service_level: float,
    max_occupancy: float,
    shrinkage: float,
    patience_seconds: float | None,
) -> erlang.Staffing:
    """One interval's answer, as erlang.agents_required gives it, with the agents found by the vectorised
    search: that bisects where agents_required walks one agent at a time, which takes seconds for an
    Erlang A queue of thousands of agents under a low occupancy cap."""
    agents = int(
        erlang.agents_required_many(
            [contacts],
            [aht_seconds],
            interval_seconds=interval_seconds,
            target_answer_seconds=target_answer_seconds,
            service_level=service_level,
            max_occupancy=max_occupancy,
            patience_seconds=patience_seconds,
        )[0]
    )
    gross = erlang.gross_agents(agents, shrinkage)
    traffic = erlang.traffic_erlangs(contacts, aht_seconds, interval_seconds)
    if agents == 0:
        return erlang.Staffing(0, 0, 1.0, 0.0, 0.0, 0.0, None if patience_seconds is None else 0.0)
    if patience_seconds is None:
        return erlang.Staffing(
            agents=agents,
            agents_with_shrinkage=gross,
            service_level=erlang.service_level(traffic, agents, aht_seconds, target_answer_seconds),
            occupancy=traffic / agents,
            probability_of_waiting=erlang.erlang_c(traffic, agents),
            asa_seconds=erlang.asa_seconds(traffic, agents, aht_seconds),
            abandonment=None,
        )
    queue = erlang.erlang_a(
        contacts=contacts,
        interval_seconds=interval_seconds,
        aht_seconds=aht_seconds,
        patience_seconds=patience_seconds,
        agents=agents,
        target_seconds=target_answer_seconds,
    )
    return erlang.Staffing(
        agents=agents,
        agents_with_shrinkage=gross,
        service_level=queue.service_level,
        occupancy=queue.occupancy,
        probability_of_waiting=queue.probability_of_waiting,
        asa_seconds=queue.asa_seconds,
        abandonment=queue.abandonment,
    )
