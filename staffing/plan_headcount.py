"""Today's agents month by month: who is expected to still be here, and how productive. Pure: dates and
numpy in, numbers out.

Each agent has a monthly exit hazard for each month ahead (from the attrition model, or one rate for
everyone). An agent's expected presence in plan month i (the first plan month is the one after
today's) is their probability of still being employed by its middle: the product of (1 − hazard)
over the i + 1 months from today, one month of tenure per month. An agent with a known exit date (working
their notice) counts for the share of the month's days before it and nothing after. An agent hired
less than the ramp's length ago counts at the ramp's productivity for their month since starting.

Rates: a monthly exit probability m and an annual rate r (exits ÷ average head count a year, as the
retention dashboard measures it) convert as a constant hazard: m = 1 − e^(−r/12), r = −12 ln(1 − m).
"""

import math
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np


def monthly_from_annual(rate: float) -> float:
    return 1.0 - math.exp(-max(rate, 0.0) / 12)


def annual_from_monthly(monthly: float) -> float:
    return 0.0 - 12 * math.log(1.0 - min(max(monthly, 0.0), 0.999999))  # 0.0 −: never "−0.0 %"


def shifted(hazards: np.ndarray, points: float) -> tuple[np.ndarray, float]:
    """The hazards with the annual attrition `points` percentage points higher (negative: lower), every
    agent-month shifted by the same monthly amount; and the new mean monthly hazard."""
    if hazards.size == 0:
        return hazards, 0.0
    mean = float(hazards.mean())
    target = monthly_from_annual(annual_from_monthly(mean) + points / 100)
    moved = np.clip(hazards + (target - mean), 0.0, 1.0)
    return moved, float(moved.mean())


def months_since(start: date, month: date) -> int:
    """Calendar months from the month `start` falls in to `month` (0 in the month itself)."""
    return (month.year - start.year) * 12 + month.month - start.month


def _days_in_month(month: date) -> int:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (following - month).days


def presence_by_month(
    *,
    hire_dates: Sequence[date],
    exit_dates: Sequence[date | None],
    hazards: np.ndarray,
    months: Sequence[date],
    productivity: Callable[[int], float],
) -> list[float]:
    """Expected FTE of today's agents in each plan month (hazards: agents × len(months))."""
    if not hire_dates:
        return [0.0] * len(months)
    survival = np.cumprod(1.0 - hazards, axis=1)
    known = np.array([left is not None for left in exit_dates])
    survival[known] = 1.0
    result = []
    for i, month in enumerate(months):
        days = _days_in_month(month)
        total = 0.0
        for agent, (hired, left) in enumerate(zip(hire_dates, exit_dates, strict=True)):
            share = 1.0 if left is None else min(max((left - month).days, 0), days) / days
            if share:
                total += survival[agent, i] * share * productivity(months_since(hired, month))
        result.append(total)
    return result
