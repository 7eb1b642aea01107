"""Bulk actions on the board: everything is checked first, then all are done, or none."""

import pytest
from django.core import mail

from assessments.models import Assessment, Invitation
from hiring import pipeline
from hiring.messages import email_template_save
from hiring.models import Application, ApplicationInvitation, CandidateEmail
from tests.hiring.board_helpers import application_make, requisition_make


@pytest.fixture
def requisition(recruiter):
    return requisition_make(recruiter, title="Kundeservice Malmö", openings=2)


@pytest.fixture
def applications(recruiter, requisition):
    return [
        application_make(recruiter, requisition, name="Mette Hansen", language="da"),
        application_make(recruiter, requisition, name="Anna Lind", language="sv"),
        application_make(recruiter, requisition, name="Lars Berg", language="nb"),
    ]


def bulk(client, requisition, applications, **data):
    return client.post(
        f"/hiring/requisitions/{requisition.id}/bulk/",
        {"applications": [a.id for a in applications], **data},
        follow=True,
    )


def stages(applications):
    return [Application.objects.get(id=a.id).stage for a in applications]


def test_it_moves_every_selected_application(client, recruiter, requisition, applications):
    client.force_login(recruiter)
    response = bulk(client, requisition, applications[:2], action="move", stage="screened")
    assert "2 applications moved." in response.content.decode()
    assert stages(applications) == ["screened", "screened", "applied"]


def test_one_refused_application_stops_them_all_and_says_who_and_why(client, recruiter, requisition, applications):
    pipeline.application_move(application=applications[1], stage="rejected", user=recruiter, reason="Ingen svensk")
    client.force_login(recruiter)
    response = bulk(client, requisition, applications, action="move", stage="screened")
    html = response.content.decode()
    assert "Nothing was done: 1 of 3 applications cannot take this action." in html
    assert "Anna Lind: An application in rejected cannot move to screened." in html
    assert stages(applications) == ["applied", "rejected", "applied"]


def test_it_refuses_to_hire_more_people_than_there_are_openings(client, recruiter, requisition, applications):
    for application in applications:
        for stage in ("screened", "interview", "offer"):
            pipeline.application_move(application=application, stage=stage, user=recruiter)
    client.force_login(recruiter)
    html = bulk(client, requisition, applications, action="move", stage="hired").content.decode()
    assert "Lars Berg: Every opening of this requisition is filled." in html
    assert stages(applications) == ["offer"] * 3
    assert (
        "2 applications moved."
        in bulk(client, requisition, applications[:2], action="move", stage="hired").content.decode()
    )


def test_it_rejects_with_one_reason_and_one_email_each_in_each_language(
    client, recruiter, requisition, applications, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(client, requisition, applications, action="reject", reason="Stillingen er besat internt")
    assert "3 applications rejected; the e-mails go out now." in response.content.decode()
    assert stages(applications) == ["rejected"] * 3
    assert {a.reason for a in Application.objects.all()} == {"Stillingen er besat internt"}
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        ("anna.lind@example.dk", "Din ansökan: Kundeservice Malmö"),
        ("lars.berg@example.dk", "Din søknad: Kundeservice Malmö"),
        ("mette.hansen@example.dk", "Din ansøgning: Kundeservice Malmö"),
    ]
    assert CandidateEmail.objects.filter(kind="rejection", sent_at__isnull=False).count() == 3


