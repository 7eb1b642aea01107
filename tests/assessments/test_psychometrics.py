import math

import numpy as np
import pytest

from assessments.psychometrics import (
    alpha_if_item_deleted,
    cronbach_alpha,
    flag_items,
    item_difficulty,
    item_rest_correlations,
    mcdonald_omega,
    one_factor_loadings,
    percentile_rank,
    reverse_key,
    scale_statistics,
    standard_error_of_measurement,
    sten,
)

# Five respondents, three items on a 1-5 scale. Every expected value below is worked by hand.
#
#            item1 item2 item3 | total
SCORES = [
    [2, 3, 3],  # 8
    [4, 4, 5],  # 13
    [3, 3, 4],  # 10
    [5, 4, 5],  # 14
    [1, 2, 2],  # 5
]
# item1: mean 3,   deviations -1, 1, 0, 2, -2           SS 10   variance 10/4  = 2.5
# item2: mean 3.2, deviations -.2, .8, -.2, .8, -1.2    SS 2.8  variance 2.8/4 = 0.7
# item3: mean 3.8, deviations -.8, 1.2, .2, 1.2, -1.8   SS 6.8  variance 6.8/4 = 1.7
# total: mean 10,  deviations -2, 3, 0, 4, -5           SS 54   variance 54/4  = 13.5
# alpha = 3/2 * (1 - (2.5 + 0.7 + 1.7) / 13.5) = 1.5 * 8.6 / 13.5 = 12.9 / 13.5 = 43/45
ALPHA = 43 / 45
TOLERANCE = 1e-12


def population_omega(loadings: list[float]) -> float:
    common = sum(loadings) ** 2
    return common / (common + sum(1 - loading**2 for loading in loadings))


def one_factor_sample(loadings: list[float], *, n: int = 5000, seed: int = 20240611) -> np.ndarray:
    rng = np.random.default_rng(seed)
    lam = np.asarray(loadings)
    factor = rng.standard_normal((n, 1))
    return factor * lam + rng.standard_normal((n, len(lam))) * np.sqrt(1 - lam**2)


def test_it_computes_alpha_by_the_textbook_formula():
    assert cronbach_alpha(SCORES) == pytest.approx(ALPHA, abs=TOLERANCE)


def test_it_computes_alpha_if_each_item_is_deleted():
    # without item1: totals 6, 9, 7, 9, 4 (mean 7, SS 1+4+0+4+9 = 18, variance 4.5)
    #   alpha = 2 * (1 - (0.7 + 1.7) / 4.5) = 2 * 2.1 / 4.5 = 14/15
    # without item2: totals 5, 9, 7, 10, 3 (mean 6.8, SS 3.24+4.84+.04+10.24+14.44 = 32.8, variance 8.2)
    #   alpha = 2 * (1 - (2.5 + 1.7) / 8.2) = 2 * 4 / 8.2 = 40/41
    # without item3: totals 5, 8, 6, 9, 3 (mean 6.2, SS 1.44+3.24+.04+7.84+10.24 = 22.8, variance 5.7)
    #   alpha = 2 * (1 - (2.5 + 0.7) / 5.7) = 2 * 2.5 / 5.7 = 50/57
    assert alpha_if_item_deleted(SCORES) == pytest.approx([14 / 15, 40 / 41, 50 / 57], abs=TOLERANCE)


def test_it_computes_the_standard_error_of_measurement():
    # sd of the total = sqrt(13.5); SEM = sqrt(13.5) * sqrt(1 - 43/45) = sqrt(13.5 * 2/45) = sqrt(0.6)
    assert standard_error_of_measurement(math.sqrt(13.5), ALPHA) == pytest.approx(math.sqrt(0.6), abs=TOLERANCE)


def test_it_holds_the_sem_to_the_sd_when_reliability_is_negative():
    assert standard_error_of_measurement(2.0, -0.4) == 2.0
    assert math.isnan(standard_error_of_measurement(2.0, math.nan))


def test_it_correlates_each_item_with_the_rest_of_the_scale():
    # item1 deviations -1, 1, 0, 2, -2 (SS 10); rest = item2 + item3 = 6, 9, 7, 9, 4,
    # deviations -1, 2, 0, 2, -3 (SS 18); cross products 1 + 2 + 0 + 4 + 6 = 13
    # r = 13 / sqrt(10 * 18) = 13 / sqrt(180)
    correlations = item_rest_correlations(SCORES)
    assert correlations[0] == pytest.approx(13 / math.sqrt(180), abs=TOLERANCE)

    matrix = np.asarray(SCORES, dtype=float)
    for item, correlation in enumerate(correlations):
        rest = matrix.sum(axis=1) - matrix[:, item]
        assert correlation == pytest.approx(np.corrcoef(matrix[:, item], rest)[0, 1], abs=TOLERANCE)


