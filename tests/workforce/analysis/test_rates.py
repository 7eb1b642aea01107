from datetime import date
from decimal import Decimal

import pytest

from workforce.analysis.rates import (
    attrition_cost,
    early_attrition,
    headcounts_on,
    month_end_headcounts,
    month_ends,
    voluntary_attrition_rate,
)

# Three agents over January and February 2025, worked by hand:
#   A hired 2024-12-01, still employed.
#   B hired 2025-01-10, left voluntarily 2025-02-28 (not employed on 28 Feb).
#   C hired 2024-06-01, dismissed 2025-01-31 (not employed on 31 Jan).
# Month ends: 31 Jan -> A, B = 2; 28 Feb -> A = 1; average 1.5.
# Voluntary exits 1 Jan – 28 Feb: B = 1; the period has 59 days.
# Rate = 1 / 1.5 * 365 / 59 = 4.1243 (412 % a year: one of 1.5 people in two months).
# Early attrition as of 2025-06-30:
#   90 days: A (window ends 2025-03-01), B (2025-04-10), C (2024-08-30) are eligible; B left on
#   day 49 -> 1 of 3, voluntary. 180 days: A (2025-05-30) and C (2024-11-28) eligible, B's window
#   ends 2025-07-09, after the as-of date; neither left within 180 days -> 0 of 2.
A = (date(2024, 12, 1), None, None)
B = (date(2025, 1, 10), date(2025, 2, 28), "voluntary")
C = (date(2024, 6, 1), date(2025, 1, 31), "involuntary")
SPELLS = [(hire, exit_) for hire, exit_, _ in (A, B, C)]


def test_it_counts_month_end_headcounts_by_hand():
    assert month_end_headcounts(SPELLS, date(2025, 1, 1), date(2025, 2, 28)) == [
        (date(2025, 1, 31), 2),
        (date(2025, 2, 28), 1),
    ]


def test_it_does_not_count_someone_on_their_exit_day():
    assert headcounts_on(SPELLS, [date(2025, 1, 30), date(2025, 1, 31), date(2025, 2, 27)]) == [3, 2, 2]
    assert headcounts_on(SPELLS, [date(2025, 1, 9), date(2025, 1, 10)]) == [2, 3]  # counted from the hire day


def test_it_annualises_the_voluntary_attrition_rate_by_hand():
    counts = [n for _, n in month_end_headcounts(SPELLS, date(2025, 1, 1), date(2025, 2, 28))]

    assert voluntary_attrition_rate(1, counts, 59) == pytest.approx(1 / 1.5 * 365 / 59)
    assert voluntary_attrition_rate(1, counts, 59) == pytest.approx(4.1243, abs=1e-4)


def test_it_has_no_rate_without_a_headcount():
    assert voluntary_attrition_rate(0, [0, 0], 59) is None
    assert voluntary_attrition_rate(0, [], 20) is None
    with pytest.raises(ValueError, match="one day"):
        voluntary_attrition_rate(1, [3], 0)


def test_it_measures_early_attrition_among_hires_whose_window_has_passed():
    ninety = early_attrition([A, B, C], date(2025, 6, 30), 90)
    assert (ninety.exits, ninety.eligible, ninety.rate) == (1, 3, pytest.approx(1 / 3))
    assert (ninety.voluntary_exits, ninety.voluntary_rate) == (1, pytest.approx(1 / 3))

    half_year = early_attrition([A, B, C], date(2025, 6, 30), 180)
    assert (half_year.exits, half_year.eligible, half_year.rate) == (0, 2, 0.0)


def test_it_counts_an_exit_on_the_last_day_of_the_window():
    hire = date(2025, 1, 1)
    on_day_90 = (hire, date(2025, 4, 1), "involuntary")  # 1 Jan + 90 days = 1 Apr
    on_day_91 = (hire, date(2025, 4, 2), "voluntary")

    result = early_attrition([on_day_90, on_day_91], date(2025, 4, 1), 90)
    assert (result.exits, result.eligible, result.voluntary_exits) == (1, 2, 0)
    assert early_attrition([on_day_90], date(2025, 3, 31), 90).rate is None  # window not over yet


def test_it_refuses_an_exit_before_the_hire():
    with pytest.raises(ValueError, match="before its hire date"):
        month_end_headcounts([(date(2025, 2, 1), date(2025, 1, 1))], date(2025, 1, 1), date(2025, 3, 1))
    with pytest.raises(ValueError, match="before its hire date"):
        early_attrition([(date(2025, 2, 1), date(2025, 1, 1), "voluntary")], date(2025, 9, 1), 90)


def test_it_lists_month_ends_including_leap_february():
    assert month_ends(date(2024, 1, 31), date(2024, 3, 30)) == [date(2024, 1, 31), date(2024, 2, 29)]
    assert month_ends(date(2024, 12, 1), date(2025, 1, 31)) == [date(2024, 12, 31), date(2025, 1, 31)]
    assert month_ends(date(2025, 3, 1), date(2025, 3, 20)) == []


def test_it_prices_attrition():
    assert attrition_cost(3, Decimal("45000.50")) == Decimal("135001.50")
    assert attrition_cost(2, 0.1) == Decimal("0.2")
    with pytest.raises(ValueError):
        attrition_cost(-1, 100)
