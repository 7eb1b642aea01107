"""A requisition's pipeline in figures: time in stage, applications per source and how far they got,
and conversion from stage to stage. Pure: plain rows in, plain data out.

A stay in a stage runs from the move into it to the next move (completed), or to `now` (current).
An undo is a move of its own, so a stay cut short by a mistake and its undo are both counted as
they happened. "Reached" counts the moves that stand: an undone move (a rejection taken back) did
not happen for the figures.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from statistics import mean, median

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class MoveRow:
    application: int
    to_stage: str
    at: datetime
    undone: bool = False


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    source: str


def _stays(moves: list[MoveRow], now: datetime) -> list[tuple[str, float, bool]]:
    """(stage, days, current) for each stay of one application's history, ordered by time."""
    stays = []
    for index, move in enumerate(moves):
        current = index == len(moves) - 1
        end = now if current else moves[index + 1].at
        stays.append((move.to_stage, max((end - move.at).total_seconds(), 0.0) / SECONDS_PER_DAY, current))
    return stays


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def requisition_figures(
    *,
    applications: list[ApplicationRow],
    moves: list[MoveRow],
    stages: list[str],
    ended: frozenset[str],
    out: frozenset[str],
    now: datetime,
) -> dict:
    """`stages`: the board's stages in order; `ended`: those that end an application (hired,
    rejected, withdrawn), where no time is counted; `out`: the ended ones that are no step forward
    (rejected, withdrawn), left out of the conversion."""
    by_application: dict[int, list[MoveRow]] = defaultdict(list)
    for move in sorted(moves, key=lambda m: (m.application, m.at)):
        by_application[move.application].append(move)

    durations: dict[str, list[float]] = defaultdict(list)
    current: dict[str, int] = defaultdict(int)
    reached: dict[int, set[str]] = {}
    for application in applications:
        history = by_application.get(application.id, [])
        for stage, days, is_current in _stays(history, now):
            if stage in ended:
                continue
            durations[stage].append(days)
            current[stage] += is_current
        reached[application.id] = {move.to_stage for move in history if not move.undone}

    time_in_stage = [
        {
            "stage": stage,
            "stays": len(durations[stage]),
            "current": current[stage],
            "median_days": _rounded(median(durations[stage])) if durations[stage] else None,
            "mean_days": _rounded(mean(durations[stage])) if durations[stage] else None,
        }
        for stage in stages
        if stage not in ended
    ]

    sources: dict[str, list[int]] = defaultdict(list)
    for application in applications:
        sources[application.source].append(application.id)
    per_source = [
        {
            "source": source,
            "applications": len(ids),
            "reached": {stage: sum(stage in reached[i] for i in ids) for stage in stages},
        }
        for source, ids in sorted(sources.items(), key=lambda item: (-len(item[1]), item[0]))
    ]

    forward = [stage for stage in stages if stage not in out]
    conversion = []
    for index, stage in enumerate(forward[:-1]):
        later = set(forward[index + 1 :])
        at_stage = [i for i, got in reached.items() if stage in got]
        moved_on = sum(bool(reached[i] & later) for i in at_stage)
        conversion.append(
            {
                "stage": stage,
                "reached": len(at_stage),
                "moved_on": moved_on,
                "rate": round(moved_on / len(at_stage), 3) if at_stage else None,
            }
        )
    return {"forward": forward, "time_in_stage": time_in_stage, "sources": per_source, "conversion": conversion}
