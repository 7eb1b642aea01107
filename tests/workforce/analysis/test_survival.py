import csv
import math
from pathlib import Path

import numpy as np
import pytest

from workforce.analysis.survival import concordance_index, cox_ph, group_hazard_ratios, kaplan_meier, logrank_test

WALTONS = Path(__file__).parent / "data" / "waltons.csv"


def waltons():
    with WALTONS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return (
        np.array([float(r["T"]) for r in rows]),
        np.array([int(r["E"]) for r in rows]),
        np.array([r["group"] for r in rows]),
    )


# Published lifelines values for waltons (control group, 129 flies): median 58, S(50) = 0.7651
# with the log-log 95% band 0.6815–0.8294 (the step at day 48); log-rank control vs miR-137 122.25.


def test_it_reproduces_lifelines_published_waltons_values():
    durations, events, groups = waltons()
    control = groups == "control"
    km = kaplan_meier(durations[control], events[control])

    assert km.median() == 58
    assert km.survival_at(50) == pytest.approx(0.7651, abs=5e-5)
    step = np.searchsorted(km.times, 50, side="right") - 1
    assert km.times[step] == 48
    assert km.lower[step] == pytest.approx(0.6815, abs=5e-5)
    assert km.upper[step] == pytest.approx(0.8294, abs=5e-5)
    assert km.at_risk[0] == 129

    result = logrank_test(durations, events, groups)
    assert result.statistic == pytest.approx(122.25, abs=5e-3)
    assert result.df == 1
    assert result.p_value < 1e-20


def test_it_steps_from_one_and_refuses_nothing_in_between():
    km = kaplan_meier([2, 4], [1, 1])

    assert km.survival_at(-1) == 1.0
    assert km.survival_at(0) == 1.0
    assert km.survival_at(1.99) == 1.0
    assert km.survival_at(2) == 0.5
    assert km.survival_at(100) == 0.0
    assert list(km.survival_at(np.array([0, 3, 4]))) == [1.0, 0.5, 0.0]
    assert km.median() == 2  # S(2) = 0.5 <= 0.5: the first time it is reached


def test_it_counts_events_before_censorings_at_the_same_time():
    # Day 2: one leaves, one is censored, both were at risk (5): S(2) = 5/6 * 4/5.
    km = kaplan_meier([1, 2, 2, 3, 5, 5], [1, 1, 0, 1, 1, 1])

    assert list(km.times) == [0, 1, 2, 3, 5]
    assert list(km.at_risk) == [6, 6, 5, 3, 2]
    assert list(km.observed) == [0, 1, 1, 1, 2]
    assert list(km.censored) == [0, 0, 1, 0, 0]
    assert km.survival_at(2) == pytest.approx(5 / 6 * 4 / 5)
    assert km.survival_at(3) == pytest.approx(5 / 6 * 4 / 5 * 2 / 3)
    # Greenwood at day 1: 1 / (6 * 5); log-log band by hand.
    v = math.log(5 / 6)
    lower = math.exp(-math.exp(math.log(-v) - 1.959963984540054 * math.sqrt(1 / 30) / v))
    assert km.lower[1] == pytest.approx(lower)
    # Everybody gone: survival and its band are 0 (lifelines does the same).
    assert (km.survival[-1], km.lower[-1], km.upper[-1]) == (0.0, 0.0, 0.0)


def test_it_gives_the_at_risk_table_under_a_chart():
    km = kaplan_meier([1, 2, 2, 3, 5, 5], [1, 1, 0, 1, 1, 1])

    assert km.at_risk_table([0, 2, 4, 6]) == [
        {"days": 0, "at_risk": 6, "events": 0, "censored": 0},
        {"days": 2, "at_risk": 3, "events": 2, "censored": 1},
        {"days": 4, "at_risk": 2, "events": 3, "censored": 1},
        {"days": 6, "at_risk": 0, "events": 5, "censored": 1},
    ]
    assert km.at_risk_table([-1]) == [{"days": -1, "at_risk": 6, "events": 0, "censored": 0}]


def test_it_returns_plain_rows_for_json_and_csv():
    rows = kaplan_meier([3, 4], [1, 0]).rows()

    assert rows[0] == {"days": 0.0, "survival": 1.0, "lower": 1.0, "upper": 1.0, "at_risk": 2}
    assert rows[1]["survival"] == 0.5 and rows[1]["at_risk"] == 2
    assert [type(v) for v in rows[1].values()] == [float, float, float, float, int]


def test_it_keeps_everybody_when_all_are_censored():
    km = kaplan_meier([3, 4, 4], [0, 0, 0])

    assert list(km.survival) == [1.0, 1.0, 1.0]
    assert list(km.lower) == [1.0, 1.0, 1.0] and list(km.upper) == [1.0, 1.0, 1.0]
    assert km.median() is None


