"""Candidates' personal data: export and erasure on request, and deletion after the retention period."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from assessments import services
from assessments.models import Answer, Attempt, AttemptResult, Invitation, Item, ReviewerScore
from servicefit.core.models import AccessLog

from . import factories


@pytest.fixture
def submitted(battery):
    return factories.submitted_attempt(battery, number=1)


def url(invitation_id):
    return f"/api/invitations/{invitation_id}/"


# Through the API ----------------------------------------------------------------------------------


def test_hr_exports_everything_held_about_a_candidate(api, hr_user, submitted):
    invitation = submitted.invitation
    response = api.as_user(hr_user).get(url(invitation.id))
    assert response.status_code == 200
    data = response.json()
    assert (data["name"], data["email"]) == ("Candidate 1", "candidate1@example.dk")
    keys = dict(Item.objects.values_list("key", "id"))
    stored = dict(Answer.objects.values_list("item_id", "value"))
    assert {answer["item"]: answer["value"] for answer in data["answers"]} == {key: stored[keys[key]] for key in keys}
    assert data["result"]["type_scores"] == AttemptResult.objects.get().type_scores
    assert data["submitted_at"]
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.target_id) == (hr_user, "export", str(invitation.id))


def test_hr_erases_a_candidate_and_the_erasure_is_logged(api, hr_user, submitted):
    invitation = submitted.invitation
    answer = Answer.objects.filter(attempt=submitted, item__kind=Item.Kind.TEXT).first()
    services.review_save(answer=answer, scores={str(i): 2 for i in range(5)}, reviewer=hr_user)
    response = api.as_user(hr_user).delete(url(invitation.id))
    assert response.status_code == 204
    for model in (Invitation, Attempt, Answer, AttemptResult, ReviewerScore):
        assert not model.objects.exists(), model
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.target_id) == (hr_user, "erase", str(invitation.id))
    assert api.as_user(hr_user).get(url(invitation.id)).status_code == 404


def test_an_admin_may_export_and_erase_too(api, admin_user, invitation):
    assert api.as_user(admin_user).get(url(invitation.id)).status_code == 200
    assert api.as_user(admin_user).delete(url(invitation.id)).status_code == 204


@pytest.mark.parametrize("role", ["recruiter", "manager", "outsider"])
def test_other_roles_may_neither_export_nor_erase(api, request, invitation, role):
    client = api.as_user(request.getfixturevalue(role))
    assert client.get(url(invitation.id)).status_code == 403
    assert client.delete(url(invitation.id)).status_code == 403
    assert Invitation.objects.filter(id=invitation.id).exists()
    assert not AccessLog.objects.exists()


def test_anonymous_requests_are_refused(client, invitation):
    assert client.get(url(invitation.id)).status_code == 401
    assert client.delete(url(invitation.id)).status_code == 401
    assert Invitation.objects.exists()


# From the command line ----------------------------------------------------------------------------


def test_the_command_exports_a_candidates_data_as_json(submitted):
    out = StringIO()
    call_command("candidate_data", "CANDIDATE1@example.dk", "--export", stdout=out)
    [data] = json.loads(out.getvalue())
    assert data["email"] == "candidate1@example.dk"
    assert len(data["answers"]) == Item.objects.count()
    assert data["result"]["top_type"] == AttemptResult.objects.get().top_type
    assert AccessLog.objects.get().action == "export"


def test_the_command_erases_every_invitation_of_the_address(battery, submitted):
    factories.invitation(battery, number=1)  # the same person, invited again
    other = factories.invitation(battery, number=2)
    call_command("candidate_data", "candidate1@example.dk", "--erase", stderr=StringIO())
    assert list(Invitation.objects.all()) == [other]
    assert not Attempt.objects.exists() and not Answer.objects.exists()
    assert list(AccessLog.objects.values_list("action", flat=True)) == ["erase", "erase"]


def test_the_command_refuses_an_unknown_address(invitation):
    with pytest.raises(CommandError, match="nobody@example.dk"):
        call_command("candidate_data", "nobody@example.dk", "--export")
    with pytest.raises(CommandError):
        call_command("candidate_data", "nobody@example.dk", "--erase")
    assert Invitation.objects.exists()


# Retention ----------------------------------------------------------------------------------------


def test_data_past_the_retention_period_is_purged_and_recent_data_kept(battery, settings):
    settings.CANDIDATE_RETENTION_DAYS = 30
    now = timezone.now()
    items = factories.items_of(battery)

    def submitted_days_ago(number, days):
        attempt = factories.submitted_attempt(battery, number=number, items=items)
        Attempt.objects.filter(id=attempt.id).update(submitted_at=now - timedelta(days=days))
        return attempt.invitation_id

    def unused_expired_days_ago(number, days):
        invitation = factories.invitation(battery, number=number)
        Invitation.objects.filter(id=invitation.id).update(expires_at=now - timedelta(days=days))
        return invitation.id

    old_submitted = submitted_days_ago(1, 31)
    recent_submitted = submitted_days_ago(2, 29)
    old_unused = unused_expired_days_ago(3, 31)
    recent_unused = unused_expired_days_ago(4, 29)
    pending = factories.invitation(battery, number=5).id

    assert services.candidate_data_purge() == 2
    assert set(Invitation.objects.values_list("id", flat=True)) == {recent_submitted, recent_unused, pending}
    assert list(Attempt.objects.values_list("invitation_id", flat=True)) == [recent_submitted]
    assert not Answer.objects.exclude(attempt__invitation_id=recent_submitted).exists()
    assert old_submitted not in AttemptResult.objects.values_list("attempt__invitation_id", flat=True)
    assert old_unused not in Invitation.objects.values_list("id", flat=True)


def test_the_purge_task_runs_the_purge(battery, settings):
    settings.CANDIDATE_RETENTION_DAYS = 30
    invitation = factories.invitation(battery, number=1)
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() - timedelta(days=31))
    from assessments.tasks import candidate_data_purge_task

    candidate_data_purge_task.delay()
    assert not Invitation.objects.exists()
