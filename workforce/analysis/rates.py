"""Headcount and attrition rates from employment spells. Pure Python: dates in, numbers out.

A spell is `(hire_date, exit_date or None)`. Someone is employed on day d when they were hired on
or before d and have not left by d: the exit date is the first day NOT employed (an agent whose
exit_date == d is not counted on d). Rates are fractions (0.12 = 12 %), None when undefined.

Voluntary attrition rate = voluntary separations in the period ÷ the average of the month-end
headcounts in the period × 365 ÷ days in the period (annualised).
"""

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

VOLUNTARY = "voluntary"  # the exit type the model's TextChoices store for a resignation

Spell = tuple[date, date | None]


def month_ends(start: date, end: date) -> list[date]:
    """Every last day of a month in [start, end]."""
    if end < start:
        raise ValueError("the period ends before it starts")
    days = []
    year, month = start.year, start.month
    while True:
        last = date(year, month, calendar.monthrange(year, month)[1])
        if last > end:
            return days
        if last >= start:
            days.append(last)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _ordinals(spells: Iterable[Spell]) -> tuple[np.ndarray, np.ndarray]:
    hires, exits = [], []
    for hire, exit_ in spells:
        if exit_ is not None and exit_ < hire:
            raise ValueError(f"an exit date ({exit_}) is before its hire date ({hire})")
        hires.append(hire.toordinal())
        exits.append(exit_.toordinal() if exit_ is not None else np.iinfo(np.int64).max)
    return np.sort(np.asarray(hires, dtype=np.int64)), np.sort(np.asarray(exits, dtype=np.int64))


def headcounts_on(spells: Iterable[Spell], days: Sequence[date]) -> list[int]:
    """People employed on each day (hired on or before it, exit date after it)."""
    hires, exits = _ordinals(spells)
    points = np.asarray([d.toordinal() for d in days], dtype=np.int64)
    hired = np.searchsorted(hires, points, side="right")
    gone = np.searchsorted(exits, points, side="right")
    return [int(n) for n in hired - gone]


def month_end_headcounts(spells: Iterable[Spell], start: date, end: date) -> list[tuple[date, int]]:
    """(month end, headcount) for every month end in [start, end]; empty when the period holds none."""
    days = month_ends(start, end)
    return list(zip(days, headcounts_on(spells, days), strict=True))


def voluntary_attrition_rate(voluntary_exits: int, month_end_headcounts: Sequence[int], days: int) -> float | None:
    """Annualised: exits ÷ average month-end headcount × 365 ÷ days. Takes the headcounts as plain
    numbers (`[n for _, n in month_end_headcounts(...)]`); None without a headcount to divide by."""
    if voluntary_exits < 0:
        raise ValueError("exits cannot be negative")
    if days <= 0:
        raise ValueError("the period must last at least one day")
    if not month_end_headcounts:
        return None
    average = sum(month_end_headcounts) / len(month_end_headcounts)
    if average == 0:
        return None
    return voluntary_exits / average * 365 / days


@dataclass(frozen=True)
class EarlyAttrition:
    within_days: int
    eligible: int  # hires whose first `within_days` days had passed by the as-of date
    exits: int  # of them, exits of any kind on or before hire date + within_days
    rate: float | None
    voluntary_exits: int
    voluntary_rate: float | None


def early_attrition(
    spells: Iterable[tuple[date, date | None, str | None]], as_of: date, within_days: int, *, voluntary: str = VOLUNTARY
) -> EarlyAttrition:
    """Exits within `within_days` of hire among hires whose window has closed by `as_of`
    (hire_date + within_days <= as_of). A spell is (hire_date, exit_date or None, exit_type or None);
    an exit on day hire_date + within_days still counts as within."""
    if within_days <= 0:
        raise ValueError("the window must be at least one day")
    window = timedelta(days=within_days)
    eligible = exits = voluntary_exits = 0
    for hire, exit_, exit_type in spells:
        if exit_ is not None and exit_ < hire:
            raise ValueError(f"an exit date ({exit_}) is before its hire date ({hire})")
        if hire + window > as_of:
            continue
        eligible += 1
        if exit_ is not None and exit_ <= hire + window:
            exits += 1
            voluntary_exits += exit_type == voluntary
    return EarlyAttrition(
        within_days=within_days,
        eligible=eligible,
        exits=exits,
        rate=exits / eligible if eligible else None,
        voluntary_exits=voluntary_exits,
        voluntary_rate=voluntary_exits / eligible if eligible else None,
    )


def attrition_cost(exits: int, replacement_cost: Decimal | float | int) -> Decimal:
    """What the exits cost at a replacement cost per exit (recruiting, training, lost output)."""
    if exits < 0 or replacement_cost < 0:
        raise ValueError("exits and the replacement cost cannot be negative")
    return Decimal(exits) * Decimal(str(replacement_cost))
