"""The adverse-impact maths at one stage: rates, impact ratios, the four-fifths flag, Fisher's test
and the suppression of small groups."""

import random
from math import comb

import pytest
from scipy.stats import fisher_exact

from hiring.adverse_impact import GroupImpact, stage_impact

# The reference case: 48 of 80 selected against 21 of 50.
REFERENCE_CASE = {"job_board": (80, 48), "referral": (50, 21)}


def by_group(rows: list[GroupImpact]) -> dict[str, GroupImpact]:
    return {row.group: row for row in rows}


def test_it_flags_the_reference_case_at_an_impact_ratio_of_0_70():
    rows = by_group(stage_impact(REFERENCE_CASE))
    assert rows["job_board"].rate == pytest.approx(0.60)
    assert rows["referral"].rate == pytest.approx(0.42)
    assert rows["referral"].impact_ratio == pytest.approx(0.70)  # 0.42 / 0.60
    assert rows["referral"].flagged


def test_it_gives_the_highest_rate_group_a_ratio_of_1_and_no_test_against_itself():
    top = by_group(stage_impact(REFERENCE_CASE))["job_board"]
    assert top.is_reference
    assert top.impact_ratio == 1
    assert not top.flagged
    assert top.p_value is None


def test_it_matches_scipy_fisher_exact_on_the_reference_case():
    referral = by_group(stage_impact(REFERENCE_CASE))["referral"]
    expected = fisher_exact([[21, 29], [48, 32]], alternative="two-sided").pvalue
    assert referral.p_value == pytest.approx(expected, rel=1e-12)
    assert referral.p_value == pytest.approx(0.0495, abs=1e-4)


def test_it_matches_a_hand_computed_fisher_p_value():
    # 1 of 5 against 5 of 5: margins 5, 5 | 6, 4 of 10. P(a) = C(5,a)·C(5,6−a)/C(10,6) for a = 1..5
    # is 5, 50, 100, 50, 5 over 210; the observed a = 1 and the equally improbable a = 5 give 10/210.
    low = by_group(stage_impact({"high": (5, 5), "low": (5, 1)}))["low"]
    assert comb(10, 6) == 210
    assert low.p_value == pytest.approx(10 / 210, rel=1e-12)
    assert low.impact_ratio == pytest.approx(0.2)
    assert low.flagged


def test_it_tests_each_group_against_the_highest_like_scipy_on_a_seeded_sweep():
    rng = random.Random(8)
    for _ in range(300):
        groups = {}
        for name in ("a", "b", "c"):
            applicants = rng.randint(5, 25)
            groups[name] = (applicants, rng.randint(0, applicants))
        rows = stage_impact(groups)
        (reference,) = [row for row in rows if row.is_reference]
        assert reference.rate == max(row.rate for row in rows)
        for row in rows:
            if row.is_reference or reference.selected == 0:
                continue
            table = [
                [row.selected, row.applicants - row.selected],
                [reference.selected, reference.applicants - reference.selected],
            ]
            assert row.p_value == pytest.approx(fisher_exact(table).pvalue, rel=1e-12)
            assert row.impact_ratio == pytest.approx(row.rate / reference.rate)
            assert row.flagged == (row.impact_ratio < 0.8 - 1e-12)


def test_it_suppresses_groups_below_the_minimum_without_their_counts():
    rows = by_group(stage_impact({**REFERENCE_CASE, "internal": (4, 4)}))
    internal = rows["internal"]
    assert internal == GroupImpact(group="internal", suppressed=True)
    assert internal.rate is None and internal.applicants is None and internal.selected is None
    # 4 of 4 would be the highest rate; a suppressed group never becomes the reference.
    assert rows["job_board"].is_reference
    assert rows["referral"].impact_ratio == pytest.approx(0.70)


def test_it_shows_a_group_of_exactly_the_minimum():
    rows = by_group(stage_impact({"a": (5, 2), "b": (10, 5)}))
    assert not rows["a"].suppressed
    assert rows["a"].impact_ratio == pytest.approx(0.8)


def test_it_takes_a_custom_minimum_group_size():
    rows = by_group(stage_impact(REFERENCE_CASE, min_group_size=60))
    assert rows["referral"].suppressed
    assert rows["job_board"].is_reference and rows["job_board"].impact_ratio == 1


def test_it_suppresses_a_group_with_zero_applicants_without_dividing_by_zero():
    rows = by_group(stage_impact({**REFERENCE_CASE, "nobody": (0, 0)}, min_group_size=1))
    assert rows["nobody"] == GroupImpact(group="nobody", suppressed=True)
    assert not rows["referral"].suppressed


def test_it_defines_no_ratio_when_no_shown_group_selected_anyone():
    rows = stage_impact({"a": (10, 0), "b": (20, 0)})
    assert [row.rate for row in rows] == [0, 0]
    assert [row.impact_ratio for row in rows] == [None, None]
    assert not any(row.flagged for row in rows)
    assert [row.p_value for row in rows] == [None, None]


def test_it_returns_only_suppressed_rows_when_every_group_is_small():
    assert stage_impact({"a": (3, 1), "b": (0, 0)}) == [
        GroupImpact(group="a", suppressed=True),
        GroupImpact(group="b", suppressed=True),
    ]
    assert stage_impact({}) == []


def test_it_flags_nothing_when_all_groups_have_the_same_rate():
    rows = stage_impact({"da": (10, 3), "nb": (20, 6), "sv": (30, 9)})
    assert [row.impact_ratio for row in rows] == [1, 1, 1]
    assert not any(row.flagged for row in rows)
    # Equal rates tie exactly (3/10 = 6/20); the first name is the reference, the others test at p = 1.
    assert [row.is_reference for row in rows] == [True, False, False]
    assert [row.p_value for row in rows] == [None, pytest.approx(1.0), pytest.approx(1.0)]


def test_it_does_not_flag_a_ratio_of_exactly_four_fifths():
    # 3/5 against 6/8 is exactly 4/5, but (3/5) / (6/8) in floats is 0.7999999999999999.
    assert (3 / 5) / (6 / 8) < 0.8
    rows = by_group(stage_impact({"a": (5, 3), "b": (8, 6)}))
    assert rows["a"].impact_ratio == pytest.approx(0.8)
    assert not rows["a"].flagged


def test_it_orders_rows_by_group_name_whatever_the_input_order():
    groups = {"sv": (30, 9), "internal": (3, 1), "da": (10, 8), "nb": (20, 6)}
    expected = ["da", "internal", "nb", "sv"]
    assert [row.group for row in stage_impact(groups)] == expected
    assert stage_impact(dict(reversed(list(groups.items())))) == stage_impact(groups)


@pytest.mark.parametrize("counts", [(-1, 0), (5, -1), (5, 6)])
def test_it_refuses_impossible_counts(counts):
    with pytest.raises(ValueError, match="selected ≤ applicants"):
        stage_impact({"a": counts})


def test_it_refuses_a_minimum_group_size_below_1():
    with pytest.raises(ValueError, match="min_group_size"):
        stage_impact(REFERENCE_CASE, min_group_size=0)
