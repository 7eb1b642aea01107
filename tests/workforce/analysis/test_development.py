from datetime import date

import pytest

from workforce.analysis.development import (
    DAYS_PER_MONTH,
    Snapshot,
    competency_growth,
    current_levels,
    growth_series,
    last_activity,
    level_from_score,
    plan_progress,
    role_gaps,
)

# Three snapshots, worked by hand:
#   2025-01-01  empathy 2, sales 3
#   2025-04-01  empathy 3               (sales not rated: stays 3)
#   2025-07-01  empathy 4, sales 3.5, writing 2   (writing rated once: no growth)
# empathy: 2 → 4 over 181 days = 5.9466 months → +2, 0.33633/month
# sales:   3 → 3.5 over 181 days → +0.5, 0.084082/month
# mean change (2 + 0.5) / 2 = 1.25; mean per month (0.33633 + 0.084082) / 2 = 0.21021
SNAPSHOTS = [
    Snapshot(date(2025, 7, 1), {"empathy": 4, "sales": 3.5, "writing": 2}),
    Snapshot(date(2025, 1, 1), {"empathy": 2, "sales": 3}),
    Snapshot(date(2025, 4, 1), {"empathy": 3}),
]


def test_it_measures_growth_from_the_first_to_the_latest_rating_of_each_competency():
    growth = competency_growth(SNAPSHOTS)
    by_code = {row.competency: row for row in growth.competencies}
    assert set(by_code) == {"empathy", "sales"}  # writing was rated once
    months = 181 / DAYS_PER_MONTH
    assert months == pytest.approx(5.9466, abs=1e-4)
    assert by_code["empathy"].change == 2
    assert by_code["empathy"].per_month == pytest.approx(0.33633, abs=1e-5)
    assert by_code["sales"].per_month == pytest.approx(0.084082, abs=1e-6)
    assert growth.mean_change == pytest.approx(1.25)
    assert growth.mean_per_month == pytest.approx(0.21021, abs=1e-5)


def test_it_has_no_growth_with_one_snapshot():
    growth = competency_growth([Snapshot(date(2025, 1, 1), {"empathy": 3})])
    assert growth.competencies == [] and growth.mean_change is None and growth.mean_per_month is None


def test_it_carries_an_unrated_competency_forward_in_the_series_and_the_current_levels():
    series = growth_series(SNAPSHOTS)
    assert [row["date"] for row in series] == [date(2025, 1, 1), date(2025, 4, 1), date(2025, 7, 1)]
    assert series[1]["levels"] == {"empathy": 3.0, "sales": 3.0}
    assert series[1]["mean"] == 3.0
    assert series[2]["mean"] == pytest.approx((4 + 3.5 + 2) / 3)
    assert current_levels(SNAPSHOTS) == {"empathy": 4.0, "sales": 3.5, "writing": 2.0}


def test_gaps_to_the_role_target_are_shortfalls_and_unrated_competencies_have_none():
    gaps = {g.competency: g for g in role_gaps({"empathy": 4.0, "sales": 3.5}, {"sales": 4, "empathy": 3, "de": 5})}
    assert gaps["sales"].gap == 0.5 and not gaps["sales"].met
    assert gaps["empathy"].gap == -1 and gaps["empathy"].met
    assert gaps["de"].gap is None and not gaps["de"].met


def test_plan_progress_counts_achieved_over_goals_not_dropped_and_overdue_open_goals():
    today = date(2025, 6, 1)
    goals = [
        ("achieved", date(2025, 1, 1)),  # achieved late: not overdue
        ("achieved", None),
        ("in_progress", date(2025, 5, 31)),  # overdue
        ("open", date(2025, 6, 1)),  # due today: not yet overdue
        ("open", None),
        ("dropped", date(2025, 1, 1)),  # not counted at all
    ]
    progress = plan_progress(goals, today)
    assert (progress.achieved, progress.counted, progress.overdue) == (2, 5, 1)
    assert progress.share == pytest.approx(0.4)
    assert plan_progress([("dropped", None)], today).share is None


def test_last_activity_is_the_latest_known_date():
    assert last_activity([None, date(2025, 3, 1), date(2025, 2, 1)]) == date(2025, 3, 1)
    assert last_activity([None]) is None


@pytest.mark.parametrize(("score", "level"), [(0, 1), (10, 1), (30, 2), (50, 3), (65, 3.75), (90, 5), (100, 5)])
def test_assessment_scores_map_to_the_anchor_bands_middle(score, level):
    assert level_from_score(score) == level
