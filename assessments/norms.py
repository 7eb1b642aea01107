"""Norm-group statistics kept as a histogram of scores. Pure Python: no Django.

A scale's scores take few distinct values (Likert means rounded to 3 decimals, competencies to
0.1), so a histogram {score: count} is small and still exact: the mid-rank percentile of any score
and the mean and SD of the group come from it without reading a single result again. Adding or
removing one attempt is a change of two counts.
"""

import math
from dataclasses import dataclass
from statistics import NormalDist

Histogram = dict[str, int]  # JSON keys are strings: repr of the float score


def score_key(value: float) -> str:
    return repr(float(value))


def group_scores(type_scores: dict, competency_scores: dict, provisional: list[str]) -> dict[str, float]:
    """The scores one result adds to its norm group. A provisional competency score (written
    answers not reviewed yet) would move when they are reviewed, so it joins the group only then."""
    return {**type_scores, **{c: v for c, v in competency_scores.items() if c not in provisional}}


def histogram_changed(histogram: Histogram, *, remove: float | None = None, add: float | None = None) -> Histogram:
    """A copy with one score taken out and/or one put in; counts that reach 0 disappear."""
    changed = dict(histogram)
    if remove is not None:
        key = score_key(remove)
        if changed.get(key, 0) <= 0:
            raise ValueError(f"score {remove} is not in the histogram")
        changed[key] -= 1
        if not changed[key]:
            del changed[key]
    if add is not None:
        key = score_key(add)
        changed[key] = changed.get(key, 0) + 1
    return changed


def summary(histogram: Histogram) -> tuple[int, float | None, float | None]:
    """n, mean and sample SD (ddof=1); None where undefined (no scores; one score for the SD)."""
    n = sum(histogram.values())
    if not n:
        return 0, None, None
    mean = math.fsum(float(v) * c for v, c in histogram.items()) / n
    if n < 2:
        return n, mean, None
    squares = math.fsum(c * (float(v) - mean) ** 2 for v, c in histogram.items())
    return n, mean, math.sqrt(squares / (n - 1))


def percentile_rank(value: float, histogram: Histogram) -> float:
    """Percentage of the group below `value`, ties counted as half below (mid-rank), 0–100.

    The same rank as psychometrics.percentile_rank over the raw scores.
    """
    n = below = equal = 0
    for key, count in histogram.items():
        score = float(key)
        n += count
        if score < value:
            below += count
        elif score == value:
            equal += count
    if not n or math.isnan(value):
        return math.nan
    return 100 * (below + equal / 2) / n


def normal_percentile(value: float, mean: float, sd: float) -> float:
    """Percentage of a normal norm group below `value` (an imported norm: only mean and SD known)."""
    return 100 * NormalDist(mean, sd).cdf(value)


@dataclass(frozen=True)
class ScaleNorm:
    """What a score is compared with: an imported norm (mean and SD of a normal group) or the
    completed attempts (their histogram, mean and SD)."""

    mean: float
    sd: float
    histogram: Histogram | None = None

    def percentile(self, value: float) -> float:
        if self.histogram is None:
            return normal_percentile(value, self.mean, self.sd)
        return percentile_rank(value, self.histogram)
