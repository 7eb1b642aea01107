"""Sending an application's assessment invitation again reads as the first one did: the team's own
invitation text when it wrote one for the candidate's language, else assessments' own wording."""

import pytest
from django.core import mail
from django.urls import reverse

from assessments.models import Assessment, Invitation
from hiring.messages import email_template_save
from hiring.models import CandidateEmail
from hiring.pipeline_bulk import application_invite_send
from tests.hiring.board_helpers import application_make, requisition_make


@pytest.fixture
def application(recruiter):
    return application_make(recruiter, requisition_make(recruiter, title="Kundeservice Malmö"), language="da")


@pytest.fixture
def own_text(application):
    email_template_save(
        team=application.requisition.team,
        kind="invitation",
        language="da",
        subject="{job_title}: næste skridt",
        body="Hej {candidate_name}, tag testen her: {assessment_link}\n{team_name}",
    )


def invite(application, recruiter, capture):
    with capture(execute=True):
        return application_invite_send(
            application=application, assessment=Assessment.objects.get(slug="service-profile-standard"), user=recruiter
        )


def test_it_resends_the_teams_own_invitation_text_from_the_page(
    client, recruiter, application, own_text, django_capture_on_commit_callbacks
):
    invitation = invite(application, recruiter, django_capture_on_commit_callbacks)
    client.force_login(recruiter)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("assessments:invitation-action", args=[invitation.id, "resend"]))

    assert [m.subject for m in mail.outbox] == ["Kundeservice Malmö: næste skridt"] * 2
    assert mail.outbox[0].body == mail.outbox[1].body
    assert CandidateEmail.objects.filter(application=application, kind="invitation", by=recruiter).count() == 2


def test_it_resends_the_teams_own_invitation_text_through_the_api(
    api, recruiter, application, own_text, django_capture_on_commit_callbacks
):
    invitation = invite(application, recruiter, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(recruiter).post(f"/api/invitations/{invitation.id}/resend/")

    assert response.status_code == 200
    assert [m.subject for m in mail.outbox] == ["Kundeservice Malmö: næste skridt"] * 2


def test_it_resends_assessments_wording_without_a_text_of_the_teams_own(
    client, recruiter, application, django_capture_on_commit_callbacks
):
    invitation = invite(application, recruiter, django_capture_on_commit_callbacks)
    client.force_login(recruiter)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("assessments:invitation-action", args=[invitation.id, "resend"]))

    assert len(mail.outbox) == 2 and mail.outbox[0].subject == mail.outbox[1].subject
    assert not CandidateEmail.objects.exists()
    assert Invitation.objects.get(id=invitation.id).sent_at is not None