def test_it_counts_leavers_on_day_zero():
    km = kaplan_meier([0, 0, 1, 2], [1, 0, 1, 0])

    assert list(km.times) == [0, 1, 2]
    assert km.survival_at(0) == pytest.approx(0.75)
    assert km.at_risk[0] == 4


@pytest.mark.parametrize(
    ("durations", "events", "message"),
    [
        ([], [], "no durations"),
        ([1, float("nan")], [1, 1], "finite"),
        ([1, -2], [1, 1], "negative"),
        ([1, 2], [1], "same length"),
        ([1, 2], [1, 2], "1 \\(left\\) or 0"),
    ],
)
def test_it_refuses_bad_durations(durations, events, message):
    with pytest.raises(ValueError, match=message):
        kaplan_meier(durations, events)


def test_it_refuses_a_logrank_test_without_two_groups_or_events():
    with pytest.raises(ValueError, match="two groups"):
        logrank_test([1, 2], [1, 1], ["a", "a"])
    with pytest.raises(ValueError, match="no events"):
        logrank_test([1, 2], [0, 0], ["a", "b"])


def test_it_measures_concordance_by_hand():
    # Higher score = longer survival. Comparable: every pair but (3, 4), as 3 is censored before 4.
    times, events = [1, 2, 3, 4], [1, 1, 0, 1]
    assert concordance_index(times, [1, 2, 3, 4], events) == 1.0
    assert concordance_index(times, [4, 3, 2, 1], events) == 0.0
    # Tied scores count half: 5 comparable pairs ((1,2)(1,3)(1,4)(2,3)(2,4)), (1,2) tied -> 4.5 / 5.
    assert concordance_index(times, [1, 1, 3, 4], events) == pytest.approx(4.5 / 5)
    with pytest.raises(ValueError, match="no comparable pairs"):
        concordance_index([1, 2], [1, 2], [0, 0])


def small_cox_data(seed=3, n=120):
    rng = np.random.default_rng(seed)
    band = rng.integers(0, 2, n)
    age = rng.normal(30, 8, n)
    hazard = np.exp(0.7 * band - 0.03 * (age - 30))
    durations = np.ceil(rng.exponential(60 / hazard)).astype(float)  # whole days: many ties
    events = (rng.random(n) < 0.75).astype(int)
    return durations, events, np.column_stack([band, age])


def test_it_fits_a_cox_model_with_a_hazard_ratio_and_interval():
    durations, events, x = small_cox_data()
    result = cox_ph(durations, events, x, ["band", "age"])

    assert result.converged and not result.separated
    assert result.names == ("band", "age")
    assert result.hazard_ratios[0] == pytest.approx(math.exp(result.coefficients[0]))
    assert result.hazard_ratio_lower[0] < result.hazard_ratios[0] < result.hazard_ratio_upper[0]
    assert result.hazard_ratio_lower[0] == pytest.approx(
        math.exp(result.coefficients[0] - 1.959963984540054 * result.standard_errors[0])
    )
    assert 0.5 < result.concordance < 1
    assert result.rows()[0]["name"] == "band"


def test_it_flags_a_band_that_separates_the_leavers():
    # Every band-1 agent leaves before any band-0 agent: the hazard ratio is infinite.
    durations = [1, 2, 3, 4, 10, 11, 12, 13]
    result = cox_ph(durations, [1] * 8, [[1], [1], [1], [1], [0], [0], [0], [0]], ["band"])

    assert result.separated and not result.converged


def test_it_flags_a_band_where_nobody_left():
    durations = [1, 2, 3, 4, 5, 6, 7, 8]
    result = cox_ph(durations, [1, 0, 1, 0, 1, 0, 1, 0], [[0], [1], [0], [1], [0], [1], [0], [1]], ["band"])

    assert result.separated and result.coefficients[0] < -5


def test_it_says_when_it_ran_out_of_iterations():
    durations, events, x = small_cox_data()

    result = cox_ph(durations, events, x, ["band", "age"], max_iterations=1)
    assert not result.converged and not result.separated and result.iterations == 1


def test_it_gives_hazard_ratios_of_bands_against_a_reference():
    durations, events, x = small_cox_data()
    bands = np.where(x[:, 0] == 1, "high", "low")

    result, rows = group_hazard_ratios(durations, events, bands, "low")
    alone = cox_ph(durations, events, x[:, :1], ["band"])
    assert rows[0] == {
        "group": "low",
        "n": int((bands == "low").sum()),
        "events": int(events[bands == "low"].sum()),
        "hazard_ratio": 1.0,
        "lower": None,
        "upper": None,
        "p_value": None,
    }
    assert rows[1]["group"] == "high"
    assert rows[1]["hazard_ratio"] == pytest.approx(alone.hazard_ratios[0])
    assert rows[1]["lower"] == pytest.approx(alone.hazard_ratio_lower[0])
    assert rows[1]["n"] + rows[0]["n"] == len(durations)
    assert result.names == ("high",)
    with pytest.raises(ValueError, match="nobody in it"):
        group_hazard_ratios(durations, events, bands, "medium")