def test_it_rescales_the_item_mean_to_difficulty():
    # means 3, 3.2, 3.8 on 1-5: (3-1)/4, (3.2-1)/4, (3.8-1)/4
    assert item_difficulty(SCORES, 1, 5) == pytest.approx([0.5, 0.55, 0.7], abs=TOLERANCE)


def test_it_gives_the_proportion_correct_for_binary_items():
    answers = [[1, 0], [1, 1], [0, 0], [1, np.nan]]
    # item1: 3 of 4 correct; item2: 1 of the 3 who answered
    assert item_difficulty(answers, 0, 1) == pytest.approx([0.75, 1 / 3], abs=TOLERANCE)


def test_it_ranks_ties_at_their_midpoint():
    norms = [1, 2, 2, 3, 4, 5, 5, 5, 6, 7]
    # value 5: five norm scores below, three equal -> (5 + 3/2) / 10 = 65 %
    assert percentile_rank(5, norms) == pytest.approx(65.0, abs=TOLERANCE)
    # below everything: 0; above everything: 100; between 4 and 5: six below -> 50 %
    assert percentile_rank(0, norms) == 0.0
    assert percentile_rank(8, norms) == 100.0
    assert percentile_rank(4.5, norms + [np.nan]) == 50.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (26, 9),  # z = 1.5: 5.5 + 3 = 8.5, half up -> 9
        (19, 5),  # z = -0.25: 5.5 - 0.5 = 5
        (20, 6),  # at the mean: 5.5, half up -> 6
        (11, 1),  # z = -2.25: 5.5 - 4.5 = 1
        (40, 10),  # z = 5: 15.5, held to 10
        (0, 1),  # z = -5: held to 1
    ],
)
def test_it_converts_to_stens(value, expected):
    assert sten(value, mean=20, sd=4) == expected


def test_it_uses_the_side_of_the_mean_when_the_norm_sd_is_zero():
    assert sten(3, mean=4, sd=0) == 5
    assert sten(4, mean=4, sd=0) == 6
    assert sten(5, mean=4, sd=0) == 6


def test_it_reverse_keys_scores():
    assert reverse_key([1, 2, 3, 4, 5]).tolist() == [5, 4, 3, 2, 1]
    assert reverse_key(2, min_score=0, max_score=6) == 4
    assert math.isnan(reverse_key([np.nan, 1])[0])
    with pytest.raises(ValueError):
        reverse_key([6])


def test_it_recovers_omega_of_a_known_one_factor_model():
    loadings = [0.8, 0.7, 0.6, 0.5]
    # (0.8+0.7+0.6+0.5)² = 6.76; uniquenesses 4 - 1.74 = 2.26; omega = 6.76 / 9.02 ≈ 0.7494
    assert population_omega(loadings) == pytest.approx(6.76 / 9.02, abs=TOLERANCE)
    assert mcdonald_omega(one_factor_sample(loadings)) == pytest.approx(population_omega(loadings), abs=0.02)


def test_it_recovers_the_loadings_of_a_known_one_factor_model():
    sample = one_factor_sample([0.8, 0.7, 0.6, 0.5])
    assert one_factor_loadings(np.corrcoef(sample, rowvar=False)) == pytest.approx([0.8, 0.7, 0.6, 0.5], abs=0.03)


def test_it_matches_standardized_alpha_for_tau_equivalent_items():
    sample = one_factor_sample([0.6] * 5) * [1, 2, 3, 4, 5]  # unequal scales: omega standardizes
    standardized = (sample - sample.mean(axis=0)) / sample.std(axis=0, ddof=1)
    assert mcdonald_omega(sample) == pytest.approx(cronbach_alpha(standardized), abs=0.005)
    assert mcdonald_omega(sample) == pytest.approx(mcdonald_omega(standardized), abs=TOLERANCE)


