"""A candidate whose application is hired, rejected or withdrawn before taking the assessment gets no
reminder that the assessment "is still waiting" after the rejection, and the link says it is withdrawn."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, Invitation
from assessments.services.invitations import invitation_reminders_due
from hiring import pipeline, ranking
from hiring.models import Stage
from hiring.pipeline_bulk import application_bulk_move, application_bulk_reject
from tests.assessments.factories import answer_all, items_of
from tests.hiring.board_helpers import application_make, requisition_make

BATTERY = "service-profile-standard"


@pytest.fixture
def invited(recruiter, django_capture_on_commit_callbacks):
    application = application_make(recruiter, requisition_make(recruiter))
    with django_capture_on_commit_callbacks(execute=True):
        invitation = ranking.application_invite(
            application=application, assessment=Assessment.objects.get(slug=BATTERY), user=recruiter
        )
    # Two days before the link expires: the reminder would be due.
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() + timedelta(days=1))
    return application, invitation


@pytest.mark.parametrize("stage", [Stage.REJECTED, Stage.WITHDRAWN])
def test_it_sends_no_reminder_after_the_application_ended(recruiter, invited, stage):
    application, invitation = invited
    assert invitation.id in invitation_reminders_due()

    pipeline.application_move(application=application, stage=stage, user=recruiter, reason="Ikke relevant")

    assert invitation.id not in invitation_reminders_due()
    response = Client().get(f"/take/{assessment_services.invitation_token(invitation)}/")
    assert response.status_code == 410
    assert Invitation.objects.get(id=invitation.id).status == Invitation.Status.REVOKED


def test_a_bulk_rejection_stops_the_reminders_too(recruiter, invited, django_capture_on_commit_callbacks):
    application, invitation = invited
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_bulk_reject(applications=[application], reason="Stillingen er besat", user=recruiter)
    assert invitation.id not in invitation_reminders_due()
    assert [m.subject for m in mail.outbox] == ["Din ansøgning: Kundeservice Aarhus"]


def test_a_submitted_assessment_is_kept_when_the_application_ends(recruiter, invited):
    application, invitation = invited
    assessment_services.attempt_start(invitation=invitation, consent=True)
    answer_all(invitation, items_of(invitation.assessment))
    assessment_services.attempt_submit(invitation=invitation)

    pipeline.application_move(application=application, stage=Stage.REJECTED, user=recruiter, reason="Nej tak")

    assert Invitation.objects.get(id=invitation.id).status == Invitation.Status.SUBMITTED


def _to_offer(application, user):
    for stage in ("screened", "interview", "offer"):
        pipeline.application_move(application=application, stage=stage, user=user)


def test_it_stops_the_reminders_of_a_hired_candidate_who_never_finished(recruiter, invited):
    application, invitation = invited
    _to_offer(application, recruiter)

    pipeline.application_move(application=application, stage=Stage.HIRED, user=recruiter)

    assert invitation.id not in invitation_reminders_due()
    assert Invitation.objects.get(id=invitation.id).status == Invitation.Status.REVOKED


def test_it_stops_the_reminders_of_candidates_hired_in_bulk(recruiter, invited):
    application, invitation = invited
    _to_offer(application, recruiter)

    application.refresh_from_db()
    application_bulk_move(applications=[application], stage=Stage.HIRED, user=recruiter)

    assert invitation.id not in invitation_reminders_due()


def test_it_keeps_the_submitted_assessment_of_a_hired_candidate(recruiter, invited):
    application, invitation = invited
    assessment_services.attempt_start(invitation=invitation, consent=True)
    answer_all(invitation, items_of(invitation.assessment))
    assessment_services.attempt_submit(invitation=invitation)
    _to_offer(application, recruiter)

    pipeline.application_move(application=application, stage=Stage.HIRED, user=recruiter)

    assert Invitation.objects.get(id=invitation.id).status == Invitation.Status.SUBMITTED
