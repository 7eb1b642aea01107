from datetime import date, timedelta

import pytest
from django.utils import timezone

from hiring import pipeline
from hiring.models import ApplicationMove, Requisition
from hiring.staffing_inputs import hires_starting_after, offers_open, pipeline_times
from tests.hiring.test_hires import requisition_make
from tests.hiring.test_ranking import apply

STEPS = ("screened", "interview", "offer", "hired")


def walk(application, user, days: dict[str, int], hired_on=None):
    """Move through the pipeline, then date each move `days[stage]` days after the application."""
    for stage in STEPS:
        if stage not in days:
            break
        pipeline.application_move(
            application=application, stage=stage, user=user, hired_on=hired_on if stage == "hired" else None
        )
    applied_at = timezone.now() - timedelta(days=100)
    moves = ApplicationMove.objects.filter(application=application)
    moves.filter(to_stage="applied").update(at=applied_at)
    for stage, day in days.items():
        moves.filter(to_stage=stage).update(at=applied_at + timedelta(days=day))


@pytest.fixture
def requisition(recruiter):
    return requisition_make(recruiter, openings=10)


def test_it_takes_the_median_days_from_application_to_hire(requisition, recruiter):
    for number, days_to_hire in enumerate((20, 30, 70), start=1):
        application = apply(requisition, recruiter, number)
        walk(application, recruiter, {"screened": 5, "interview": 10, "offer": 15, "hired": days_to_hire})

    times = pipeline_times(since=timezone.localdate() - timedelta(days=365))

    assert times.hires == 3
    assert times.time_to_hire_days == pytest.approx(30)


def test_it_leaves_out_a_hire_that_was_taken_back_and_hires_before_the_period(requisition, recruiter):
    kept = apply(requisition, recruiter, 1)
    walk(kept, recruiter, {"screened": 1, "interview": 2, "offer": 3, "hired": 40})
    undone = apply(requisition, recruiter, 2)
    walk(undone, recruiter, {"screened": 1, "interview": 2, "offer": 3, "hired": 4})
    pipeline.application_move_undo(application=undone, user=recruiter)

    assert pipeline_times(since=timezone.localdate() - timedelta(days=365)).time_to_hire_days == pytest.approx(40)
    assert pipeline_times(since=timezone.localdate()).hires == 0


def test_it_measures_offer_to_first_day_and_lists_later_starts(requisition, recruiter):
    today = timezone.localdate()
    application = apply(requisition, recruiter, 1)
    walk(
        application,
        recruiter,
        {"screened": 1, "interview": 2, "offer": 90, "hired": 95},
        hired_on=today + timedelta(days=20),
    )

    times = pipeline_times(since=today - timedelta(days=365))

    # Offer 10 days ago (day 90 of 100), first day in 20 days.
    assert times.offer_to_start_days == pytest.approx(30, abs=1)
    assert hires_starting_after(today) == [(application.hires.get().id, today + timedelta(days=20))]
    assert hires_starting_after(today + timedelta(days=20)) == []


def test_it_lists_open_offers_of_requisitions_still_recruiting(requisition, recruiter):
    waiting = apply(requisition, recruiter, 1)
    walk(waiting, recruiter, {"screened": 1, "interview": 2, "offer": 97})
    closed = requisition_make(recruiter)
    stale = apply(closed, recruiter, 2)
    walk(stale, recruiter, {"screened": 1, "interview": 2, "offer": 50})
    pipeline.requisition_update(requisition=closed, status=Requisition.Status.CLOSED)

    assert offers_open() == [timezone.localdate() - timedelta(days=3)]


def test_it_answers_nothing_without_hires(db):
    times = pipeline_times(since=date(2020, 1, 1))
    assert (times.hires, times.time_to_hire_days, times.offer_to_start_days) == (0, None, None)
    assert offers_open() == [] and hires_starting_after(date(2020, 1, 1)) == []
