"""The dashboard's figures against a small population worked out by hand (retention_factories.population).

Period 2023-01-01 to 2023-12-31 (365 days). Agents (hired → left, type):
 1 2022-01-01 → —            5 2023-05-01 → —            9 2024-01-05 (after the period)
 2 2022-06-01 → 2023-03-15 v  6 2023-10-01 → —           10 2021-01-01 → 2022-06-30 v
 3 2023-02-01 → 2023-04-15 v  7 2023-12-31 → —
 4 2023-03-01 → 2023-08-01 i  8 2022-01-01 → 2023-12-31 v
"""

from datetime import date

import numpy as np
import pytest

from servicefit.core.exceptions import ApplicationError
from servicefit.core.roles import Role
from servicefit.core.teams import team_default
from tests.conftest import make_user
from tests.workforce.retention_factories import PERIOD, agent, population
from workforce import retention_selectors as selectors
from workforce.analysis.survival import kaplan_meier

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(db):
    return make_user("hr-retention", Role.HR)


@pytest.fixture
def scope(hr):
    population(team_default())
    return selectors.retention_scope(user=hr, start=PERIOD[0], end=PERIOD[1])


def test_it_counts_headcount_hires_and_exits(scope):
    figures = selectors.retention_overview(scope=scope)
    # Employed on 31 December: 1, 5, 6 and 7 (hired that day); 8 left that day and is gone.
    assert figures["headcount"] == 4
    # Hired in 2023: 3, 4, 5, 6, 7. Left in 2023: 2, 3, 8 voluntarily, 4 dismissed.
    assert (figures["hires"], figures["exits"]) == (5, 4)
    assert (figures["voluntary_exits"], figures["involuntary_exits"]) == (3, 1)


def test_it_annualises_voluntary_attrition_over_month_end_headcounts(scope):
    figures = selectors.retention_overview(scope=scope)
    # Month ends Jan..Dec: 3 (1,2,8) 4 (+3) 4 (-2 +4) 3 (-3) 4 (+5) 4 4 3 (-4) 3 4 (+6) 4 4 (-8 +7) = 44.
    assert figures["average_month_end_headcount"] == pytest.approx(44 / 12)
    # 3 voluntary exits ÷ (44 / 12) × 365 / 365 = 36 / 44.
    assert figures["voluntary_attrition_rate"] == pytest.approx(36 / 44)


def test_it_annualises_a_shorter_period(hr):
    population(team_default())
    half = selectors.retention_scope(user=hr, start=date(2023, 1, 1), end=date(2023, 6, 30))
    figures = selectors.retention_overview(scope=half)
    # Voluntary exits 2 and 3; month ends Jan..Jun: 3 4 4 3 4 4 = 22; 181 days.
    assert figures["voluntary_attrition_rate"] == pytest.approx(2 / (22 / 6) * 365 / 181)


def test_it_counts_early_attrition_among_hires_whose_window_has_passed(scope):
    figures = selectors.retention_overview(scope=scope)
    # 90 days: hires up to 2 October (3, 4, 5, 6); 3 left after 73 days, 4 after 153.
    assert (figures["early_90_eligible"], figures["early_90_exits"]) == (4, 1)
    assert figures["early_attrition_90d"] == pytest.approx(1 / 4)
    # 180 days: hires up to 4 July (3, 4, 5); 3 and 4 left within 180 days.
    assert (figures["early_180_eligible"], figures["early_180_exits"]) == (3, 2)
    assert figures["early_attrition_180d"] == pytest.approx(2 / 3)


def test_an_exit_on_the_last_day_of_the_window_is_early(hr):
    team = team_default()
    agent(team, "2023-01-01", "2023-04-01", "voluntary")  # exactly 90 days
    agent(team, "2023-01-01", "2023-04-02", "voluntary")  # 91 days
    figures = selectors.retention_overview(scope=selectors.retention_scope(user=hr, start=PERIOD[0], end=PERIOD[1]))
    assert (figures["early_90_eligible"], figures["early_90_exits"]) == (2, 1)


def test_the_headcount_moves_with_the_last_day(hr):
    population(team_default())

    def headcount(end):
        return selectors.retention_overview(scope=selectors.retention_scope(user=hr, start=date(2023, 1, 1), end=end))[
            "headcount"
        ]

    # On 30 December agent 8 is still employed and 7 not yet hired: 1, 5, 6, 8.
    assert headcount(date(2023, 12, 30)) == 4
    # On 14 March 2 is still there (leaves on the 15th): 1, 2, 3, 4, 8.
    assert headcount(date(2023, 3, 14)) == 5
    assert headcount(date(2023, 3, 15)) == 4


def test_survival_censors_at_the_last_day_and_at_involuntary_exits(scope):
    curve = selectors.retention_survival(scope=scope)
    # Tenures to 31 December 2023 (agent 9 hired later is left out); voluntary exits are events.
    durations = [729, 287, 73, 153, 244, 91, 0, 729, 545]
    events = [0, 1, 1, 0, 0, 0, 0, 1, 1]
    expected = kaplan_meier(durations, events)
    assert curve["n"] == 9 and curve["events"] == 4
    assert [row["days"] for row in curve["survival"]] == expected.times.tolist()
    assert np.allclose([row["survival"] for row in curve["survival"]], expected.survival)
    # S: 73 days 1 − 1/8 = 0.875; 287 days × 3/4 = 0.65625; 545 days × 2/3 = 0.4375, the first below a half.
    assert curve["survival"][-2]["survival"] == pytest.approx(0.4375)
    assert curve["median_tenure_days"] == expected.median() == 545


def test_it_breaks_figures_down_by_group(hr):
    team = team_default()
    population(team, source="jobindex")
    agent(team, "2023-06-01", "2023-07-01", "voluntary", source="referral")
    scope = selectors.retention_scope(user=hr, start=PERIOD[0], end=PERIOD[1])
    by_source = {b["key"]: b for b in selectors.retention_breakdowns(scope=scope)}["source"]["rows"]
    referral = next(r for r in by_source if r["group"] == "referral")
    # One referral hire, employed on the June month end only: 1 exit ÷ (1 / 12) × 365 / 365 = 12.
    assert (referral["hires"], referral["voluntary_exits"]) == (1, 1)
    assert referral["voluntary_attrition_rate"] == pytest.approx(12)
    jobindex = next(r for r in by_source if r["group"] == "jobindex")
    assert jobindex["voluntary_attrition_rate"] == pytest.approx(36 / 44)


def test_it_refuses_a_period_that_ends_before_it_starts(hr):
    with pytest.raises(ApplicationError):
        selectors.retention_scope(user=hr, start=date(2024, 1, 2), end=date(2024, 1, 1))


def test_the_default_period_is_the_last_twelve_months():
    assert selectors.default_period(date(2024, 5, 10)) == (date(2023, 5, 11), date(2024, 5, 10))
    assert selectors.default_period(date(2024, 2, 29), years=3) == (date(2021, 3, 1), date(2024, 2, 29))


def test_it_starts_a_default_period_no_earlier_than_the_dashboards_first_day():
    assert selectors.default_period(date(1901, 6, 30), years=3) == (date(1900, 1, 1), date(1901, 6, 30))
    assert selectors.default_period(date(1900, 1, 1)) == (date(1900, 1, 1), date(1900, 1, 1))
    assert selectors.default_period(date(2, 2, 1), years=3) == (date(2, 2, 1), date(2, 2, 1))
