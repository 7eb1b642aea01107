"""Adverse impact at one pipeline stage. Pure Python: per-group counts in, plain results out.

Each group's selection rate (selected / applicants) is compared with the group that has the highest
rate: the impact ratio is rate / highest rate, and a ratio below four fifths is flagged (the US
Uniform Guidelines' rule of thumb, the usual first screen in Europe too). The ratio swings widely
on a few people, so each group also gets Fisher's exact test (two-sided) of its 2×2 table against
the highest group: a flag with a large p-value may be chance.

Groups with fewer applicants than a minimum (default 5) are suppressed: they keep their name but
carry no counts, rate or test, so a page cannot reveal a small group's outcome by accident, and
they never serve as the highest group.

Fisher's test comes from scipy, already a runtime dependency and used by `assessments/scoring.py`:
its two-sided p-value (tables no more probable than the observed, with a relative tolerance) is the
reference other tools are checked against, and a second copy would only add a way to be wrong.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import NamedTuple

from scipy.stats import fisher_exact

MIN_GROUP_SIZE = 5
FOUR_FIFTHS = Fraction(4, 5)


class Counts(NamedTuple):
    applicants: int
    selected: int


@dataclass(frozen=True)
class GroupImpact:
    group: str
    suppressed: bool
    applicants: int | None = None
    selected: int | None = None
    rate: float | None = None
    is_reference: bool = False
    # None when undefined: a suppressed group, or no group selected anyone (nothing to compare with).
    impact_ratio: float | None = None
    flagged: bool = False
    # None for the reference group itself, which is not tested against itself.
    p_value: float | None = None


def _validated(groups: Mapping[str, tuple[int, int]]) -> dict[str, Counts]:
    checked = {}
    for group, (applicants, selected) in groups.items():
        if applicants < 0 or selected < 0 or selected > applicants:
            raise ValueError(f"group {group!r}: need 0 ≤ selected ≤ applicants, got {selected}/{applicants}")
        checked[group] = Counts(applicants, selected)
    return checked


def stage_impact(groups: Mapping[str, tuple[int, int]], *, min_group_size: int = MIN_GROUP_SIZE) -> list[GroupImpact]:
    """One row per group, ordered by group name (the same row order at every stage).

    `groups` maps a group (a source, a language, a self-identified attribute's value) to
    (applicants, selected) at the stage.
    """
    if min_group_size < 1:
        raise ValueError(f"min_group_size must be at least 1, got {min_group_size}")
    counts = _validated(groups)
    # min_group_size ≥ 1, so a group with no applicants is always suppressed: no rate divides by 0.
    shown = {group: c for group, c in counts.items() if c.applicants >= min_group_size}
    reference = _highest(shown)
    return [
        _row(group, c, shown[reference], is_reference=group == reference)
        if group in shown
        else GroupImpact(group=group, suppressed=True)
        for group, c in sorted(counts.items())
    ]


def _highest(shown: dict[str, Counts]) -> str | None:
    # Rates are compared as fractions, so 3/5 and 6/10 tie exactly; a tie goes to the first name.
    return min(
        shown, key=lambda group: (-Fraction(shown[group].selected, shown[group].applicants), group), default=None
    )


def _row(group: str, c: Counts, ref: Counts, *, is_reference: bool) -> GroupImpact:
    shown = GroupImpact(
        group=group,
        suppressed=False,
        applicants=c.applicants,
        selected=c.selected,
        rate=c.selected / c.applicants,
        is_reference=is_reference,
    )
    if ref.selected == 0:
        # Nobody was selected in any shown group: every rate is 0 and no ratio is defined.
        return shown
    # Exact integers, so a ratio of exactly 4/5 is not flagged by a rounding error.
    ratio = Fraction(c.selected * ref.applicants, c.applicants * ref.selected)
    p_value = None
    if not is_reference:
        table = [[c.selected, c.applicants - c.selected], [ref.selected, ref.applicants - ref.selected]]
        p_value = float(fisher_exact(table, alternative="two-sided").pvalue)
    return replace(shown, impact_ratio=float(ratio), flagged=ratio < FOUR_FIFTHS, p_value=p_value)
