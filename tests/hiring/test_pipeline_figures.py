"""Time in stage, sources and conversion, against figures worked out by hand."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hiring import pipeline
from hiring.board_selectors import requisition_figures_get
from hiring.models import ApplicationMove
from hiring.pipeline_figures import ApplicationRow, MoveRow, requisition_figures
from tests.hiring.board_helpers import application_make, requisition_make

STAGES = ["applied", "screened", "assessed", "interview", "offer", "hired", "rejected", "withdrawn"]
ENDED = frozenset({"hired", "rejected", "withdrawn"})
OUT = frozenset({"rejected", "withdrawn"})
DAY0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def day(n: float) -> datetime:
    return DAY0 + timedelta(days=n)


def figures():
    """A1 (job board): applied d0, screened d2, interview d5, there now (d20).
    A2 (job board): applied d0, screened d4, rejected d6, the rejection taken back d7 (back in screened).
    A3 (referral): applied d10, there now."""
    moves = [
        MoveRow(1, "applied", day(0)),
        MoveRow(1, "screened", day(2)),
        MoveRow(1, "interview", day(5)),
        MoveRow(2, "applied", day(0)),
        MoveRow(2, "screened", day(4)),
        MoveRow(2, "rejected", day(6), undone=True),
        MoveRow(2, "screened", day(7)),
        MoveRow(3, "applied", day(10)),
    ]
    applications = [ApplicationRow(1, "job_board"), ApplicationRow(2, "job_board"), ApplicationRow(3, "referral")]
    return requisition_figures(applications=applications, moves=moves, stages=STAGES, ended=ENDED, out=OUT, now=day(20))


def test_it_works_out_time_in_stage_from_completed_and_current_stays():
    rows = {row["stage"]: row for row in figures()["time_in_stage"]}
    # applied: 2, 4 and 10 (A3, still there) days: median 4, mean 16/3.
    assert rows["applied"] == {"stage": "applied", "stays": 3, "current": 1, "median_days": 4.0, "mean_days": 5.3}
    # screened: 3 (A1), 2 (A2 before the rejection), 13 (A2 since the undo, still there): median 3, mean 6.
    assert rows["screened"] == {"stage": "screened", "stays": 3, "current": 1, "median_days": 3.0, "mean_days": 6.0}
    assert rows["interview"]["median_days"] == rows["interview"]["mean_days"] == 15.0
    assert rows["assessed"] == {"stage": "assessed", "stays": 0, "current": 0, "median_days": None, "mean_days": None}
    # No time is counted in an ending stage, not even the day A2 spent rejected.
    assert set(rows) == {"applied", "screened", "assessed", "interview", "offer"}


def test_it_counts_per_source_how_far_applications_got_and_ignores_an_undone_rejection():
    sources = figures()["sources"]
    assert [s["source"] for s in sources] == ["job_board", "referral"]
    job_board = sources[0]
    assert job_board["applications"] == 2
    assert {k: v for k, v in job_board["reached"].items() if v} == {"applied": 2, "screened": 2, "interview": 1}
    assert job_board["reached"]["rejected"] == 0
    assert {k: v for k, v in sources[1]["reached"].items() if v} == {"applied": 1}


def test_it_works_out_conversion_from_each_stage_to_any_later_one():
    conversion = {row["stage"]: row for row in figures()["conversion"]}
    assert list(conversion) == ["applied", "screened", "assessed", "interview", "offer"]
    assert conversion["applied"] == {"stage": "applied", "reached": 3, "moved_on": 2, "rate": 0.667}
    assert conversion["screened"] == {"stage": "screened", "reached": 2, "moved_on": 1, "rate": 0.5}
    assert conversion["assessed"]["rate"] is None  # nobody got there: no rate, not 0
    assert conversion["interview"] == {"stage": "interview", "reached": 1, "moved_on": 0, "rate": 0.0}


def test_an_empty_requisition_has_figures_without_numbers():
    empty = requisition_figures(applications=[], moves=[], stages=STAGES, ended=ENDED, out=OUT, now=day(1))
    assert empty["sources"] == []
    assert all(row["median_days"] is None for row in empty["time_in_stage"])
    assert all(row["rate"] is None for row in empty["conversion"])


@pytest.mark.django_db
def test_the_selector_loads_the_rows_in_two_queries_whatever_the_size(recruiter):
    requisition = requisition_make(recruiter)
    for number in range(6):
        application = application_make(recruiter, requisition, name=f"Person {number}", source="referral")
        if number % 2:
            pipeline.application_move(application=application, stage="screened", user=recruiter)
    ApplicationMove.objects.filter(from_stage="").update(at=timezone.now() - timedelta(days=4))
    with CaptureQueriesContext(connection) as queries:
        result = requisition_figures_get(requisition=requisition)
    assert len(queries) == 2
    assert result["sources"][0]["reached"]["screened"] == 3
    applied = next(row for row in result["time_in_stage"] if row["stage"] == "applied")
    assert (applied["stays"], applied["current"]) == (6, 3)
