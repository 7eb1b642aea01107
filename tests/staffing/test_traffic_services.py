"""Importing traffic (staffing/traffic_services.py): all rows or none, replacement, one length per channel."""

import datetime
import time
from pathlib import Path

import pytest
from django.utils import timezone

from servicefit.core.exceptions import ApplicationError
from staffing import traffic_services
from staffing.models import TrafficImport, TrafficInterval
from staffing.traffic_selectors import traffic_coverage, traffic_import_list
from tests.staffing.factories import day_rows, days_rows, traffic_file, traffic_import_make

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2025, 3, 3)
SAMPLE = Path(__file__).resolve().parents[2] / "staffing" / "static" / "staffing" / "sample_traffic.csv"


def stored():
    return sorted(
        TrafficInterval.objects.values_list("channel", "day", "start", "interval_minutes", "contacts", "aht_seconds")
    )


def test_it_writes_one_import_and_its_intervals(hr_user):
    rows = day_rows(MARCH, "phone", opens=8, closes=9) + day_rows(MARCH, "chat", opens=8, closes=9)
    result = traffic_import_make(rows, user=hr_user, filename="acd-march.csv")
    assert (result.rows, result.replaced, result.first_day, result.last_day) == (4, 0, MARCH, MARCH)
    assert result.channels == ["phone", "chat"]
    record = TrafficImport.objects.get()
    assert (record.filename, record.source, record.uploaded_by, record.rows, record.interval_minutes) == (
        "acd-march.csv",
        "upload",
        hr_user,
        4,
        30,
    )
    assert stored() == [
        ("chat", MARCH, datetime.time(8, 0), 30, 10, 180.0),
        ("chat", MARCH, datetime.time(8, 30), 30, 10, 180.0),
        ("phone", MARCH, datetime.time(8, 0), 30, 10, 180.0),
        ("phone", MARCH, datetime.time(8, 30), 30, 10, 180.0),
    ]


def test_a_file_with_one_bad_row_writes_nothing_and_leaves_the_database_as_it_was(hr_user):
    traffic_import_make(day_rows(MARCH, opens=8, closes=10), user=hr_user)
    before, imports = stored(), list(TrafficImport.objects.values_list("id", "rows"))
    rows = day_rows(MARCH, contacts=99) + day_rows(MARCH + datetime.timedelta(days=1))
    rows[20] = (rows[20][0], "08:10", "phone", 5, 200)
    with pytest.raises(ApplicationError) as raised:
        traffic_import_make(rows, user=hr_user)
    assert raised.value.message.startswith("Rows with errors: 1. Nothing was imported")
    assert raised.value.extra["errors"] == [
        {
            "row": 22,
            "column": "start",
            "message": "08:10 is not on the 30-minute grid: intervals start on the hour or every 30 minutes after.",
        }
    ]
    assert stored() == before
    assert list(TrafficImport.objects.values_list("id", "rows")) == imports


def test_a_file_name_with_characters_a_database_cannot_store_is_cleaned(hr_user):
    made = traffic_import_make(day_rows(MARCH), user=hr_user, filename="acd\x00\ud800-march.csv")
    assert TrafficImport.objects.get(id=made.traffic_import.id).filename == "acd-march.csv"


def test_its_messages_say_what_is_wrong_in_plain_words(hr_user):
    rows = [
        (MARCH.isoformat(), "08:00", "fax", 3, 200),
        ("2025-02-30", "08:30", "phone", -2, ""),
        (MARCH.isoformat(), "08:00", "fax", 3, 200),
    ]
    with pytest.raises(ApplicationError) as raised:
        traffic_import_make(rows, user=hr_user)
    messages = [(e["row"], e["column"], e["message"]) for e in raised.value.extra["errors"]]
    assert messages == [
        (
            2,
            "channel",
            "“fax” is not a channel; write phone, e-mail or chat (telefon, mail, chatt and the like work too).",
        ),
        (3, "date", "“2025-02-30” is not a date; write it as 2024-03-31, 31-03-2024 or 31.03.2024."),
        (3, "contacts", "“-2” is negative."),
        (
            4,
            "channel",
            "“fax” is not a channel; write phone, e-mail or chat (telefon, mail, chatt and the like work too).",
        ),
    ]
    assert raised.value.extra["error_rows"] == 3


def test_more_than_50_problems_are_counted_and_the_first_50_listed(hr_user):
    rows = [(MARCH.isoformat(), f"{h:02d}:{m:02d}", "fax", 1, 60) for h in range(24) for m in (0, 30)]
    rows += [((MARCH + datetime.timedelta(days=1)).isoformat(), row[1], "fax", 1, 60) for row in rows]
    with pytest.raises(ApplicationError) as raised:
        traffic_import_make(rows, user=hr_user)
    assert raised.value.message == (
        "Rows with errors: 96. Nothing was imported; correct them and import the file again. "
        "The first 50 problems are listed."
    )
    assert len(raised.value.extra["errors"]) == 50


