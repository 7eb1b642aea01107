"""An agent's development in figures. Pure Python: snapshots and goals come in as plain data.

- Levels are on the competency anchors, 1–5 (a re-assessment may give fractions).
- Current level of a competency: its level in the latest snapshot that rated it (a manager may rate
  three competencies one week and the rest the next; the older rating stands until a newer one).
- Growth of a competency: its latest level minus its first, over the months between the two
  (months of 30.4375 days, a Gregorian year ÷ 12). A competency rated on one day only has no growth.
  The mean growth is the plain mean over the competencies that have one (each counts once, however
  often it was rated).
- Gap to the role target: target − current level, so a positive gap is a shortfall; a competency the
  role asks for but nobody has rated has no gap (None), and is not counted as met.
- Plan progress: achieved goals ÷ goals that are not dropped (a dropped goal is a decision, not a
  failure); a goal is overdue when its due date has passed and it is neither achieved nor dropped.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

DAYS_PER_MONTH = 365.25 / 12
LEVEL_MIN, LEVEL_MAX = 1, 5

ACHIEVED, DROPPED = "achieved", "dropped"


@dataclass(frozen=True)
class Snapshot:
    taken_on: date
    levels: Mapping[str, float]  # competency code → level 1–5


@dataclass(frozen=True)
class CompetencyGrowth:
    competency: str
    first_on: date
    first: float
    latest_on: date
    latest: float
    change: float
    per_month: float


@dataclass(frozen=True)
class Growth:
    competencies: list[CompetencyGrowth]
    mean_change: float | None
    mean_per_month: float | None


@dataclass(frozen=True)
class Gap:
    competency: str
    current: float | None
    target: int
    gap: float | None  # target − current; positive: short of the target

    @property
    def met(self) -> bool:
        return self.gap is not None and self.gap <= 0


@dataclass(frozen=True)
class PlanProgress:
    achieved: int
    counted: int  # goals not dropped
    overdue: int
    share: float | None  # achieved ÷ counted; None without goals to count


def _ordered(snapshots: Iterable[Snapshot]) -> list[Snapshot]:
    return sorted(snapshots, key=lambda s: s.taken_on)


def current_levels(snapshots: Iterable[Snapshot]) -> dict[str, float]:
    levels: dict[str, float] = {}
    for snapshot in _ordered(snapshots):
        levels.update({code: float(level) for code, level in snapshot.levels.items()})
    return levels


def competency_growth(snapshots: Iterable[Snapshot]) -> Growth:
    first: dict[str, tuple[date, float]] = {}
    latest: dict[str, tuple[date, float]] = {}
    for snapshot in _ordered(snapshots):
        for code, level in snapshot.levels.items():
            first.setdefault(code, (snapshot.taken_on, float(level)))
            latest[code] = (snapshot.taken_on, float(level))
    rows = []
    for code, (first_on, first_level) in first.items():
        latest_on, latest_level = latest[code]
        if latest_on <= first_on:
            continue
        months = (latest_on - first_on).days / DAYS_PER_MONTH
        change = latest_level - first_level
        rows.append(CompetencyGrowth(code, first_on, first_level, latest_on, latest_level, change, change / months))
    if not rows:
        return Growth([], None, None)
    return Growth(
        rows,
        sum(r.change for r in rows) / len(rows),
        sum(r.per_month for r in rows) / len(rows),
    )


def growth_series(snapshots: Iterable[Snapshot]) -> list[dict]:
    """One row per snapshot date: {"date", "mean", "levels": {code: level}} with each competency's
    current level on that date (carried forward), the mean over those levels."""
    rows = []
    carried: dict[str, float] = {}
    by_date: dict[date, dict[str, float]] = {}
    for snapshot in _ordered(snapshots):
        by_date.setdefault(snapshot.taken_on, {}).update({c: float(v) for c, v in snapshot.levels.items()})
    for day, levels in by_date.items():
        carried.update(levels)
        mean = sum(carried.values()) / len(carried) if carried else None
        rows.append({"date": day, "mean": mean, "levels": dict(carried)})
    return rows


def role_gaps(current: Mapping[str, float], targets: Mapping[str, int]) -> list[Gap]:
    """One row per competency the role asks for, in the targets' order."""
    return [
        Gap(code, current.get(code), target, None if code not in current else target - current[code])
        for code, target in targets.items()
    ]


def plan_progress(goals: Iterable[tuple[str, date | None]], today: date) -> PlanProgress:
    """`goals`: (status, due date) pairs."""
    achieved = counted = overdue = 0
    for status, due_on in goals:
        if status == DROPPED:
            continue
        counted += 1
        if status == ACHIEVED:
            achieved += 1
        elif due_on is not None and due_on < today:
            overdue += 1
    return PlanProgress(achieved, counted, overdue, achieved / counted if counted else None)


def last_activity(dates: Iterable[date | None]) -> date | None:
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def level_from_score(score: float) -> float:
    """A 0–100 assessment score on the 1–5 anchors.

    The fit score reads level L as the band [20(L−1), 20L] (hiring/fit.py). Here the band's middle
    is the whole level: score 10 is level 1, 50 level 3, 90 level 5; scores below 10 or above 90
    stay at the ends. Linear in between, so a re-assessment's fractions can be compared with a
    manager's whole-anchor rating of the same band.
    """
    return round(min(LEVEL_MAX, max(LEVEL_MIN, score / 20 + 0.5)), 2)
