"""Small, hand-checkable data for the staffing plan's tests: constant traffic, agents, a hazard model."""

import math
from datetime import date, datetime, time, timedelta

from profiles.models import RoleProfile
from servicefit.core.teams import team_default
from staffing.analysis.demo_traffic import demo_series
from staffing.models import PlanSettings, TrafficImport, TrafficInterval
from workforce.analysis import hazard
from workforce.attrition_models import schema_hash
from workforce.models import Agent, AttritionModel, ModelKind

# 100 calls per half hour at 180 s with 80/20 and occupancy ≤ 85 %: 14 agents (the reference).
CALLS = 100
AHT = 180.0
OPEN_FROM, OPEN_INTERVALS = 8, 16  # 08:00–16:00, Monday to Friday


def traffic_make(
    *, last_day: date, weeks: int = 10, channel: str = "phone", contacts: int = CALLS, aht: float = AHT
) -> TrafficImport:
    """`weeks` of the same traffic every weekday, ending on `last_day`."""
    first_day = last_day - timedelta(weeks=weeks) + timedelta(days=1)
    traffic_import = TrafficImport.objects.create(
        filename="constant.csv", rows=0, interval_minutes=30, first_day=first_day, last_day=last_day, channels=[channel]
    )
    rows = []
    day = first_day
    while day <= last_day:
        if day.weekday() < 5:
            for i in range(OPEN_INTERVALS):
                minutes = OPEN_FROM * 60 + 30 * i
                rows.append(
                    TrafficInterval(
                        traffic_import=traffic_import,
                        channel=channel,
                        day=day,
                        start=time(minutes // 60, minutes % 60),
                        interval_minutes=30,
                        contacts=contacts,
                        aht_seconds=aht,
                    )
                )
        day += timedelta(days=1)
    TrafficInterval.objects.bulk_create(rows)
    TrafficImport.objects.filter(pk=traffic_import.pk).update(rows=len(rows))
    return traffic_import


def settings_make(**fields) -> PlanSettings:
    settings, _created = PlanSettings.objects.update_or_create(pk=1, defaults=fields)
    return settings


def agents_make(n: int, *, hire_date: date = date(2020, 3, 2), start: int = 1, **fields) -> list[Agent]:
    team = team_default()
    profile = RoleProfile.objects.get(slug="advisor-controller-led")
    return Agent.objects.bulk_create(
        Agent(
            employee_number=f"P{start + i:05d}",
            name=f"Agent {start + i}",
            team=team,
            role_profile=profile,
            hire_date=hire_date,
            **fields,
        )
        for i in range(n)
    )


def hazard_model_make(*, monthly: float, first_quarter: float | None = None) -> AttritionModel:
    """An active hazard model by hand: every agent-month `monthly`, or `first_quarter` while the tenure is
    under 3 months (the model's tenure_0_3 feature), so that the tenure advancing month by month shows."""
    features = [name for name, _group in hazard.NUMERIC_FEATURES] + ["team=other", "manager=other"]
    coef = [0.0] * len(features)
    intercept = math.log(monthly / (1 - monthly))
    if first_quarter is not None:
        coef[features.index("tenure_0_3")] = math.log(first_quarter / (1 - first_quarter)) - intercept
    schema = hazard.hazard_schema()
    return AttritionModel.objects.create(
        kind=ModelKind.HAZARD,
        version=1,
        schema=schema,
        schema_hash=schema_hash(schema),
        n_rows=1000,
        positives=50,
        is_active=True,
        parameters={
            "horizon": 6,
            "fills": {name: 0.0 for name, _group in hazard.NUMERIC_FEATURES},
            "levels": {"team": ["other"], "manager": ["other"]},
            "features": features,
            "means": [0.0] * len(features),
            "scales": [1.0] * len(features),
            "coef": coef,
            "intercept": intercept,
        },
    )


def demo_traffic_make(*, end: date, years: int = 2) -> TrafficImport:
    """The demo centre's traffic (staffing.analysis.demo_traffic) up to the day before `end`, as an import."""
    series = demo_series(end=end, years=years)
    traffic_import = TrafficImport.objects.create(
        filename="demo.csv",
        source=TrafficImport.Source.DEMO,
        rows=0,
        interval_minutes=30,
        first_day=end - timedelta(days=365 * years),
        last_day=end - timedelta(days=1),
        channels=[s.channel for s in series],
    )
    rows = []
    for channel in series:
        busy = channel.contacts > 0
        for start, contacts, aht in zip(
            channel.starts[busy].astype(datetime), channel.contacts[busy], channel.aht_seconds[busy], strict=True
        ):
            rows.append(
                TrafficInterval(
                    traffic_import=traffic_import,
                    channel=channel.channel,
                    day=start.date(),
                    start=start.time(),
                    interval_minutes=30,
                    contacts=int(contacts),
                    aht_seconds=float(aht),
                )
            )
    TrafficInterval.objects.bulk_create(rows, batch_size=5000)
    TrafficImport.objects.filter(pk=traffic_import.pk).update(rows=len(rows))
    return traffic_import
