"""The pure parts of the candidate's pages: how long a battery takes, how a part is paged, and which
service styles a feedback report names. Checked against figures worked out by hand."""

import pytest

from assessments import kinds
from assessments.candidate_feedback import strongest_types
from assessments.take_paging import page_bounds
from assessments.timing import SectionShape, duration

LIKERT, FC, SJT, MCQ, TEXT = kinds.LIKERT, kinds.FORCED_CHOICE, kinds.SJT, kinds.MCQ, kinds.TEXT


def test_the_standard_batterys_timed_parts_are_forty_minutes_and_the_whole_about_fifty():
    sections = [
        SectionShape(None, (LIKERT,) * 42),
        SectionShape(None, (FC,) * 10),
        SectionShape(25 * 60, (SJT,) * 12),
        SectionShape(15 * 60, (MCQ,) * 4 + (TEXT,) * 2),
    ]
    result = duration(sections)
    # 25 + 15 minutes of limits; 42 × 10 s + 10 × 25 s = 670 s ≈ 11 min, to the nearest five: 10.
    assert result.timed_minutes == 40
    assert result.untimed_minutes == 10
    assert result.total_minutes == 50
    assert (result.timed_parts, result.untimed_parts) == (2, 2)


def test_a_timed_part_counts_with_its_limit_whatever_its_questions():
    assert duration([SectionShape(90, (TEXT,) * 9)]) == duration([SectionShape(90, (LIKERT,))])
    assert duration([SectionShape(90, (LIKERT,))]).timed_minutes == 2  # 90 s is more than a minute: two


def test_a_short_untimed_part_is_still_about_five_minutes_and_none_is_zero():
    assert duration([SectionShape(None, (LIKERT,) * 3)]).untimed_minutes == 5
    assert duration([SectionShape(600, (SJT,))]).untimed_minutes == 0
    # 2 written answers × 300 s = 10 minutes exactly; 3 × 300 s = 15.
    assert duration([SectionShape(None, (TEXT,) * 2)]).untimed_minutes == 10
    assert duration([SectionShape(None, (TEXT,) * 3)]).untimed_minutes == 15


@pytest.mark.parametrize(
    ("item_kinds", "timed", "sizes"),
    [
        ([LIKERT] * 42, False, [7, 7, 7, 7, 7, 7]),
        ([LIKERT] * 43, False, [7, 6, 6, 6, 6, 6, 6]),  # never a page of one
        ([LIKERT] * 8, False, [4, 4]),
        ([LIKERT] * 7, False, [7]),
        ([FC] * 10, False, [5, 5]),
        ([LIKERT] * 5 + [FC] * 5, False, [5, 5]),  # the smallest page size of the kinds in the part
        ([SJT] * 12, False, [12]),  # kinds without a page size stay on one page
        ([LIKERT] * 42, True, [42]),  # a timed part is never paged
        ([], False, [0]),
    ],
)
def test_parts_are_paged_evenly(item_kinds, timed, sizes):
    bounds = page_bounds(item_kinds, timed=timed)
    assert [end - start for start, end in bounds] == sizes
    assert bounds[0][0] == 0 and bounds[-1][1] == len(item_kinds)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))


def test_the_report_names_the_two_highest_styles_and_breaks_ties_the_same_way_every_time():
    scores = {"rock": 4.2, "empathizer": 3.1, "controller": 4.6, "innovator": 4.2, "hard_worker": 2.0}
    assert strongest_types(scores) == ["controller", "innovator"]  # innovator is listed before rock
    assert strongest_types({"rock": 3.0, "accommodator": 3.0, "competitor": 3.0}) == ["accommodator", "competitor"]
    assert strongest_types({"rock": 1.0}) == ["rock"]
