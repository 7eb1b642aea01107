"""seed_demo's staffing part: two years of demo traffic ending yesterday, two known events, the defaults."""

import datetime
import time

import numpy as np
import pytest
from django.db.models import Max, Min, Sum
from django.utils import timezone

from servicefit.core import registry
from servicefit.core.roles import Role
from staffing.analysis.demo_traffic import demo_series
from staffing.demo import demo_load
from staffing.models import PlanSettings, TrafficEvent, TrafficImport, TrafficInterval
from tests.staffing.factories import day_rows, traffic_import_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(role_users):
    return {"recruiter": role_users[Role.RECRUITER], "hr": role_users[Role.HR], "manager": role_users[Role.MANAGER]}


def counts():
    return {
        model.__name__: model.objects.count() for model in (TrafficImport, TrafficInterval, TrafficEvent, PlanSettings)
    }


def test_it_loads_two_years_of_traffic_ending_yesterday_events_and_defaults_once(users):
    today = timezone.localdate()
    started = time.perf_counter()
    line = demo_load(users=users)
    print(f"staffing demo_load: {time.perf_counter() - started:.2f} s: {line}")
    demo = TrafficImport.objects.get()
    days = (today - demo.first_day).days
    assert (demo.source, demo.interval_minutes, demo.channels, demo.uploaded_by) == (
        "demo",
        30,
        ["phone", "email", "chat"],
        users["hr"],
    )
    assert demo.last_day == today - datetime.timedelta(days=1)
    assert 730 <= days <= 731
    assert demo.rows == TrafficInterval.objects.count() == 3 * 48 * days
    assert line.startswith(f"demo traffic: {demo.rows:,} intervals (phone, email, chat), {demo.first_day} to ")
    # What is stored is the demo series, interval for interval.
    phone = next(s for s in demo_series(end=today) if s.channel == "phone")
    stored = TrafficInterval.objects.filter(channel="phone").aggregate(
        n=Sum("contacts"), first=Min("day"), last=Max("day")
    )
    assert stored == {"n": int(phone.contacts.sum()), "first": demo.first_day, "last": demo.last_day}
    busiest = int(np.argmax(phone.contacts))
    start = phone.starts[busiest].astype(datetime.datetime)
    row = TrafficInterval.objects.get(channel="phone", day=start.date(), start=start.time())
    assert (row.contacts, row.aht_seconds) == (
        int(phone.contacts[busiest]),
        round(float(phone.aht_seconds[busiest]), 1),
    )
    assert not TrafficInterval.objects.filter(contacts=0, aht_seconds__gt=0).exists()

    events = list(TrafficEvent.objects.order_by("start"))
    assert [(e.channel, e.uplift_percent) for e in events] == [("", 25.0), ("phone", 15.0)]
    assert all(e.start > today and e.end >= e.start for e in events)
    assert PlanSettings.objects.get().service_level == 0.8

    # Running it again (seed_demo twice) duplicates nothing.
    written = counts()
    assert demo_load(users=users) == "demo traffic already loaded; known events added: 0"
    assert counts() == written


def test_it_leaves_imported_traffic_alone(users):
    traffic_import_make(day_rows(datetime.date(2025, 3, 3)), user=users["hr"])
    assert demo_load(users=users).startswith("demo traffic skipped: traffic has been imported")
    assert TrafficImport.objects.filter(source="demo").count() == 0 and TrafficInterval.objects.count() == 16
    assert TrafficEvent.objects.count() == 2


def test_it_loads_after_the_workforce_demo():
    order = {loader.name: loader.order for loader in registry.demo_loaders()}
    assert order["staffing"] > order["workforce"]


def test_it_gives_the_whole_demo_a_plan_that_hires_for_the_peaks(db, settings):
    # The demo centre's traffic and its agents fit: HR opening the demo plan sees hiring classes for
    # the January and November peaks, not "No hires needed" beside a 99 % service level.
    from django.core.management import call_command

    from staffing.plan_selectors import staffing_plan

    settings.DEBUG = True
    call_command("seed_demo")
    plan = staffing_plan(months=12)
    assert plan is not None and plan.classes
    assert sum(hiring_class.hires for hiring_class in plan.classes) >= 5
    assert max(month.gap_without_hiring for month in plan.months) > 0
