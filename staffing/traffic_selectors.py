"""Reads for the traffic pages and API: the imports, and how much history each channel has."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, QuerySet, Sum

from staffing.models import CHANNEL_CHOICES, TrafficImport, TrafficInterval

CHANNEL_LABELS = dict(CHANNEL_CHOICES)


@dataclass(frozen=True)
class Coverage:
    """One channel's stored traffic."""

    channel: str
    label: str
    first_day: date
    last_day: date
    days: int  # days with at least one interval
    intervals: int
    contacts: int
    interval_minutes: int

    @property
    def missing_days(self) -> int:
        """Days between the first and the last without any interval (a gap in the history)."""
        return (self.last_day - self.first_day).days + 1 - self.days


def traffic_import_list() -> QuerySet[TrafficImport]:
    """Newest first, each with `intervals_kept`: its intervals not since replaced by a later import."""
    imports = TrafficImport.objects.select_related("uploaded_by").annotate(intervals_kept=Count("intervals"))
    return imports.order_by("-created_at", "-id")  # a grouped query drops Meta.ordering


def traffic_coverage() -> list[Coverage]:
    """Per channel, in the channels' order: one grouped query."""
    rows = (
        TrafficInterval.objects.values("channel")
        .annotate(
            first_day=Min("day"),
            last_day=Max("day"),
            days=Count("day", distinct=True),
            intervals=Count("id"),
            contacts=Sum("contacts"),
            interval_minutes=Max("interval_minutes"),
        )
        .order_by()
    )
    found = {row["channel"]: row for row in rows}
    return [
        Coverage(label=str(CHANNEL_LABELS[channel]), **found[channel]) for channel in CHANNEL_LABELS if channel in found
    ]
