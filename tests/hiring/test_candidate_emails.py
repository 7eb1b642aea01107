"""E-mails to candidates: built-in texts per language, a team's own texts with checked
placeholders, the record of what was sent, and the applicant's export and erasure."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from hiring.messages import candidate_email_deliver, candidate_email_send, email_template_save
from hiring.models import CandidateEmail
from servicefit.core.exceptions import ApplicationError
from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.hiring.board_helpers import application_make, requisition_make

GREETINGS = {"en": "Dear Kim Olsen,", "da": "Kære Kim Olsen", "nb": "Hei Kim Olsen,", "sv": "Hej Kim Olsen,"}
REJECTION_SUBJECTS = {
    "en": "Your application: Kundeservice",
    "da": "Din ansøgning: Kundeservice",
    "nb": "Din søknad: Kundeservice",
    "sv": "Din ansökan: Kundeservice",
}


@pytest.fixture
def team(db):
    return team_create(name="Nordlys Kundeservice")


@pytest.fixture
def recruiter_in_team(team):
    user = make_user("rasmus", "recruiter", teams=[team])
    user.email = "rasmus@nordlys.example"
    user.save()
    return user


@pytest.fixture
def requisition(recruiter_in_team):
    return requisition_make(recruiter_in_team, title="Kundeservice")


def send(application, kind, user, extra=None, *, capture):
    with capture(execute=True):
        return candidate_email_send(application=application, kind=kind, user=user, extra=extra)


@pytest.mark.parametrize("language", ["en", "da", "nb", "sv"])
def test_it_sends_the_built_in_rejection_in_the_candidates_language(
    recruiter_in_team, requisition, language, django_capture_on_commit_callbacks
):
    application = application_make(recruiter_in_team, requisition, name="Kim Olsen", language=language)
    record = send(application, "rejection", recruiter_in_team, capture=django_capture_on_commit_callbacks)
    [sent] = mail.outbox
    assert sent.subject == REJECTION_SUBJECTS[language]
    assert sent.body.startswith(GREETINGS[language])
    assert "Kundeservice" in sent.body and "Nordlys Kundeservice" in sent.body
    assert sent.reply_to == ["rasmus@nordlys.example"]
    record.refresh_from_db()
    assert (record.kind, record.language, record.by) == ("rejection", language, recruiter_in_team)
    assert record.sent_at is not None


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "When:"), ("da", "Tidspunkt:"), ("nb", "Tid:"), ("sv", "Plats:")],
)
def test_the_interview_invitation_names_the_time_and_place_in_the_candidates_language(
    recruiter_in_team, requisition, language, words, django_capture_on_commit_callbacks
):
    application = application_make(recruiter_in_team, requisition, name="Kim Olsen", language=language)
    when = timezone.now() + timedelta(days=2)
    send(
        application,
        "interview",
        recruiter_in_team,
        {"when": when, "place": "Teams-møde"},
        capture=django_capture_on_commit_callbacks,
    )
    [sent] = mail.outbox
    assert words in sent.body and "Teams-møde" in sent.body
    assert str(timezone.localtime(when).year) in sent.body


def test_a_teams_own_text_is_used_for_its_language_only(
    recruiter_in_team, requisition, team, django_capture_on_commit_callbacks
):
    email_template_save(
        team=team,
        kind="rejection",
        language="sv",
        subject="Tack, {candidate_name}",
        body="Hej {candidate_name}! Tjänsten {job_title} hos {team_name} är tillsatt.",
    )
    swede = application_make(recruiter_in_team, requisition, name="Kim Olsen", language="sv")
    dane = application_make(recruiter_in_team, requisition, name="Ida Holm", language="da")
    send(swede, "rejection", recruiter_in_team, capture=django_capture_on_commit_callbacks)
    send(dane, "rejection", recruiter_in_team, capture=django_capture_on_commit_callbacks)
    own, built_in = mail.outbox
    assert own.subject == "Tack, Kim Olsen"
    assert own.body == "Hej Kim Olsen! Tjänsten Kundeservice hos Nordlys Kundeservice är tillsatt."
    assert built_in.subject == "Din ansøgning: Kundeservice"


@pytest.mark.parametrize(
    ("kind", "body", "message"),
    [
        ("rejection", "Hej {name}", "Unknown placeholders: {name}."),
        ("rejection", "Hej {candidate_name", "A brace is not closed"),
        ("rejection", "Vi ses {interview_when}", "Unknown placeholders: {interview_when}."),
        ("invitation", "Hej {candidate_name}", "The body must contain {assessment_link}."),
    ],
)
def test_it_refuses_a_template_with_wrong_placeholders(team, kind, body, message):
    with pytest.raises(ApplicationError) as excinfo:
        email_template_save(team=team, kind=kind, language="da", subject="Emne", body=body)
    assert message in " ".join(excinfo.value.extra["fields"]["body"])
    assert not team.candidate_email_templates.exists()


def test_an_unknown_kind_is_refused_and_nothing_recorded(recruiter_in_team, requisition):
    application = application_make(recruiter_in_team, requisition)
    with pytest.raises(ApplicationError):
        candidate_email_send(application=application, kind="newsletter", user=recruiter_in_team)
    assert not CandidateEmail.objects.exists()


def test_the_task_run_twice_sends_once_and_an_erased_candidate_gets_nothing(
    recruiter_in_team, requisition, hr_user, django_capture_on_commit_callbacks
):
    application = application_make(recruiter_in_team, requisition, name="Kim Olsen")
    record = send(application, "rejection", recruiter_in_team, capture=django_capture_on_commit_callbacks)
    candidate_email_deliver(candidate_email_id=record.id, extra={})
    assert len(mail.outbox) == 1

    other = application_make(recruiter_in_team, requisition, name="Ida Holm", email="ida@example.dk")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queued = candidate_email_send(application=other, kind="rejection", user=recruiter_in_team)
    personal_data_erase(subject=Subject(email="ida@example.dk"), user=hr_user)
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert not CandidateEmail.objects.filter(id=queued.id).exists()


def test_the_applicants_export_lists_the_emails_and_erasure_removes_them(
    recruiter_in_team, requisition, hr_user, django_capture_on_commit_callbacks
):
    application = application_make(recruiter_in_team, requisition, name="Kim Olsen", email="kim@example.dk")
    send(application, "rejection", recruiter_in_team, capture=django_capture_on_commit_callbacks)
    document = personal_data_export(subject=Subject(email="kim@example.dk"), user=hr_user)
    [exported] = document["data"]["applicant"]["candidates"][0]["applications"][0]["emails"]
    assert exported["kind"] == "rejection" and exported["language"] == "da" and exported["sent_at"]
    personal_data_erase(subject=Subject(email="kim@example.dk"), user=hr_user)
    assert not CandidateEmail.objects.exists()


# The page under the requisition -------------------------------------------------------------------


def test_a_recruiter_writes_and_removes_the_teams_own_text_on_the_page(client, recruiter_in_team, requisition, team):
    client.force_login(recruiter_in_team)
    url = f"/hiring/requisitions/{requisition.id}/emails/"
    assert "None yet: every e-mail uses the built-in text." in client.get(url).content.decode()
    data = {"kind": "rejection", "language": "nb", "subject": "Søknaden din", "body": "Hei {candidate_name}"}
    response = client.post(url, data, follow=True)
    assert "The e-mail text was saved." in response.content.decode()
    assert team.candidate_email_templates.get().subject == "Søknaden din"

    response = client.post(url, {**data, "body": "Hei {fornavn}"})
    assert response.status_code == 400
    assert "Unknown placeholders: {fornavn}." in response.content.decode()
    assert team.candidate_email_templates.get().body == "Hei {candidate_name}"

    response = client.post(url, {"kind": "rejection", "language": "nb", "delete": "1"}, follow=True)
    assert "the built-in text is used again" in response.content.decode()
    assert not team.candidate_email_templates.exists()


def test_the_email_page_is_for_the_teams_recruiters_only(client, requisition, manager, other_team_users):
    url = f"/hiring/requisitions/{requisition.id}/emails/"
    assert client.get(url).status_code == 302
    client.force_login(manager)
    assert client.get(url).status_code == 403
    client.force_login(other_team_users["recruiter"])
    assert client.get(url).status_code == 404
    data = {"kind": "rejection", "language": "da", "subject": "x", "body": "y"}
    assert client.post(url, data).status_code == 404


def test_the_admin_checks_the_placeholders_too(client, admin_user, team):
    client.force_login(admin_user)
    data = {"team": team.id, "kind": "interview", "language": "sv", "subject": "Intervju", "body": "Hej {namn}"}
    response = client.post("/admin/hiring/candidateemailtemplate/add/", data)
    assert response.status_code == 200
    assert "Unknown placeholders: {namn}." in response.content.decode()
    response = client.post("/admin/hiring/candidateemailtemplate/add/", {**data, "body": "Hej {candidate_name}"})
    assert response.status_code == 302
    assert team.candidate_email_templates.get().body == "Hej {candidate_name}"
