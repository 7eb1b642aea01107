"""The staffing plan: required FTE from the traffic forecast, available FTE from today's agents and the
pipeline, and the hiring plan that closes the gap (staffing.analysis.plan), with what-if changes that
are never saved.

One call reads the inputs in a fixed number of queries. The forecast (the slow part) is cached under a
key of the traffic imports, the planner's events and the first planned month; everything after it is
recomputed on each call, so a what-if answers at once.
"""

import logging
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from functools import partial

import numpy as np
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from threadpoolctl import threadpool_limits

from servicefit.core.exceptions import ApplicationError
from staffing import plan_inputs
from staffing.analysis import plan as planning
from staffing.analysis.channels import EMAIL
from staffing.analysis.forecast import ForecastError, Series, forecast, holdout_error
from staffing.plan_headcount import annual_from_monthly, monthly_from_annual, presence_by_month, shifted
from staffing.plan_required import (
    Assumptions,
    ChannelNeed,
    channel_need,
    daily_fte,
    email_days,
    fte_by_period,
    month_starts,
    next_month,
    scaled,
    service_level_by_month,
    week_starts,
)
from staffing.settings_selectors import plan_settings_get
from workforce import staffing_inputs as workforce_inputs
from workforce.models import Channel

logger = logging.getLogger(__name__)

MAX_MONTHS = 24
# The forecast solves many small least-squares problems: BLAS threads only contend for the cores the web
# workers share (13 s instead of 1.7 s for the demo on two busy cores), so it runs on one.
ONE_BLAS_THREAD = partial(threadpool_limits, limits=1, user_api="blas")
CACHE_SECONDS = 6 * 3600
HOLDOUT_WEEKS = 8


@dataclass(frozen=True)
class WhatIf:
    """Changes to try on the plan, never saved. Fractions for the service level and shrinkage."""

    attrition_points: float = 0.0  # annual voluntary attrition, percentage points up (+) or down (−)
    aht_percent: float = 0.0
    traffic_percent: float = 0.0
    service_level: float | None = None
    shrinkage: float | None = None

    @property
    def is_default(self) -> bool:
        return self == WhatIf()

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class MonthFigures:
    month: date
    required_fte: float
    required_by_channel: dict[str, float]
    available_without_hiring: float
    available_with_plan: float
    gap_without_hiring: float  # required − available: positive is a shortfall
    gap_with_plan: float
    hires_starting: int
    exits_expected: float
    service_level_without_hiring: float | None  # phone and chat, contact-weighted


@dataclass(frozen=True)
class PlanInputsUsed:
    today: date
    first_month: date
    agents_today: int
    attrition_source: str  # "override", "model", "rate" or "none"
    annual_attrition: float  # today's agents, over the plan (annual rate)
    monthly_attrition: float  # today's agents, mean monthly exit probability
    new_hire_monthly_attrition: float  # new hires once productive
    model_version: int | None
    time_to_hire_days: float
    time_to_hire_source: str  # "override", "pipeline" or "default"
    time_to_hire_hires: int
    pipeline_hires: int
    steady_state_hires: float
    service_level: float
    target_answer_seconds: int
    max_occupancy: float
    shrinkage: float
    patience_seconds: int | None
    chat_concurrency: float
    chat_target_answer_seconds: int
    email_response_hours: int
    weekly_hours: float
    training_months: int
    ramp: tuple[float, ...]
    early_loss: float
    channels: list[str]
    traffic_first_day: date
    traffic_last_day: date
    forecast_errors: dict[str, ForecastError | None] = field(default_factory=dict)


@dataclass(frozen=True)
class StaffingPlan:
    months: list[MonthFigures]
    classes: list[planning.Class]
    inputs: PlanInputsUsed
    what_if: WhatIf
    days: list[date]
    daily_fte: dict[str, list[float]]  # channel → gross FTE per day
    weeks: list[date]
    weekly_fte: dict[str, list[float]]


def _assumptions(settings, what_if: WhatIf) -> Assumptions:
    return Assumptions(
        service_level=what_if.service_level if what_if.service_level is not None else settings.service_level,
        target_answer_seconds=settings.target_answer_seconds,
        max_occupancy=settings.max_occupancy,
        shrinkage=what_if.shrinkage if what_if.shrinkage is not None else settings.shrinkage,
        patience_seconds=settings.patience_seconds,
        chat_concurrency=settings.chat_concurrency,
        chat_target_answer_seconds=settings.chat_target_answer_seconds,
        email_response_hours=settings.email_response_hours,
        weekly_hours=settings.weekly_hours,
    )


@dataclass(frozen=True)
class _History:
    series: list[Series]
    errors: dict[str, ForecastError | None]


