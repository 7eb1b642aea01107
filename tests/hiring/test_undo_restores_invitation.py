"""Undoing a rejection, a withdrawal or a hire gives back the assessment link that the move withdrew,
so the candidate can take or finish the assessment; a link withdrawn for another reason, or one that
expired meanwhile, stays withdrawn. The recruiter is told which."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, Invitation
from assessments.services.invitations import invitation_reminders_due
from hiring import pipeline, ranking
from hiring.models import Stage
from hiring.pipeline_bulk import application_bulk_reject
from tests.hiring.board_helpers import application_make, requisition_make

BATTERY = "service-profile-standard"


@pytest.fixture
def invited(recruiter, django_capture_on_commit_callbacks):
    application = application_make(recruiter, requisition_make(recruiter))
    with django_capture_on_commit_callbacks(execute=True):
        invitation = ranking.application_invite(
            application=application, assessment=Assessment.objects.get(slug=BATTERY), user=recruiter
        )
    return application, invitation


def link_status(invitation) -> int:
    return Client().get(f"/take/{assessment_services.invitation_token(invitation)}/").status_code


def status(invitation) -> str:
    return Invitation.objects.get(id=invitation.id).status


@pytest.mark.parametrize("stage", [Stage.REJECTED, Stage.WITHDRAWN])
def test_it_gives_back_the_link_when_a_rejection_or_withdrawal_is_undone(recruiter, invited, stage):
    application, invitation = invited
    pipeline.application_move(application=application, stage=stage, user=recruiter, reason="Fejlklik")
    assert link_status(invitation) == 410

    pipeline.application_move_undo(application=application, user=recruiter)

    assert status(invitation) == Invitation.Status.PENDING
    assert link_status(invitation) == 200


def test_it_gives_back_a_started_assessment_when_a_hire_is_undone(recruiter, invited):
    application, invitation = invited
    assessment_services.attempt_start(invitation=invitation, consent=True)
    for stage in ("screened", "interview", "offer"):
        pipeline.application_move(application=application, stage=stage, user=recruiter)
    pipeline.application_move(application=application, stage=Stage.HIRED, user=recruiter)
    assert status(invitation) == Invitation.Status.REVOKED

    pipeline.application_move_undo(application=application, user=recruiter, reason="Takkede nej")

    assert status(invitation) == Invitation.Status.STARTED
    # The link opens where the candidate left off.
    response = Client().get(f"/take/{assessment_services.invitation_token(invitation)}/", follow=True)
    assert response.redirect_chain and response.status_code == 200


def test_it_makes_the_reminder_due_again_after_the_undo(recruiter, invited):
    application, invitation = invited
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() + timedelta(days=1))
    application_bulk_reject(applications=[application], reason="Stillingen er besat", user=recruiter, notify=False)
    assert invitation.id not in invitation_reminders_due()

    pipeline.application_move_undo(application=application, user=recruiter)

    assert invitation.id in invitation_reminders_due()


def test_it_keeps_a_link_withdrawn_by_a_recruiter_before_the_rejection_withdrawn(recruiter, invited):
    application, invitation = invited
    assessment_services.invitation_revoke(invitation=invitation)
    pipeline.application_move(application=application, stage=Stage.REJECTED, user=recruiter, reason="Nej tak")

    pipeline.application_move_undo(application=application, user=recruiter)

    assert status(invitation) == Invitation.Status.REVOKED
    assert link_status(invitation) == 410


def test_it_keeps_a_link_that_expired_meanwhile_withdrawn(recruiter, invited):
    application, invitation = invited
    pipeline.application_move(application=application, stage=Stage.REJECTED, user=recruiter, reason="Nej tak")
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() - timedelta(minutes=1))

    pipeline.application_move_undo(application=application, user=recruiter)

    assert status(invitation) == Invitation.Status.REVOKED


def test_it_does_not_give_back_a_link_withdrawn_by_an_earlier_move_when_a_later_one_is_undone(recruiter, invited):
    application, invitation = invited
    pipeline.application_move(application=application, stage="screened", user=recruiter)
    assessment_services.invitation_revoke(invitation=invitation)

    pipeline.application_move_undo(application=application, user=recruiter)

    assert status(invitation) == Invitation.Status.REVOKED


def test_it_says_on_the_board_that_the_link_works_again(client, recruiter, invited):
    application, invitation = invited
    pipeline.application_move(application=application, stage=Stage.REJECTED, user=recruiter, reason="Fejlklik")
    client.force_login(recruiter)

    response = client.post(f"/hiring/applications/{application.id}/undo/", follow=True)

    page = response.content.decode()
    assert "is in applied again" in page
    assert "The assessment link that the move had withdrawn works again" in page
    assert link_status(invitation) == 200


def test_it_says_on_the_board_that_an_expired_link_stays_withdrawn(client, recruiter, invited):
    application, invitation = invited
    pipeline.application_move(application=application, stage=Stage.REJECTED, user=recruiter, reason="Fejlklik")
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(recruiter)

    response = client.post(f"/hiring/applications/{application.id}/undo/", follow=True)

    page = response.content.decode()
    assert "has expired meanwhile, so it stays withdrawn" in page
    assert "works again" not in page


def test_it_counts_the_links_given_back_in_the_api_undo(api, recruiter, invited):
    application, invitation = invited
    pipeline.application_move(application=application, stage=Stage.REJECTED, user=recruiter, reason="Fejlklik")

    response = api.as_user(recruiter).post(f"/api/applications/{application.id}/undo/", {}, format="json")

    assert response.status_code == 200
    assert response.json()["stage"] == "applied"
    assert response.json()["assessment_links_restored"] == 1
    assert response.json()["assessment_links_expired"] == 0
    assert link_status(invitation) == 200
