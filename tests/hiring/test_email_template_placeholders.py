"""A team's own e-mail text takes placeholders as bare names only: a format spec or conversion after
the name ({candidate_name:d}, {job_title!z}, {candidate_name:>999999999}) would be accepted and then
fail (or build a gigabyte string) each time the e-mail is sent."""

import pytest
from django.core import mail

from hiring.messages import candidate_email_send, email_template_save
from hiring.models import CandidateEmail
from servicefit.core.exceptions import ApplicationError
from tests.conftest import make_user
from tests.hiring.board_helpers import application_make, requisition_make

SPECS = ["Hej {candidate_name:d}", "Hej {job_title!z}", "Hej {candidate_name:>999999999}", "Hej {team_name!r}"]


@pytest.mark.parametrize("body", SPECS)
def test_it_refuses_a_placeholder_with_anything_after_the_name(recruiter, body):
    team = requisition_make(recruiter).team
    with pytest.raises(ApplicationError) as excinfo:
        email_template_save(team=team, kind="rejection", language="da", subject="Emne", body=body)
    assert "{candidate_name}" in " ".join(excinfo.value.extra["fields"]["body"])
    assert not team.candidate_email_templates.exists()


def test_it_refuses_one_in_the_subject_too(recruiter):
    team = requisition_make(recruiter).team
    with pytest.raises(ApplicationError) as excinfo:
        email_template_save(team=team, kind="rejection", language="da", subject="{job_title:d}", body="Hej")
    assert "subject" in excinfo.value.extra["fields"]


def test_a_page_saving_such_a_text_says_why_and_a_rejection_still_goes_out(
    client, recruiter, django_capture_on_commit_callbacks
):
    requisition = requisition_make(recruiter, title="Kundeservice")
    application = application_make(recruiter, requisition, name="Kim Olsen", language="da")
    client.force_login(recruiter)
    response = client.post(
        f"/hiring/requisitions/{requisition.id}/emails/",
        {"kind": "rejection", "language": "da", "subject": "Emne", "body": "Hej {candidate_name:d}"},
    )
    assert response.status_code == 400

    with django_capture_on_commit_callbacks(execute=True):
        candidate_email_send(application=application, kind="rejection", user=make_user("rune", "recruiter"))
    [sent] = mail.outbox
    assert sent.subject == "Din ansøgning: Kundeservice"
    assert CandidateEmail.objects.get().sent_at is not None


def test_a_subject_with_a_line_break_is_sent_on_one_line(recruiter, django_capture_on_commit_callbacks):
    requisition = requisition_make(recruiter, title="Kundeservice")
    application = application_make(recruiter, requisition, name="Kim Olsen", language="da")
    # A form field can carry a line break; so can a name imported from a spreadsheet.
    email_template_save(
        team=requisition.team, kind="rejection", language="da", subject="Tak,\r\n{candidate_name}", body="Hej"
    )

    with django_capture_on_commit_callbacks(execute=True):
        candidate_email_send(application=application, kind="rejection", user=recruiter)

    [sent] = mail.outbox
    assert sent.subject == "Tak, Kim Olsen"
    assert CandidateEmail.objects.get().sent_at is not None
