"""Pulse survey statistics. Pure Python: answers in, figures out, nothing for small groups.

eNPS asks "how likely are you to recommend working here" on 0–10: promoters answer 9–10,
detractors 0–6, and eNPS is the share of promoters minus the share of detractors, in points from
-100 to 100. Results for a group with fewer than `min_group` answers (default 5) are suppressed
(None), so a team lead cannot read one agent's answer from a small team's figure.
"""

from collections.abc import Iterable

MIN_GROUP = 5
ENPS_SCALE = range(0, 11)


def _checked(scores: Iterable[int], scale: range) -> list[int]:
    values = list(scores)
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or value not in scale:
            raise ValueError(f"an answer must be a whole number from {scale.start} to {scale.stop - 1}: {value!r}")
    return values


def enps(scores: Iterable[int]) -> float | None:
    values = _checked(scores, ENPS_SCALE)
    if not values:
        return None
    promoters = sum(v >= 9 for v in values)
    detractors = sum(v <= 6 for v in values)
    return 100 * (promoters - detractors) / len(values)


def pulse_summary(scores: Iterable[int], min_group: int = MIN_GROUP) -> dict | None:
    """{"n", "promoters", "passives", "detractors", "enps"} for eNPS answers; None under min_group."""
    values = _checked(scores, ENPS_SCALE)
    if len(values) < max(min_group, 1):
        return None
    promoters = sum(v >= 9 for v in values)
    detractors = sum(v <= 6 for v in values)
    return {
        "n": len(values),
        "promoters": promoters,
        "passives": len(values) - promoters - detractors,
        "detractors": detractors,
        "enps": enps(values),
    }


def item_summary(scores: Iterable[int], scale: range = range(1, 6), min_group: int = MIN_GROUP) -> dict | None:
    """{"n", "mean"} for a Likert item (workload, growth, manager support; 1–5 by default); None under min_group."""
    values = _checked(scores, scale)
    if len(values) < max(min_group, 1):
        return None
    return {"n": len(values), "mean": sum(values) / len(values)}
