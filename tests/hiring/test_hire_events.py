import logging

import pytest
from django.db import transaction

from hiring import events, hire_selectors, pipeline
from hiring.models import Hire
from tests.hiring.test_hires import hire, requisition_make, to_offer
from tests.hiring.test_ranking import apply


@pytest.fixture
def received():
    """What a receiver connected the way workforce will connect one sees: (signal name, hire id)."""
    seen = []

    def on_hired(sender, hire_id, **kwargs):
        seen.append(("hired", hire_id, hire_selectors.hire_get(hire_id).cancelled_at is None))

    def on_cancelled(sender, hire_id, **kwargs):
        seen.append(("cancelled", hire_id, hire_selectors.hire_get(hire_id).cancelled_at is not None))

    events.candidate_hired.connect(on_hired)
    events.hire_cancelled.connect(on_cancelled)
    yield seen
    events.candidate_hired.disconnect(on_hired)
    events.hire_cancelled.disconnect(on_cancelled)


def test_it_announces_a_hire_only_once_the_transaction_commits(recruiter, received, django_capture_on_commit_callbacks):
    application = apply(requisition_make(recruiter), recruiter, 1)
    to_offer(application, recruiter)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        pipeline.application_move(application=application, stage="hired", user=recruiter)
        assert received == []  # recorded, not yet committed
    assert len(callbacks) == 1
    assert received == [("hired", Hire.objects.get().id, True)]


def test_it_announces_nothing_when_the_transaction_rolls_back(recruiter, received, django_capture_on_commit_callbacks):
    application = apply(requisition_make(recruiter), recruiter, 1)
    to_offer(application, recruiter)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        pipeline.application_move(application=application, stage="hired", user=recruiter)
        raise RuntimeError("the caller's transaction fails after the move")
    assert callbacks == []
    assert received == []
    assert not Hire.objects.exists()
    application.refresh_from_db()
    assert application.stage == "offer"


def test_it_announces_the_cancellation_of_an_undone_hire(recruiter, received, django_capture_on_commit_callbacks):
    application = apply(requisition_make(recruiter), recruiter, 1)
    with django_capture_on_commit_callbacks(execute=True):
        hire(application, recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.application_move_undo(application=application, user=recruiter)
    hire_id = Hire.objects.get().id
    assert received == [("hired", hire_id, True), ("cancelled", hire_id, True)]


def test_a_failing_receiver_is_logged_and_the_others_still_hear(
    recruiter, received, django_capture_on_commit_callbacks, caplog
):
    def broken(sender, hire_id, **kwargs):
        raise ValueError("workforce is down")

    events.candidate_hired.connect(broken)
    try:
        application = apply(requisition_make(recruiter), recruiter, 1)
        with (
            caplog.at_level(logging.ERROR, logger="hiring.events"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            hire(application, recruiter)
    finally:
        events.candidate_hired.disconnect(broken)
    assert [name for name, _id, _ok in received] == ["hired"]
    assert "candidate_hired" in caplog.text and "workforce is down" in caplog.text
    assert Hire.objects.filter(cancelled_at__isnull=True).count() == 1
