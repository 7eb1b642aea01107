"""A team's own reminder text: the scheduled reminder of an application's assessment link goes out in
the team's words for the candidate's language, and in assessments' built-in reminder without them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from assessments.models import Assessment, Invitation
from assessments.tasks import invitation_reminders_task
from hiring.messages import email_template_save
from hiring.models import CandidateEmail
from hiring.pipeline_bulk import application_invite_send
from servicefit.core.exceptions import ApplicationError
from tests.conftest import make_user
from tests.hiring.board_helpers import application_make, requisition_make

BATTERY = "service-profile-standard"
OWN_REMINDERS = {
    "en": ("Don't forget: {job_title}", "Hi {candidate_name}, your test is still waiting: {assessment_link}"),
    "da": ("Husk testen: {job_title}", "Hej {candidate_name}, din test venter stadig: {assessment_link}"),
    "nb": ("Husk testen: {job_title}", "Hei {candidate_name}, testen din venter fortsatt: {assessment_link}"),
    "sv": ("Glöm inte testet: {job_title}", "Hej {candidate_name}, ditt test väntar fortfarande: {assessment_link}"),
}


@pytest.fixture
def inviter(db):
    user = make_user("rasmus", "recruiter")
    user.email = "rasmus@nordlys.example"
    user.save()
    return user


def invited(user, language, capture):
    """An application invited with assessments' own e-mail, its link expiring tomorrow: the reminder is due."""
    application = application_make(
        user, requisition_make(user, title="Kundeservice"), name="Kim Olsen", language=language
    )
    with capture(execute=True):
        invitation = application_invite_send(
            application=application, assessment=Assessment.objects.get(slug=BATTERY), user=user
        )
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() + timedelta(days=1))
    mail.outbox.clear()
    return application, invitation


def remind(capture):
    with capture(execute=True):
        invitation_reminders_task()


@pytest.mark.parametrize("language", ["en", "da", "nb", "sv"])
def test_it_sends_the_teams_own_reminder_in_the_candidates_language(
    inviter, language, django_capture_on_commit_callbacks
):
    application, invitation = invited(inviter, language, django_capture_on_commit_callbacks)
    subject, body = OWN_REMINDERS[language]
    email_template_save(
        team=application.requisition.team, kind="reminder", language=language, subject=subject, body=body
    )

    remind(django_capture_on_commit_callbacks)

    [sent] = mail.outbox
    assert sent.subject == subject.format(job_title="Kundeservice")
    assert sent.body.startswith(body.split("{candidate_name}")[0] + "Kim Olsen")
    assert f"/take/{invitation.public_id}." in sent.body
    assert sent.reply_to == ["rasmus@nordlys.example"]
    assert CandidateEmail.objects.get(application=application).kind == "reminder"
    assert Invitation.objects.get(id=invitation.id).reminded_at is not None


def test_it_sends_the_built_in_reminder_in_a_language_the_team_wrote_none_for(
    inviter, django_capture_on_commit_callbacks
):
    application, invitation = invited(inviter, "da", django_capture_on_commit_callbacks)
    subject, body = OWN_REMINDERS["sv"]
    email_template_save(team=application.requisition.team, kind="reminder", language="sv", subject=subject, body=body)

    remind(django_capture_on_commit_callbacks)

    [sent] = mail.outbox
    assert sent.subject.startswith("Påmindelse")
    assert "Kim Olsen" in sent.body and f"/take/{invitation.public_id}." in sent.body
    assert not CandidateEmail.objects.exists()