def test_it_keeps_omega_below_one_in_a_heywood_case():
    # Correlations .8, .8, .4 imply a first loading of sqrt(.8 * .8 / .4) > 1.
    correlations = np.array([[1, 0.8, 0.8], [0.8, 1, 0.4], [0.8, 0.4, 1]])
    loadings = one_factor_loadings(correlations)
    assert loadings[0] == pytest.approx(math.sqrt(0.995), abs=TOLERANCE)
    rng = np.random.default_rng(7)
    sample = rng.multivariate_normal(np.zeros(3), correlations, size=500)
    assert 0 < mcdonald_omega(sample) < 1


def test_it_lowers_omega_for_an_item_left_unreversed():
    sample = one_factor_sample([0.8, 0.7, 0.6, 0.5])
    unreversed = sample * [1, 1, 1, -1]
    assert mcdonald_omega(unreversed) < mcdonald_omega(sample) - 0.05


def test_it_drops_incomplete_respondents_listwise():
    with_missing = SCORES + [[np.nan, 5, 1], [1, np.nan, np.nan]]
    assert cronbach_alpha(with_missing) == pytest.approx(ALPHA, abs=TOLERANCE)
    assert alpha_if_item_deleted(with_missing) == pytest.approx(alpha_if_item_deleted(SCORES), abs=TOLERANCE)
    assert item_rest_correlations(with_missing) == pytest.approx(item_rest_correlations(SCORES), abs=TOLERANCE)


def test_it_returns_nan_for_fewer_than_two_items():
    single = [[row[0]] for row in SCORES]
    assert math.isnan(cronbach_alpha(single))
    assert math.isnan(mcdonald_omega(single))
    assert math.isnan(item_rest_correlations(single)[0])
    # Deleting one of two items leaves a single item.
    assert all(math.isnan(value) for value in alpha_if_item_deleted([row[:2] for row in SCORES]))


def test_it_returns_nan_for_fewer_than_two_respondents():
    assert math.isnan(cronbach_alpha(SCORES[:1]))
    assert math.isnan(cronbach_alpha([[1, 2, 3], [np.nan, 2, 3]]))


def test_it_returns_nan_without_variance():
    constant = [[3, 3, 3]] * 4
    assert math.isnan(cronbach_alpha(constant))
    assert math.isnan(mcdonald_omega(constant))
    assert all(math.isnan(value) for value in item_rest_correlations(constant))
    # Exactly constant despite float rounding of the mean of 0.1.
    assert math.isnan(cronbach_alpha([[0.1, 0.1]] * 3))


def test_it_refuses_scores_that_are_not_a_matrix():
    with pytest.raises(ValueError):
        cronbach_alpha([1, 2, 3])


def test_it_flags_weak_items_with_a_margin():
    flags = flag_items([0.45, 0.10, 0.30, 0.50], [0.70, 0.70, 0.7051, 0.704], alpha=0.70)
    assert flags == [[], ["low_item_rest"], ["hurts_reliability"], []]
    assert flag_items([math.nan], [math.nan], alpha=math.nan) == [[]]


def test_it_bundles_the_scale_statistics():
    stats = scale_statistics(SCORES + [[np.nan, 1, 1]], min_score=1, max_score=5)
    assert (stats.n_items, stats.n_respondents) == (3, 5)
    assert stats.alpha == pytest.approx(ALPHA, abs=TOLERANCE)
    assert stats.mean == pytest.approx(10, abs=TOLERANCE)
    assert stats.sd == pytest.approx(math.sqrt(13.5), abs=TOLERANCE)
    assert stats.sem == pytest.approx(math.sqrt(0.6), abs=TOLERANCE)
    assert 0 < stats.omega < 1
    # Difficulty is taken on the same complete cases, so the incomplete row's 1s do not count.
    assert stats.difficulty == pytest.approx([0.5, 0.55, 0.7], abs=TOLERANCE)
    assert stats.item_rest[0] == pytest.approx(13 / math.sqrt(180), abs=TOLERANCE)
    assert stats.alpha_if_deleted == pytest.approx([14 / 15, 40 / 41, 50 / 57], abs=TOLERANCE)
    # Dropping item2 raises alpha from .956 to .976, beyond the .005 margin.
    assert stats.flags == [[], ["hurts_reliability"], []]


def test_it_reports_nan_statistics_for_a_scale_nobody_completed():
    stats = scale_statistics([[1, np.nan, 2]], min_score=1, max_score=5)
    assert stats.n_respondents == 0
    assert all(math.isnan(value) for value in (stats.alpha, stats.omega, stats.mean, stats.sd, stats.sem))
    assert stats.flags == [[], [], []]