def test_a_rejection_without_a_reason_does_nothing(
    client, recruiter, requisition, applications, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(client, requisition, applications, action="reject", reason="  ")
    assert "Nothing was done" in response.content.decode()
    assert stages(applications) == ["applied"] * 3
    assert not mail.outbox and not CandidateEmail.objects.exists()


def test_it_invites_to_the_assessment_with_the_assessments_own_email_once(
    client, recruiter, requisition, applications, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(client, requisition, applications[:2], action="invite", assessment="service-profile-standard")
    assert "2 candidates invited to the assessment." in response.content.decode()
    assert ApplicationInvitation.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["anna.lind@example.dk", "mette.hansen@example.dk"]
    # The board shows it; a second invitation to the same assessment is refused for all.
    html = client.get(f"/hiring/requisitions/{requisition.id}/").content.decode()
    assert html.count("Assessment: Not started") == 2
    with django_capture_on_commit_callbacks(execute=True):
        html = bulk(client, requisition, applications, action="invite", assessment="service-profile-standard").content
    assert "Mette Hansen: An invitation to this assessment is already open." in html.decode()
    assert ApplicationInvitation.objects.count() == 2 and len(mail.outbox) == 2


def test_a_teams_own_invitation_text_replaces_the_assessments_email(
    client, recruiter, requisition, applications, django_capture_on_commit_callbacks
):
    email_template_save(
        team=requisition.team,
        kind="invitation",
        language="da",
        subject="{job_title}: næste skridt",
        body="Hej {candidate_name}, tag testen her: {assessment_link}\n{team_name}",
    )
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        bulk(client, requisition, applications[:1], action="invite", assessment="service-profile-standard")
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Kundeservice Malmö: næste skridt"
    assert "Hej Mette Hansen, tag testen her: http" in sent.body and "/take/" in sent.body
    assert Invitation.objects.get().sent_at is not None  # so the reminder knows the link went out


def test_it_refuses_an_inactive_assessment_and_an_empty_selection(client, recruiter, requisition, applications):
    Assessment.objects.filter(slug="service-profile-standard").update(is_active=False)
    client.force_login(recruiter)
    html = bulk(client, requisition, applications, action="invite", assessment="service-profile-standard").content
    assert "Nothing was done" in html.decode()
    html = bulk(client, requisition, [], action="move", stage="screened").content.decode()
    assert "Select at least one application." in html
    assert not ApplicationInvitation.objects.exists()
    assert stages(applications) == ["applied"] * 3


def test_another_teams_applications_cannot_be_slipped_into_a_bulk_action(
    client, recruiter, requisition, applications, other_team_users
):
    other_recruiter = other_team_users["recruiter"]
    theirs = requisition_make(other_recruiter, title="Bergen")
    foreign = application_make(other_recruiter, theirs, name="Ola Nordmann", language="nb")
    client.force_login(recruiter)
    html = bulk(client, requisition, [applications[0], foreign], action="move", stage="screened").content.decode()
    assert "Nothing was done" in html
    assert stages([applications[0], foreign]) == ["applied", "applied"]
    # And another team's recruiter cannot act on this requisition at all.
    client.force_login(other_recruiter)
    assert client.post(f"/hiring/requisitions/{requisition.id}/bulk/", {"action": "move"}).status_code == 404


def test_a_manager_cannot_use_bulk_actions(client, manager, requisition, applications):
    client.force_login(manager)
    response = client.post(
        f"/hiring/requisitions/{requisition.id}/bulk/",
        {"applications": [applications[0].id], "action": "move", "stage": "screened"},
    )
    assert response.status_code == 403
    assert stages(applications) == ["applied"] * 3


def test_a_failure_halfway_takes_back_the_moves_already_made(
    recruiter, requisition, applications, monkeypatch, django_capture_on_commit_callbacks
):
    """Checked first, but a move can still fail under its lock (another recruiter was quicker)."""
    from hiring import pipeline_bulk
    from servicefit.core.exceptions import ApplicationError

    real_move, calls = pipeline.application_move, []

    def second_one_fails(**kwargs):
        calls.append(kwargs["application"].id)
        if len(calls) == 2:
            raise ApplicationError("Someone else moved it meanwhile.", status=409)
        return real_move(**kwargs)

    monkeypatch.setattr(pipeline, "application_move", second_one_fails)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError):
        pipeline_bulk.application_bulk_reject(applications=applications, reason="Besat", user=recruiter)
    assert stages(applications) == ["applied"] * 3
    assert not CandidateEmail.objects.exists() and not mail.outbox