def test_it_refuses_covariates_that_cannot_identify_the_model():
    with pytest.raises(ValueError, match="without variation: flat"):
        cox_ph([1, 2, 3], [1, 1, 1], [[1, 1], [2, 1], [3, 1]], ["x", "flat"])
    with pytest.raises(ValueError, match="collinear"):
        cox_ph([1, 2, 3], [1, 1, 1], [[1, 2], [2, 4], [3, 6]], ["x", "twice_x"])
    with pytest.raises(ValueError, match="no events"):
        cox_ph([1, 2, 3], [0, 0, 0], [[1], [2], [3]], ["x"])
    with pytest.raises(ValueError, match="one column per name"):
        cox_ph([1, 2, 3], [1, 1, 1], [[1], [2], [3]], ["x", "y"])


# Live comparisons with lifelines on randomised data with ties.


@pytest.fixture
def lifelines():
    return pytest.importorskip("lifelines")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_it_matches_lifelines_kaplan_meier_on_random_data(lifelines, seed):
    rng = np.random.default_rng(seed)
    durations = rng.integers(0, 40, 200).astype(float)
    events = (rng.random(200) < 0.6).astype(int)
    fitted = lifelines.KaplanMeierFitter().fit(durations, events)
    km = kaplan_meier(durations, events)

    np.testing.assert_allclose(km.times, fitted.timeline)
    np.testing.assert_allclose(km.survival, fitted.survival_function_.to_numpy()[:, 0], atol=1e-12)
    np.testing.assert_allclose(km.lower, fitted.confidence_interval_.to_numpy()[:, 0], atol=1e-12)
    np.testing.assert_allclose(km.upper, fitted.confidence_interval_.to_numpy()[:, 1], atol=1e-12)
    np.testing.assert_allclose(km.at_risk, fitted.event_table["at_risk"].to_numpy())
    expected_median = fitted.median_survival_time_
    assert km.median() == (None if math.isinf(expected_median) else expected_median)


@pytest.mark.parametrize("seed", [0, 1])
def test_it_matches_lifelines_logrank_with_three_groups(lifelines, seed):
    from lifelines.statistics import logrank_test as lifelines_logrank
    from lifelines.statistics import multivariate_logrank_test

    rng = np.random.default_rng(seed)
    durations = rng.integers(1, 30, 150).astype(float)
    events = (rng.random(150) < 0.7).astype(int)
    groups = rng.choice(["generalist", "specialist", "controller"], 150)
    expected = multivariate_logrank_test(durations, groups, events)
    result = logrank_test(durations, events, groups)

    assert result.statistic == pytest.approx(expected.test_statistic, rel=1e-10)
    assert result.p_value == pytest.approx(expected.p_value, rel=1e-8)
    assert result.df == 2

    two = groups != "controller"
    a, b = two & (groups == "generalist"), two & (groups == "specialist")
    pairwise = lifelines_logrank(durations[a], durations[b], events[a], events[b])
    assert logrank_test(durations[two], events[two], groups[two]).statistic == pytest.approx(
        pairwise.test_statistic, rel=1e-10
    )


def test_it_matches_lifelines_cox_with_efron_ties(lifelines):
    import pandas as pd

    durations, events, x = small_cox_data()
    frame = pd.DataFrame({"T": durations, "E": events, "band": x[:, 0], "age": x[:, 1]})
    fitted = lifelines.CoxPHFitter().fit(frame, "T", "E")
    result = cox_ph(durations, events, x, ["band", "age"])

    np.testing.assert_allclose(result.coefficients, fitted.params_.to_numpy(), rtol=1e-5)
    np.testing.assert_allclose(result.standard_errors, fitted.standard_errors_.to_numpy(), rtol=1e-5)
    np.testing.assert_allclose(result.p_values, fitted.summary["p"].to_numpy(), rtol=1e-4)
    np.testing.assert_allclose(result.hazard_ratio_upper, fitted.summary["exp(coef) upper 95%"].to_numpy(), rtol=1e-5)
    assert result.log_likelihood == pytest.approx(fitted.log_likelihood_, rel=1e-8)
    assert result.concordance == pytest.approx(fitted.concordance_index_, rel=1e-10)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_it_matches_lifelines_concordance_with_ties(lifelines, seed):
    from lifelines.utils import concordance_index as lifelines_concordance

    rng = np.random.default_rng(seed)
    n = 2500  # more than one block of the blocked count
    times = rng.integers(0, 50, n).astype(float)
    scores = rng.integers(0, 8, n) + times / 25
    events = (rng.random(n) < 0.5).astype(int)

    assert concordance_index(times, scores, events) == pytest.approx(
        lifelines_concordance(times, scores, events), rel=1e-12
    )
