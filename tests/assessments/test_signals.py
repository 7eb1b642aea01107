"""assessments.signals.attempt_scored: what apps above assessments (hiring) hear of a scored attempt."""

import pytest

from assessments import services
from assessments.models import Answer, Item
from assessments.signals import attempt_scored
from tests.assessments import factories


@pytest.fixture
def heard():
    calls = []

    def receiver(sender, **kwargs):
        calls.append({k: v for k, v in kwargs.items() if k != "signal"})

    attempt_scored.connect(receiver, dispatch_uid="test-attempt-scored")
    yield calls
    attempt_scored.disconnect(dispatch_uid="test-attempt-scored")


def test_it_is_sent_once_the_submit_has_committed(battery, heard, django_capture_on_commit_callbacks):
    invitation = factories.invitation(battery, number=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        attempt = factories.answer_all_through_start(invitation, factories.items_of(battery))
    assert heard == []  # nothing before the commit: a rolled-back submit tells no one

    for callback in callbacks:
        callback()
    assert heard == [{"attempt_id": attempt.id, "invitation_id": invitation.id}]


def test_it_is_sent_again_when_a_review_changes_the_scores(battery, heard, hr_user, django_capture_on_commit_callbacks):
    invitation = factories.invitation(battery, number=1)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = factories.answer_all_through_start(invitation, factories.items_of(battery))
    text = Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT, item__rubric__has_key="en").first()

    with django_capture_on_commit_callbacks(execute=True):
        services.review_save(
            answer=text, scores=dict.fromkeys(map(str, range(len(text.item.rubric["en"]))), 3), reviewer=hr_user
        )
    assert heard == [{"attempt_id": attempt.id, "invitation_id": invitation.id}] * 2


def test_an_unsubmitted_attempt_is_not_announced(battery, heard, django_capture_on_commit_callbacks):
    invitation = factories.invitation(battery, number=1)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.attempt_start(invitation=invitation, consent=True)
        services.attempt_score(attempt=attempt)
    assert heard == []
