"""Traffic files and records for the staffing tests, made the way users make them."""

import datetime

from staffing import traffic_services
from staffing.models import TrafficEvent

HEADER = ("date", "interval start", "channel", "contacts offered", "aht")


def traffic_text(rows, *, header=HEADER, delimiter=",") -> str:
    return "\n".join(delimiter.join(str(cell) for cell in row) for row in (header, *rows)) + "\n"


def traffic_file(rows, *, header=HEADER, delimiter=",", encoding="utf-8") -> bytes:
    return traffic_text(rows, header=header, delimiter=delimiter).encode(encoding)


def day_rows(day: datetime.date, channel="phone", *, minutes=30, opens=8, closes=16, contacts=10, aht=180):
    """One channel's intervals of one day, opening hours only, as an ACD report lists them."""
    return [
        (day.isoformat(), f"{start // 60:02d}:{start % 60:02d}", channel, contacts, aht)
        for start in range(opens * 60, closes * 60, minutes)
    ]


def days_rows(first: datetime.date, days: int, channels=("phone",), **kwargs):
    return [
        row
        for offset in range(days)
        for channel in channels
        for row in day_rows(first + datetime.timedelta(days=offset), channel, **kwargs)
    ]


def traffic_import_make(rows, *, user=None, filename="acd.csv", **kwargs):
    """An import through the service, as the upload page makes it (user None: as a command)."""
    return traffic_services.traffic_import_file(filename=filename, data=traffic_file(rows), user=user, **kwargs)


def event_make(**fields) -> TrafficEvent:
    values = {
        "name": "Invoice run",
        "start": datetime.date(2025, 3, 3),
        "end": datetime.date(2025, 3, 7),
        "uplift_percent": 25.0,
        "channel": "",
    } | fields
    return TrafficEvent.objects.create(**values)
