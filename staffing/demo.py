"""The staffing plan's demo for `seed_demo`: two years of 30-minute traffic in three channels ending
yesterday (staffing.analysis.demo_traffic), two known events ahead, and the default planning
assumptions. Safe to run again: the traffic is written once (a demo import, or any traffic already
imported, stops it), the events are found by name.
"""

import datetime

import numpy as np
from django.db import transaction
from django.utils import timezone

from staffing.analysis.demo_traffic import demo_series
from staffing.models import TrafficEvent, TrafficImport, TrafficInterval
from staffing.settings_selectors import plan_settings_get
from staffing.traffic_csv import Interval
from staffing.traffic_services import traffic_intervals_write

DEMO_YEARS = 2
DEMO_INTERVAL_MINUTES = 30
DEMO_FILENAME = "demo-traffic.csv"


def demo_intervals(*, end: datetime.date) -> list[Interval]:
    """Every interval of every channel for the DEMO_YEARS years before `end` (zeros where closed)."""
    intervals = []
    for series in demo_series(end=end, years=DEMO_YEARS, interval_minutes=DEMO_INTERVAL_MINUTES):
        days = series.starts.astype("datetime64[D]")
        minutes = (series.starts - days).astype(np.int64).tolist()
        contacts = np.rint(series.contacts).astype(np.int64).tolist()
        aht = np.round(series.aht_seconds, 1).tolist()
        intervals += [
            Interval(0, series.channel, day, start, count, seconds if count else 0.0)
            for day, start, count, seconds in zip(days.tolist(), minutes, contacts, aht, strict=True)
        ]
    return intervals


def demo_events(*, today: datetime.date) -> list[tuple[str, datetime.date, datetime.date, str, float]]:
    """(name, first day, last day, channel, change in %): an invoice-run campaign next month and a
    price change the month after, so both fall inside the plan's first months."""
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    after = (next_month + datetime.timedelta(days=32)).replace(day=1)
    return [
        ("Invoice run with the new bill layout", next_month.replace(day=14), next_month.replace(day=20), "", 25.0),
        ("Price change letter", after, after + datetime.timedelta(days=9), "phone", 15.0),
    ]


def demo_load(*, users: dict) -> str:
    """The seed_demo entry point (registered in StaffingConfig.ready after the workforce demo)."""
    today = timezone.localdate()
    hr = users.get("hr")
    with transaction.atomic():
        plan_settings_get()
        added = 0
        for name, start, end, channel, percent in demo_events(today=today):
            _event, created = TrafficEvent.objects.get_or_create(
                name=name,
                defaults={"start": start, "end": end, "channel": channel, "uplift_percent": percent, "created_by": hr},
            )
            added += created
        if TrafficImport.objects.filter(source=TrafficImport.Source.DEMO).exists():
            traffic = "demo traffic already loaded"
        elif TrafficInterval.objects.exists():
            traffic = "demo traffic skipped: traffic has been imported"
        else:
            result = traffic_intervals_write(
                intervals=demo_intervals(end=today),
                interval_minutes=DEMO_INTERVAL_MINUTES,
                filename=DEMO_FILENAME,
                source=TrafficImport.Source.DEMO,
                user=hr,
            )
            traffic = (
                f"demo traffic: {result.rows:,} intervals ({', '.join(result.channels)}), "
                f"{result.first_day} to {result.last_day}"
            )
    return f"{traffic}; known events added: {added}"