def test_an_interval_imported_again_is_replaced_and_the_result_says_how_many(hr_user, admin_user):
    first = traffic_import_make(day_rows(MARCH, opens=8, closes=12), user=hr_user)  # 8 intervals
    # A corrected export of the afternoon half of that morning plus the next day.
    later = day_rows(MARCH, opens=10, closes=12, contacts=25, aht=240) + day_rows(MARCH + datetime.timedelta(days=1))
    second = traffic_import_make(later, user=admin_user)
    assert (second.rows, second.replaced) == (4 + 16, 4)
    assert TrafficInterval.objects.count() == 8 - 4 + 20
    assert TrafficInterval.objects.get(day=MARCH, start=datetime.time(11, 30)).contacts == 25
    assert TrafficInterval.objects.get(day=MARCH, start=datetime.time(8, 0)).contacts == 10
    kept = dict(traffic_import_list().values_list("id", "intervals_kept"))
    assert kept == {first.traffic_import.id: 4, second.traffic_import.id: 20}


def test_a_channel_keeps_one_interval_length(hr_user):
    traffic_import_make(day_rows(MARCH, "phone"), user=hr_user)
    quarter_hours = day_rows(MARCH + datetime.timedelta(days=1), "phone", minutes=15)
    with pytest.raises(ApplicationError) as raised:
        traffic_import_make(quarter_hours, user=hr_user)
    assert raised.value.message.startswith("Phone traffic is stored in 30-minute intervals and this file has 15-minute")
    assert raised.value.extra["errors"][0]["row"] == 1
    assert TrafficImport.objects.count() == 1
    # Another channel may have its own length.
    assert traffic_import_make(day_rows(MARCH, "chat", minutes=15), user=hr_user).traffic_import.interval_minutes == 15


def test_deleting_an_import_removes_the_intervals_it_still_holds(hr_user):
    first = traffic_import_make(day_rows(MARCH, opens=8, closes=12), user=hr_user)
    traffic_import_make(day_rows(MARCH, opens=10, closes=12), user=hr_user)
    removed = traffic_services.traffic_import_delete(traffic_import=first.traffic_import, user=hr_user)
    assert removed == 4
    assert TrafficImport.objects.count() == 1 and TrafficInterval.objects.count() == 4


def test_only_hr_and_admins_import_or_delete(manager, recruiter, hr_user):
    made = traffic_import_make(day_rows(MARCH), user=hr_user)
    for user in (manager, recruiter):
        with pytest.raises(ApplicationError) as raised:
            traffic_import_make(day_rows(MARCH), user=user)
        assert raised.value.status == 403
        with pytest.raises(ApplicationError):
            traffic_services.traffic_import_delete(traffic_import=made.traffic_import, user=user)
    assert TrafficImport.objects.count() == 1


def test_it_refuses_days_after_today():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ApplicationError) as raised:
        traffic_import_make(day_rows(tomorrow, opens=8, closes=9))
    assert raised.value.extra["errors"][0]["message"].endswith("is in the future; import traffic that has happened.")


def test_a_file_it_cannot_read_gets_one_message_and_a_too_large_one_413(monkeypatch):
    with pytest.raises(ApplicationError) as raised:
        traffic_services.traffic_import_file(filename="x.csv", data=b"\x00" * 100, user=None)
    assert (raised.value.status, raised.value.message) == (
        400,
        "The file is not a text file; export the traffic as CSV.",
    )
    monkeypatch.setattr(traffic_services.traffic_csv, "MAX_BYTES", 100)
    with pytest.raises(ApplicationError) as raised:
        traffic_services.traffic_import_file(filename="x.csv", data=b"x" * 101, user=None)
    assert raised.value.status == 413
    assert raised.value.extra["errors"] == [{"row": 1, "column": "file", "message": raised.value.message}]


def test_the_sample_file_imports_as_it_is(hr_user):
    result = traffic_services.traffic_import_file(filename=SAMPLE.name, data=SAMPLE.read_bytes(), user=hr_user)
    assert (result.rows, result.channels, result.traffic_import.interval_minutes) == (
        96,
        ["phone", "email", "chat"],
        30,
    )
    assert {c.channel: c.days for c in traffic_coverage()} == {"phone": 2, "email": 2, "chat": 2}


def test_the_coverage_counts_days_gaps_and_contacts_per_channel(hr_user):
    rows = days_rows(MARCH, 2, channels=("phone", "email"), opens=8, closes=9)
    rows += day_rows(MARCH + datetime.timedelta(days=4), "phone", opens=8, closes=9, contacts=7)
    traffic_import_make(rows, user=hr_user)
    coverage = {c.channel: c for c in traffic_coverage()}
    assert list(coverage) == ["phone", "email"]
    phone = coverage["phone"]
    assert (phone.first_day, phone.last_day, phone.days, phone.missing_days) == (
        MARCH,
        MARCH + datetime.timedelta(days=4),
        3,
        2,
    )
    assert (phone.intervals, phone.contacts, phone.interval_minutes, phone.label) == (6, 54, 30, "Phone")


def test_two_years_of_three_channels_import_in_seconds(hr_user):
    rows = days_rows(datetime.date(2023, 1, 1), 730, channels=("phone", "email", "chat"), opens=0, closes=24)
    data = traffic_file(rows, delimiter=";")
    started = time.perf_counter()
    result = traffic_services.traffic_import_file(filename="two-years.csv", data=data, user=hr_user)
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = traffic_services.traffic_import_file(filename="two-years.csv", data=data, user=hr_user)
    second = time.perf_counter() - started
    print(f"{len(rows):,} rows, {len(data) / 1e6:.1f} MB: import {first:.2f} s, again (all replaced) {second:.2f} s")
    assert (result.rows, again.replaced) == (105_120, 105_120)
    assert TrafficInterval.objects.count() == 105_120
    assert first < 20 and second < 25  # a request's budget, with room for a slow machine
