"""When a timed section closes. Pure Python: shared by the services that enforce it and the selectors
that show it."""

from datetime import datetime, timedelta

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
