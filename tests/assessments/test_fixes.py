"""Regressions: reminders claimed once, erased people leave no name in the access log, no early review."""

import pytest
from django.core import mail
from django.core.management import call_command

from assessments import personal_data, services
from assessments.models import Answer, Invitation
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.services import access_log


def test_a_reminder_task_delivered_twice_sends_one_reminder(invitation):
    mail.outbox.clear()
    services.invitation_send(invitation_id=invitation.id, reminder=True)
    services.invitation_send(invitation_id=invitation.id, reminder=True)
    assert len(mail.outbox) == 1
    assert Invitation.objects.get(id=invitation.id).reminded_at is not None


def test_after_erasure_the_access_log_keeps_the_access_but_not_the_name(invitation, hr_user):
    access_log(user=hr_user, action="view", target=invitation)
    invitation_id = invitation.id
    personal_data.invitation_erase(invitation=invitation, user=hr_user)
    entries = AccessLog.objects.filter(target_id=str(invitation_id))
    assert sorted(entries.values_list("action", flat=True)) == ["erase", "view"]
    assert not [row for row in entries.values_list() if "Sofie" in str(row)]


def test_a_written_answer_cannot_be_reviewed_before_submission(client, battery, token, invitation, hr_user):
    client.post(f"/api/take/{token}/start/", {"consent": True}, content_type="application/json")
    text_item = battery.sections.get(key="skills").items.filter(kind="text").first()
    client.post(f"/api/take/{token}/sections/{text_item.section_id}/open/")
    client.put(f"/api/take/{token}/answers/{text_item.id}/", {"value": "Hej"}, content_type="application/json")
    answer = Answer.objects.get(item=text_item)
    with pytest.raises(ApplicationError) as excinfo:
        services.review_save(answer=answer, scores={str(i): 2 for i in range(5)}, reviewer=hr_user)
    assert excinfo.value.status == 409


def test_the_erase_command_leaves_no_name_behind(invitation, hr_user):
    call_command("candidate_data", invitation.email, "--erase", "--by", hr_user.username)
    assert not Invitation.objects.exists()
    assert not [row for row in AccessLog.objects.values_list() if "Sofie" in str(row)]
