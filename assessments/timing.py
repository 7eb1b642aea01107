"""Time in an assessment. Pure Python: when a timed section closes (shared by the services that
enforce it and the selectors that show it), and how long the whole battery takes (told to the
candidate in the invitation and on the welcome page)."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from assessments import kinds

GRACE_SECONDS = 30  # network latency and a slow last click after the clock reaches zero


def section_opened(section_started: dict, section) -> bool:
    return str(section.id) in section_started


def section_deadline(attempt, section) -> datetime | None:
    """When a timed section closes (without the grace), or None if untimed or not opened yet."""
    opened = attempt.section_started.get(str(section.id))
    if not section.time_limit_seconds or not opened:
        return None
    return datetime.fromisoformat(opened) + timedelta(seconds=section.time_limit_seconds)


def section_time_is_up(deadline: datetime | None, now: datetime) -> bool:
    return deadline is not None and now > deadline + timedelta(seconds=GRACE_SECONDS)


# How long a careful candidate on a phone takes per question in a part without a time limit, by
# kind: reading a statement and tapping one of five answers; reading four statements and choosing
# one; reading a situation or a policy extract and four replies; writing a reply. Timed parts count
# with their limit, which is what the candidate must set aside.
SECONDS_PER_UNTIMED_ITEM = {kinds.LIKERT: 10, kinds.FORCED_CHOICE: 25, kinds.SJT: 60, kinds.MCQ: 45, kinds.TEXT: 300}
ROUND_TO_MINUTES = 5


@dataclass(frozen=True)
class SectionShape:
    time_limit_seconds: int | None
    item_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Duration:
    timed_minutes: int  # the time limits summed, exactly
    untimed_minutes: int  # the estimate for the other parts, to the nearest five minutes (0 if none)
    timed_parts: int
    untimed_parts: int

    @property
    def total_minutes(self) -> int:
        return self.timed_minutes + self.untimed_minutes


def duration(sections: list[SectionShape]) -> Duration:
    """The true length of a battery: the timed parts' limits summed, plus an estimate for the rest."""
    timed = [s for s in sections if s.time_limit_seconds]
    untimed = [s for s in sections if not s.time_limit_seconds]
    timed_seconds = sum(s.time_limit_seconds for s in timed)
    estimate = sum(SECONDS_PER_UNTIMED_ITEM[kind] for s in untimed for kind in s.item_kinds)
    untimed_minutes = 0
    if estimate:
        untimed_minutes = max(ROUND_TO_MINUTES, round(estimate / 60 / ROUND_TO_MINUTES) * ROUND_TO_MINUTES)
    return Duration(
        timed_minutes=math.ceil(timed_seconds / 60),
        untimed_minutes=untimed_minutes,
        timed_parts=len(timed),
        untimed_parts=len(untimed),
    )
