"""The staffing plan's reads: traffic as forecast series, the planner's events as uplifts, today's agents
and their exits (workforce), and the hiring pipeline's times and starters (hiring). Plain data out, in a
fixed number of queries whatever the size of the centre.
"""

import gc
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from django.db.models import CharField, Count, Max, Q
from django.db.models.functions import Cast
from django.utils import timezone

from hiring import staffing_inputs as hiring_inputs
from staffing.analysis.forecast import Series, Uplift
from staffing.models import STAFFED_CHANNELS, PlanSettings, TrafficEvent, TrafficImport, TrafficInterval
from workforce import staffing_inputs as workforce_inputs
from workforce.models import Agent
from workforce.retention_selectors import RetentionScope, retention_overview

# When the pipeline has fewer hires than this in the last year, its median is not a time to plan on.
MIN_HIRES_FOR_TIME_TO_HIRE = 3
DEFAULT_TIME_TO_HIRE_DAYS = 45
# An open offer's start when no past offer says how long the notice takes.
DEFAULT_OFFER_TO_START_DAYS = 30


def traffic_signature() -> str:
    """Changes whenever traffic is imported or an import is deleted: part of the forecast's cache key."""
    row = TrafficImport.objects.aggregate(n=Count("id"), last=Max("id"), changed=Max("updated_at"))
    return f"{row['n']}-{row['last']}-{row['changed'].isoformat() if row['changed'] else ''}"


def _to_grid(starts: np.ndarray, contacts: np.ndarray, aht: np.ndarray, minutes: int):
    """Rows on a coarser grid (15-minute rows of a channel mostly exported in 30): contacts summed,
    AHT weighted by contacts."""
    bucket = starts.astype("datetime64[m]")
    day = bucket.astype("datetime64[D]").astype("datetime64[m]")
    bucket = day + ((bucket - day).astype(np.int64) // minutes * minutes).astype("timedelta64[m]")
    keys, index = np.unique(bucket, return_inverse=True)
    summed = np.zeros(len(keys))
    handled = np.zeros(len(keys))
    np.add.at(summed, index, contacts)
    np.add.at(handled, index, contacts * aht)
    return keys, summed, np.divide(handled, summed, out=np.zeros(len(keys)), where=summed > 0)


def traffic_series() -> list[Series]:
    """Every channel's imported intervals, one series per channel with traffic, in STAFFED_CHANNELS order."""
    # Dates and times come as ISO text: Django's per-value date and time converters would take half a
    # second on two years of intervals; numpy parses the text in bulk.
    queryset = TrafficInterval.objects.order_by("channel", "day", "start").values_list(
        "channel",
        Cast("day", CharField()),
        Cast("start", CharField()),
        "interval_minutes",
        "contacts",
        "aht_seconds",
    )
    # A hundred thousand rows of small tuples: the cyclic garbage collector's passes over them (there are
    # no cycles) would take longer than reading them.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        columns = list(zip(*queryset, strict=True))
    finally:
        if gc_was_enabled:
            gc.enable()
    if not columns:
        return []
    channel = np.array(columns[0], dtype=object)
    stamps = [f"{day}T{clock[:5]}" for day, clock in zip(columns[1], columns[2], strict=True)]
    starts = np.array(stamps, dtype="datetime64[m]")
    lengths = np.array(columns[3], dtype=np.int64)
    contacts = np.array(columns[4], dtype=float)
    aht = np.array(columns[5], dtype=float)
    series = []
    for code in STAFFED_CHANNELS:
        keep = channel == code.value
        if not keep.any():
            continue
        length = int(lengths[keep].max())
        rows = (starts[keep], contacts[keep], aht[keep])
        if (lengths[keep] != length).any():
            rows = _to_grid(*rows, length)
        series.append(Series(code.value, length, rows[0], rows[1], np.where(rows[1] > 0, rows[2], 0.0)))
    return series


def traffic_uplifts() -> tuple[list[Uplift], str]:
    """The planner's events as uplifts, and a fingerprint of them for the cache key."""
    events = list(TrafficEvent.objects.order_by("start", "id").values_list("start", "end", "uplift_percent", "channel"))
    uplifts = [Uplift(start=s, end=e, percent=p, channel=c or None) for s, e, p, c in events]
    fingerprint = hashlib.sha256(repr(events).encode()).hexdigest()[:16]
    return uplifts, fingerprint


def voluntary_attrition_last_year(today: date) -> float | None:
    """The retention dashboard's annual voluntary attrition rate over the 12 months up to yesterday."""
    end = today - timedelta(days=1)
    try:
        start = end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        start = end.replace(year=end.year - 1, day=28) + timedelta(days=1)
    return retention_overview(scope=RetentionScope(team=None, team_ids=None, start=start, end=end))[
        "voluntary_attrition_rate"
    ]


@dataclass(frozen=True)
class TimeToHire:
    days: float
    source: str  # "override", "pipeline" or "default"
    hires: int  # hires the pipeline's median is taken over


def time_to_hire(settings: PlanSettings, today: date) -> tuple[TimeToHire, float]:
    """Days from opening a requisition to the class start, and the days from an offer to the first day."""
    times = hiring_inputs.pipeline_times(since=today - timedelta(days=365))
    offer_to_start = times.offer_to_start_days if times.offer_to_start_days is not None else DEFAULT_OFFER_TO_START_DAYS
    if settings.time_to_hire_days is not None:
        return TimeToHire(float(settings.time_to_hire_days), "override", times.hires), offer_to_start
    if times.time_to_hire_days is not None and times.hires >= MIN_HIRES_FOR_TIME_TO_HIRE:
        return TimeToHire(times.time_to_hire_days, "pipeline", times.hires), offer_to_start
    return TimeToHire(float(DEFAULT_TIME_TO_HIRE_DAYS), "default", times.hires), offer_to_start


def pipeline_hires(today: date, offer_to_start_days: float) -> list[tuple[date, int]]:
    """People who will start after today: agents already on the books with a later first day, recorded
    hires not yet on the books, and open offers (starting the usual offer-to-start time after the offer,
    tomorrow at the earliest)."""
    starts: dict[date, int] = {}
    on_books = set()
    for hire_id, day in workforce_inputs.starters_after(today):
        on_books.add(hire_id)
        starts[day] = starts.get(day, 0) + 1
    for hire_id, day in hiring_inputs.hires_starting_after(today):
        if hire_id not in on_books:
            starts[day] = starts.get(day, 0) + 1
    for offered in hiring_inputs.offers_open():
        day = max(offered + timedelta(days=round(offer_to_start_days)), today + timedelta(days=1))
        starts[day] = starts.get(day, 0) + 1
    return sorted(starts.items())


def usual_role_profile_slug() -> str | None:
    """The role profile most of today's agents work in: the default of a requisition from the plan."""
    today = timezone.localdate()
    row = (
        Agent.objects.filter(Q(exit_date__isnull=True) | Q(exit_date__gt=today), role_profile__isnull=False)
        .values("role_profile__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "role_profile__slug")
        .first()
    )
    return row["role_profile__slug"] if row else None
