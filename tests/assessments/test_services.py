"""Services that must be safe to repeat, and the reminder e-mails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext

from assessments import services, tasks
from assessments.models import Answer, Attempt, AttemptResult, Invitation, Item
from servicefit.core.exceptions import ApplicationError

from . import factories

# Repeating a step ---------------------------------------------------------------------------------


def test_two_saves_of_one_item_end_as_one_answer_with_the_last_value(battery, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    item = Item.objects.filter(section__assessment=battery, kind=Item.Kind.LIKERT).first()
    first = services.answer_save(invitation=invitation, item_id=item.id, value=2)
    second = services.answer_save(invitation=invitation, item_id=item.id, value=5)
    assert first.id == second.id
    assert list(Answer.objects.values_list("item_id", "value")) == [(item.id, 5)]


def test_starting_twice_returns_the_same_attempt(invitation):
    first = services.attempt_start(invitation=invitation, consent=True)
    # A second tab (or a double click) starts again; consent is no longer asked for.
    second = services.attempt_start(invitation=invitation, consent=False)
    assert first.id == second.id
    assert first.layout == second.layout
    assert Attempt.objects.count() == 1


def test_submitting_twice_is_refused_the_second_time_and_leaves_one_result(battery, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    factories.answer_all(invitation, factories.items_of(battery))
    submitted = services.attempt_submit(invitation=invitation)
    with pytest.raises(ApplicationError) as refused:
        services.attempt_submit(invitation=invitation)
    assert refused.value.status == 409
    assert refused.value.message == gettext("Your answers have already been submitted.")
    assert AttemptResult.objects.count() == 1
    assert Attempt.objects.get().submitted_at == submitted.submitted_at


def test_submitting_twice_through_the_api_answers_409_the_second_time(client, battery, invitation, token):
    services.attempt_start(invitation=invitation, consent=True)
    factories.answer_all(invitation, factories.items_of(battery))
    assert client.post(f"/api/take/{token}/submit/").status_code == 200
    second = client.post(f"/api/take/{token}/submit/")
    assert second.status_code == 409
    assert second.json()["message"]
    assert AttemptResult.objects.count() == 1


# Reminders ----------------------------------------------------------------------------------------


def make(battery, number, *, expires_in, sent=True, reminded=False, status=Invitation.Status.PENDING):
    invitation = factories.invitation(battery, number=number)
    now = timezone.now()
    Invitation.objects.filter(id=invitation.id).update(
        expires_at=now + expires_in,
        sent_at=now - timedelta(days=12) if sent else None,
        reminded_at=now - timedelta(hours=1) if reminded else None,
        status=status,
    )
    return invitation.id


@pytest.fixture
def reminder_cases(battery):
    day = timedelta(days=1)
    due = {
        make(battery, 1, expires_in=day),
        make(battery, 2, expires_in=2 * day - timedelta(minutes=5), status=Invitation.Status.STARTED),
    }
    not_due = {
        make(battery, 3, expires_in=5 * day),  # plenty of time left
        make(battery, 4, expires_in=day, reminded=True),  # already reminded
        make(battery, 5, expires_in=day, sent=False),  # the invitation itself was never sent
        make(battery, 6, expires_in=day, status=Invitation.Status.SUBMITTED),
        make(battery, 7, expires_in=day, status=Invitation.Status.REVOKED),
        make(battery, 8, expires_in=-day),  # already expired
    }
    return due, not_due


def test_reminders_are_due_for_unfinished_invitations_expiring_within_two_days(reminder_cases):
    due, _not_due = reminder_cases
    assert set(services.invitation_reminders_due()) == due


def test_the_reminder_run_sends_one_email_per_due_invitation_once(reminder_cases):
    due, not_due = reminder_cases
    untouched = dict(Invitation.objects.filter(id__in=not_due).values_list("id", "reminded_at"))
    tasks.invitation_reminders_task.delay()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(Invitation.objects.get(id=i).email for i in due)
    assert all(message.subject.startswith("Reminder:") for message in mail.outbox)
    for invitation in Invitation.objects.filter(id__in=due):
        assert invitation.reminded_at is not None
        assert f"/take/{services.invitation_token(invitation)}/" in next(
            m.body for m in mail.outbox if m.to == [invitation.email]
        )
    assert dict(Invitation.objects.filter(id__in=not_due).values_list("id", "reminded_at")) == untouched

    mail.outbox.clear()
    tasks.invitation_reminders_task.delay()
    assert mail.outbox == []


def test_resending_an_expired_link_makes_it_eligible_for_a_reminder_again(battery, django_capture_on_commit_callbacks):
    expired = Invitation.objects.get(id=make(battery, 1, expires_in=-timedelta(days=1), reminded=True))
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(invitation=expired)
    expired.refresh_from_db()
    assert expired.reminded_at is None
    assert expired.expires_at > timezone.now() + timedelta(days=services.INVITATION_DAYS - 1)
    assert len(mail.outbox) == 1
