"""The staffing plan on small hand-built data whose figures can be worked out by hand.

Traffic: 100 calls every half hour at 180 s, 08:00–16:00 on weekdays. With the default assumptions
(80 % in 20 s, occupancy ≤ 85 %) each interval needs 14 agents (the issue's reference), so a weekday
takes 14 × 16 × 0.5 = 112 net agent-hours, 160 gross after 30 % shrinkage, and a month's FTE is
weekdays × 160 ÷ (37 × days ÷ 7).
"""

import math
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from servicefit.core.exceptions import ApplicationError
from staffing import plan_selectors
from staffing.analysis import erlang
from staffing.models import TrafficEvent
from staffing.plan_selectors import WhatIf, staffing_plan
from tests.staffing.plan_factories import agents_make, hazard_model_make, settings_make, traffic_make

TODAY = date(2025, 1, 15)  # the plan starts in February 2025: 28 days, 20 weekdays
LAST_DAY = date(2025, 1, 14)
GROSS_HOURS_A_WEEKDAY = 14 * 16 * 0.5 / (1 - 0.3)
FEBRUARY_FTE = 20 * GROSS_HOURS_A_WEEKDAY / (37 * 28 / 7)  # 21.62
MARCH_FTE = 21 * GROSS_HOURS_A_WEEKDAY / (37 * 31 / 7)  # 20.51


def textbook_agents(*, contacts: float, aht: float = 180, target: float = 20) -> int:
    """Erlang C by the textbook sum, independent of staffing.analysis.erlang: the fewest agents with
    80 % answered within the target and occupancy ≤ 85 %."""
    traffic = contacts * aht / 1800
    n = math.ceil(traffic / 0.85)
    while True:
        top = traffic**n / math.factorial(n) * n / (n - traffic)
        waiting = top / (sum(traffic**k / math.factorial(k) for k in range(n)) + top)
        if 1 - waiting * math.exp(-(n - traffic) * target / aht) >= 0.8:
            return n
        n += 1


@pytest.fixture
def traffic(db):
    return traffic_make(last_day=LAST_DAY)


def plan(**kwargs):
    return staffing_plan(today=TODAY, **kwargs)


def hires(result) -> int:
    return sum(c.hires for c in result.classes)


def test_it_turns_constant_traffic_into_the_fte_worked_out_by_hand(traffic):
    result = plan(months=3)

    assert [row.month for row in result.months] == [date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)]
    assert result.months[0].required_fte == pytest.approx(FEBRUARY_FTE, rel=1e-6)
    assert result.months[1].required_fte == pytest.approx(MARCH_FTE, rel=1e-6)
    assert result.months[0].required_by_channel == {"phone": pytest.approx(FEBRUARY_FTE, rel=1e-6)}
    # By day: a weekday needs 160 gross hours ÷ (37 ÷ 7) = 30.27 FTE, a weekend day none.
    assert result.days[0] == date(2025, 2, 1)  # a Saturday
    assert result.daily_fte["phone"][:3] == pytest.approx([0, 0, GROSS_HOURS_A_WEEKDAY / (37 / 7)], rel=1e-6)
    # The first week is Saturday and Sunday only; the next is a whole week of five weekdays.
    assert result.weeks[:2] == [date(2025, 2, 1), date(2025, 2, 3)]
    assert result.weekly_fte["phone"][:2] == pytest.approx([0, 5 * GROSS_HOURS_A_WEEKDAY / 37], rel=1e-6)


def test_it_follows_the_assumptions_and_the_what_ifs_of_the_requirement(traffic):
    base = plan(months=1).months[0].required_fte
    settings_make(shrinkage=0.4)
    assert plan(months=1).months[0].required_fte == pytest.approx(base * 0.7 / 0.6, rel=1e-6)
    assert plan(months=1, what_if=WhatIf(shrinkage=0.3)).months[0].required_fte == pytest.approx(base, rel=1e-6)
    assert plan(months=1, what_if=WhatIf(service_level=0.95)).months[0].required_fte > base * 0.7 / 0.6
    # 15 % more calls: 115 a half hour need 15 agents instead of 14 (the textbook formula below).
    assert textbook_agents(contacts=115) == 15 and textbook_agents(contacts=100) == 14
    more = plan(months=1, what_if=WhatIf(traffic_percent=15, shrinkage=0.3)).months[0].required_fte
    assert more == pytest.approx(base * 15 / 14, rel=1e-6)


def test_it_counts_todays_agents_after_their_exits_and_ramp(traffic):
    settings_make(monthly_attrition=0.03)
    agents_make(10)
    agents_make(1, start=100, exit_date=date(2025, 2, 15), exit_type="voluntary", exit_reason="pay")
    agents_make(1, start=200, hire_date=date(2025, 1, 6))  # in training in January, 50 % in February

    result = plan(months=3)

    february, march, april = (row.available_without_hiring for row in result.months)
    assert february == pytest.approx(10 * 0.97 + 14 / 28 + 0.5 * 0.97)
    assert march == pytest.approx(10 * 0.97**2 + 0.75 * 0.97**2)
    assert april == pytest.approx(11 * 0.97**3)
    assert result.inputs.attrition_source == "override"
    assert result.inputs.agents_today == 12


def test_it_takes_the_exits_from_the_attrition_model_when_one_is_active(traffic):
    agents_make(20)
    hazard_model_make(monthly=0.05)

    result = plan(months=2)

    assert [row.available_without_hiring for row in result.months] == pytest.approx([20 * 0.95, 20 * 0.95**2])
    assert (result.inputs.attrition_source, result.inputs.model_version) == ("model", 1)
    assert result.inputs.monthly_attrition == pytest.approx(0.05)