def _history(signature: str) -> _History:
    """The imported traffic and each channel's forecast error on held-out weeks, cached per import."""
    key = f"staffing:history:v1:{signature}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    series = plan_inputs.traffic_series()
    errors = {}
    for channel_series in series:
        try:
            with ONE_BLAS_THREAD():
                errors[channel_series.channel] = holdout_error(channel_series, weeks=HOLDOUT_WEEKS)
        except ValueError:
            errors[channel_series.channel] = None  # less history than the held-out weeks need: nothing to show
    history = _History(series, errors)
    cache.set(key, history, CACHE_SECONDS)
    return history


def _forecasts(first: date, end: date, email_lead_days: int) -> tuple[_History, list[Series]]:
    """The history and its forecasts, cached by the traffic and events they come from."""
    signature = plan_inputs.traffic_signature()
    uplifts, events_key = plan_inputs.traffic_uplifts()
    key = f"staffing:forecast:v1:{signature}:{events_key}:{first}:{end}:{email_lead_days}"
    history = _history(signature)
    forecasts = cache.get(key)
    if forecasts is not None:
        return history, forecasts
    forecasts = []
    for series in history.series:
        start = first - timedelta(days=email_lead_days if series.channel == EMAIL else 0)
        try:
            with ONE_BLAS_THREAD():
                forecasts.append(forecast(series, start=start, days=(end - start).days, uplifts=uplifts))
        except ValueError as error:
            # The forecast's own words are English and name its series: the log keeps them.
            logger.info("no %s forecast: %s", series.channel, error)
            raise ApplicationError(
                _(
                    "The %(channel)s traffic cannot be forecast yet: the forecast needs at least four weeks "
                    "of history, with contacts in the last eight."
                )
                % {"channel": str(Channel(series.channel).label).lower()},
                extra={"fields": {"traffic": ["too_little"]}},
            ) from error
    cache.set(key, forecasts, CACHE_SECONDS)
    return history, forecasts


def _trimmed(need: ChannelNeed, first: date) -> ChannelNeed:
    keep = need.days >= np.datetime64(first)
    return replace(
        need,
        days=need.days[keep],
        contacts=need.contacts[keep],
        aht_seconds=need.aht_seconds[keep],
        agents=None if need.agents is None else need.agents[keep],
        net_hours=need.net_hours[keep],
    )


@dataclass(frozen=True)
class _Exits:
    outlook: workforce_inputs.AgentsOutlook
    hazards: np.ndarray  # today's agents × months
    source: str
    monthly: float  # today's agents' mean monthly exit probability
    new_hire_monthly: float  # new hires' once productive (PlanInput.monthly_attrition)
    model_version: int | None


def _moved(monthly: float, points: float) -> float:
    return monthly_from_annual(annual_from_monthly(monthly) + points / 100) if points else monthly


def _exits(settings, today: date, months: list[date], what_if: WhatIf, ramp: planning.Ramp) -> _Exits:
    """Today's agents' monthly exit hazards and the new hires' rate, by source, with the what-if applied.

    The attrition model scores each agent; new hires are scored as today's agents would be at a new
    hire's tenure once out of training (the early loss covers the training months). A rate (the
    planner's, or the last 12 months' voluntary attrition) applies to everyone alike."""
    outlook = workforce_inputs.agents_outlook(as_of=today, months=len(months), new_hire_tenure=ramp.training_months)
    n = len(outlook.hire_dates)
    version = None
    if settings.monthly_attrition is not None:
        source, base = "override", settings.monthly_attrition
        hazards, new_hire = np.full((n, len(months)), base), base
    elif outlook.hazards is not None and n:
        source, version = "model", outlook.model_version
        hazards, base = outlook.hazards, float(outlook.hazards.mean())
        new_hire = float(outlook.new_hire_hazards.mean())
    else:
        rate = plan_inputs.voluntary_attrition_last_year(today)
        source = "rate" if rate is not None else "none"
        base = new_hire = monthly_from_annual(rate or 0.0)
        hazards = np.full((n, len(months)), base)
    if what_if.attrition_points:
        hazards, _mean = shifted(hazards, what_if.attrition_points)
    return _Exits(
        outlook=outlook,
        hazards=hazards,
        source=source,
        monthly=_moved(base, what_if.attrition_points),
        new_hire_monthly=_moved(new_hire, what_if.attrition_points),
        model_version=version,
    )