def test_it_sends_the_reminder_once_when_the_task_runs_twice(inviter, django_capture_on_commit_callbacks):
    application, invitation = invited(inviter, "nb", django_capture_on_commit_callbacks)
    subject, body = OWN_REMINDERS["nb"]
    email_template_save(team=application.requisition.team, kind="reminder", language="nb", subject=subject, body=body)

    remind(django_capture_on_commit_callbacks)
    remind(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Hej {candidate_name}, husk testen", "The body must contain {assessment_link}."),
        ("Vi ses {interview_when}: {assessment_link}", "Unknown placeholders: {interview_when}."),
        ("Hej {candidate_name:>9}: {assessment_link}", "Write placeholders as the name alone in braces"),
    ],
)
def test_it_refuses_a_reminder_with_wrong_placeholders(inviter, body, message):
    team = requisition_make(inviter).team
    with pytest.raises(ApplicationError) as excinfo:
        email_template_save(team=team, kind="reminder", language="da", subject="Husk testen", body=body)
    assert message in " ".join(excinfo.value.extra["fields"]["body"])
    assert not team.candidate_email_templates.exists()


def test_it_lets_a_recruiter_write_a_reminder_on_the_email_texts_page(client, inviter):
    requisition = requisition_make(inviter)
    client.force_login(inviter)
    url = f"/hiring/requisitions/{requisition.id}/emails/"
    page = client.get(url).content.decode()
    assert 'value="reminder"' in page and "{assessment_link}" in page

    data = {"kind": "reminder", "language": "sv", "subject": "Påminnelse", "body": "Hej! {assessment_link}"}
    response = client.post(url, data, follow=True)

    assert "The e-mail text was saved." in response.content.decode()
    assert requisition.team.candidate_email_templates.get().kind == "reminder"
    assert "Påminnelse" in client.get(f"{url}?kind=reminder&language=sv").content.decode()


def test_it_lets_the_admin_edit_a_reminder_and_checks_its_placeholders(client, admin_user, inviter):
    team = requisition_make(inviter).team
    client.force_login(admin_user)
    data = {"team": team.id, "kind": "reminder", "language": "nb", "subject": "Påminnelse", "body": "Hei {navn}"}
    response = client.post("/admin/hiring/candidateemailtemplate/add/", data)
    assert response.status_code == 200
    assert "Unknown placeholders: {navn}." in response.content.decode()

    response = client.post("/admin/hiring/candidateemailtemplate/add/", {**data, "body": "Hei! {assessment_link}"})

    assert response.status_code == 302
    assert team.candidate_email_templates.get().kind == "reminder"


@pytest.mark.parametrize("kind", ["reminder", "invitation"])
def test_it_still_sends_the_link_in_the_built_in_words_when_the_team_deletes_its_text_after_it_was_queued(
    inviter, kind, django_capture_on_commit_callbacks
):
    from hiring.messages import candidate_email_send, email_template_delete
    from hiring.models import CandidateEmailTemplate

    application, invitation = invited(inviter, "da", django_capture_on_commit_callbacks)
    subject, body = OWN_REMINDERS["da"]
    template = email_template_save(
        team=application.requisition.team, kind=kind, language="da", subject=subject, body=body
    )
    with django_capture_on_commit_callbacks(execute=False) as queued:
        candidate_email_send(application=application, kind=kind, user=inviter, extra={"invitation_id": invitation.id})
    email_template_delete(template=CandidateEmailTemplate.objects.get(id=template.id))

    for callback in queued:
        callback()

    [sent] = mail.outbox
    assert f"/take/{invitation.public_id}." in sent.body
    assert "Husk testen" not in sent.subject  # assessments' own Danish wording, not the deleted text
    assert CandidateEmail.objects.get(application=application, kind=kind).sent_at is not None


@pytest.mark.parametrize("kind", ["invitation", "reminder"])
def test_it_refuses_the_interview_time_and_place_outside_an_interview_invitation(inviter, kind):
    team = requisition_make(inviter).team
    with pytest.raises(ApplicationError) as excinfo:
        email_template_save(
            team=team, kind=kind, language="da", subject="Hej", body="Vi ses {interview_when}: {assessment_link}"
        )
    assert "Unknown placeholders: {interview_when}." in " ".join(excinfo.value.extra["fields"]["body"])