def test_it_gives_new_hires_the_models_hazard_at_their_tenure(traffic):
    agents_make(20)
    hazard_model_make(monthly=0.01, first_quarter=0.2)
    settings_make(training_months=2)

    inputs = plan(months=4).inputs

    # Out of training at two months: one more month in the first quarter, then three settled ones.
    assert inputs.monthly_attrition == pytest.approx(0.01)
    assert inputs.new_hire_monthly_attrition == pytest.approx((0.2 + 3 * 0.01) / 4)


def test_it_falls_back_on_the_last_12_months_voluntary_attrition(traffic):
    agents_make(10)
    agents_make(2, start=50, exit_date=date(2025, 1, 10), exit_type="voluntary", exit_reason="pay")

    result = plan(months=1)

    # 12 at each of the 12 month ends, 2 voluntary exits in 366 days (2024 is a leap year).
    annual = 2 / 12 * 365 / 366
    monthly = 1 - math.exp(-annual / 12)
    assert result.inputs.attrition_source == "rate"
    assert result.inputs.annual_attrition == pytest.approx(annual)
    assert result.months[0].available_without_hiring == pytest.approx(10 * (1 - monthly))


def test_it_hires_more_when_attrition_or_handling_time_rises(traffic):
    settings_make(monthly_attrition=0.02, time_to_hire_days=30)
    agents_make(24)
    base = plan()
    assert hires(base) > 0

    assert hires(plan(what_if=WhatIf(attrition_points=10))) > hires(base)
    assert hires(plan(what_if=WhatIf(aht_percent=10))) > hires(base)
    assert hires(plan(what_if=WhatIf(attrition_points=-20))) < hires(base)
    assert plan(what_if=WhatIf(attrition_points=10)).inputs.annual_attrition == pytest.approx(
        base.inputs.annual_attrition + 0.10
    )


def test_it_needs_3_75_hires_a_month_to_hold_100_agents_at_3_percent_with_20_percent_early_loss(traffic):
    settings_make(monthly_attrition=0.03, early_loss=0.2)
    agents_make(100)

    assert plan(months=1).inputs.steady_state_hires == pytest.approx(3.75)


def test_it_counts_the_starters_in_the_pipeline(traffic):
    settings_make(monthly_attrition=0.0)
    agents_make(5)
    without = plan(months=2)
    agents_make(1, start=100, hire_date=date(2025, 2, 3))

    result = plan(months=2)

    # February: in training; March: 80 % of the class stayed (early loss), at 50 %.
    assert result.inputs.pipeline_hires == 1
    assert result.months[0].available_without_hiring == pytest.approx(without.months[0].available_without_hiring)
    assert result.months[1].available_without_hiring == pytest.approx(5 + 1 * 0.8 * 0.5)
    assert result.months[0].hires_starting == 1


def test_it_expects_the_service_level_the_available_agents_give(traffic):
    settings_make(monthly_attrition=0.0)
    agents_make(20)

    result = plan(months=1)

    row = result.months[0]
    staffed = row.available_without_hiring / row.required_fte
    expected = erlang.service_level(traffic=10, agents=14 * staffed, aht_seconds=180, target_seconds=20)
    assert row.service_level_without_hiring == pytest.approx(expected, rel=1e-6)
    assert 0 < row.service_level_without_hiring < 0.8


def test_it_expects_no_service_without_agents(traffic):
    assert plan(months=1).months[0].service_level_without_hiring == 0.0


def test_it_adds_the_planners_events_to_the_forecast(traffic):
    base = plan(months=2)
    TrafficEvent.objects.create(name="Prisændring", start=date(2025, 2, 1), end=date(2025, 2, 28), uplift_percent=50)

    result = plan(months=2)

    assert result.months[0].required_fte > base.months[0].required_fte * 1.3
    assert result.months[1].required_fte == pytest.approx(base.months[1].required_fte)


def test_it_reports_the_forecast_error_on_held_out_weeks_when_the_history_allows(db):
    traffic_make(last_day=LAST_DAY, weeks=14)
    error = plan(months=1).inputs.forecast_errors["phone"]
    assert error.weeks == 8 and error.wape == pytest.approx(0, abs=1e-6)


def test_it_has_no_plan_without_traffic(db):
    assert plan() is None


def test_it_says_when_the_traffic_is_too_short_to_forecast(db):
    traffic_make(last_day=LAST_DAY, weeks=2)
    with pytest.raises(ApplicationError, match="phone"):
        plan()


def test_it_refuses_a_horizon_beyond_two_years(traffic):
    with pytest.raises(ApplicationError):
        plan(months=25)


def test_it_forecasts_once_and_answers_what_ifs_from_the_cache(traffic, monkeypatch):
    calls = []
    real = plan_selectors.forecast
    monkeypatch.setattr(plan_selectors, "forecast", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))

    plan()
    plan(what_if=WhatIf(aht_percent=10, attrition_points=-5))
    assert len(calls) == 1
    TrafficEvent.objects.create(name="Kampagne", start=date(2025, 3, 1), end=date(2025, 3, 7), uplift_percent=20)
    plan()
    assert len(calls) == 2


def test_it_reads_in_the_same_number_of_queries_whatever_the_head_count(traffic):
    hazard_model_make(monthly=0.02)
    agents_make(5)
    plan()  # the forecast is cached from here on

    with CaptureQueriesContext(connection) as few:
        plan()
    agents_make(200, start=1000)
    with CaptureQueriesContext(connection) as many:
        plan()
    assert len(many.captured_queries) == len(few.captured_queries)