def staffing_plan(*, months: int = 12, what_if: WhatIf = WhatIf(), today: date | None = None) -> StaffingPlan | None:
    """The plan for the `months` months after today's; None when no traffic has been imported."""
    if not 1 <= months <= MAX_MONTHS:
        raise ApplicationError(
            _("Plan between 1 and %(max)s months.") % {"max": MAX_MONTHS}, extra={"fields": {"months": ["range"]}}
        )
    today = today or timezone.localdate()
    settings = plan_settings_get()
    a = _assumptions(settings, what_if)
    first = next_month(today)
    plan_months = month_starts(first, months)
    end = next_month(plan_months[-1])
    lead = email_days(a.email_response_hours) - 1
    history, forecasts = _forecasts(first, end, lead)
    if not history.series:
        return None

    traffic, aht = 1 + what_if.traffic_percent / 100, 1 + what_if.aht_percent / 100
    needs = [_trimmed(channel_need(scaled(s, traffic=traffic, aht=aht), a), first) for s in forecasts]
    by_channel = {need.channel: fte_by_period(need, plan_months, end, a) for need in needs}
    required = [sum(values[i] for values in by_channel.values()) for i in range(months)]

    ramp = planning.Ramp(
        training_months=settings.training_months, curve=settings.ramp(), early_loss=settings.early_loss
    )
    exits = _exits(settings, today, plan_months, what_if, ramp)
    outlook = exits.outlook
    current = presence_by_month(
        hire_dates=outlook.hire_dates,
        exit_dates=outlook.exit_dates,
        hazards=exits.hazards,
        months=plan_months,
        productivity=ramp.productivity,
    )
    hire_time, offer_to_start = plan_inputs.time_to_hire(settings, today)
    starters = plan_inputs.pipeline_hires(today, offer_to_start)
    result = planning.hiring_plan(
        planning.PlanInput(
            months=plan_months,
            required_fte=required,
            current_fte_by_month=current,
            monthly_attrition=exits.new_hire_monthly,
            ramp=ramp,
            hire_lead_days=round(hire_time.days),
            today=today,
            pipeline_hires=starters,
        )
    )
    staffed = [
        row.available_fte_without_hiring / row.required_fte if row.required_fte > 0 else 1.0 for row in result.months
    ]
    levels = service_level_by_month(needs, staffed, plan_months, a)
    month_rows = [
        MonthFigures(
            month=row.month,
            required_fte=row.required_fte,
            required_by_channel={channel: values[i] for channel, values in by_channel.items()},
            available_without_hiring=row.available_fte_without_hiring,
            available_with_plan=row.available_fte_with_plan,
            gap_without_hiring=row.gap_without_hiring,
            gap_with_plan=row.gap_with_plan,
            hires_starting=row.hires_starting,
            exits_expected=row.exits_expected,
            service_level_without_hiring=levels[i],
        )
        for i, row in enumerate(result.months)
    ]
    weeks = week_starts(first, end)
    inputs = PlanInputsUsed(
        today=today,
        first_month=first,
        agents_today=len(outlook.hire_dates),
        attrition_source=exits.source,
        annual_attrition=annual_from_monthly(exits.monthly),
        monthly_attrition=exits.monthly,
        new_hire_monthly_attrition=exits.new_hire_monthly,
        model_version=exits.model_version,
        time_to_hire_days=hire_time.days,
        time_to_hire_source=hire_time.source,
        time_to_hire_hires=hire_time.hires,
        pipeline_hires=sum(n for _day, n in starters),
        steady_state_hires=planning.steady_state_hires(
            headcount=len(outlook.hire_dates), monthly_attrition=exits.monthly, early_loss=settings.early_loss
        ),
        service_level=a.service_level,
        target_answer_seconds=a.target_answer_seconds,
        max_occupancy=a.max_occupancy,
        shrinkage=a.shrinkage,
        patience_seconds=a.patience_seconds,
        chat_concurrency=a.chat_concurrency,
        chat_target_answer_seconds=a.chat_target_answer_seconds,
        email_response_hours=a.email_response_hours,
        weekly_hours=a.weekly_hours,
        training_months=settings.training_months,
        ramp=settings.ramp(),
        early_loss=settings.early_loss,
        channels=[s.channel for s in history.series],
        traffic_first_day=min(s.starts[0] for s in history.series).astype("datetime64[D]").astype(date),
        traffic_last_day=max(s.starts[-1] for s in history.series).astype("datetime64[D]").astype(date),
        forecast_errors=history.errors,
    )
    return StaffingPlan(
        months=month_rows,
        classes=result.classes,
        inputs=inputs,
        what_if=what_if,
        days=[d.astype(date) for d in needs[0].days] if needs else [],
        daily_fte={need.channel: daily_fte(need, a).tolist() for need in needs},
        weeks=weeks,
        weekly_fte={need.channel: fte_by_period(need, weeks, end, a) for need in needs},
    )


def class_starts(classes: list[planning.Class]) -> list[dict]:
    """Classes that start on the same day are one class to recruit for: one row, one requisition, on the
    page and in its CSV."""
    rows: list[dict] = []
    for c in classes:
        if rows and rows[-1]["start"] == c.start:
            row = rows[-1]
            row["hires"] += c.hires
            row["last_month"] = c.for_month
            row["late"] = row["late"] or c.late
            row["productive_month"] = max(row["productive_month"], c.productive_month)
        else:
            rows.append(
                {
                    "start": c.start,
                    "hires": c.hires,
                    "open_requisition_by": c.open_requisition_by,
                    "productive_month": c.productive_month,
                    "first_month": c.for_month,
                    "last_month": c.for_month,
                    "late": c.late,
                }
            )
    return rows
